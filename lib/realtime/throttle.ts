/**
 * At most one run per key per window, leading and trailing: the first trigger runs at once, triggers during the
 * window are merged into one run at its end (which opens a new window). Used to coalesce NOTIFYs per organization:
 * a quiet organization's change goes out immediately, a busy one's at most once per window.
 */
export class KeyedThrottle<K> {
  private readonly windows = new Map<K, { again: boolean; timer: ReturnType<typeof setTimeout> }>();

  constructor(
    private readonly windowMs: number,
    private readonly run: (key: K) => void,
  ) {}

  trigger(key: K): void {
    const open = this.windows.get(key);
    if (open) {
      open.again = true;
      return;
    }
    this.run(key);
    this.openWindow(key);
  }

  /** Keys whose window is still open (for tests and stats). */
  get pending(): number {
    return this.windows.size;
  }

  /** Runs every merged trigger now and stops all windows. */
  flush(): void {
    for (const [key, w] of this.windows) {
      clearTimeout(w.timer);
      if (w.again) this.run(key);
    }
    this.windows.clear();
  }

  private openWindow(key: K): void {
    const w = {
      again: false,
      timer: setTimeout(() => {
        if (!w.again) {
          this.windows.delete(key);
          return;
        }
        this.windows.delete(key);
        this.run(key);
        this.openWindow(key);
      }, this.windowMs),
    };
    w.timer.unref?.();
    this.windows.set(key, w);
  }
}
