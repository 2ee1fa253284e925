import { useLayoutEffect, useRef, type RefObject } from "react";

/**
 * Animated rank changes (FLIP): after each render, every element marked `data-flip-key` inside `container` that moved
 * slides from where it was to where it is now. Transforms only, so the layout never jumps and the table stays readable
 * mid-animation. Rows that climbed also light up briefly (those they pushed down only slide). Nothing moves for people
 * who ask for reduced motion.
 *
 * `signature` changes when the order may have changed (the row keys in order); `flash` is the highlight colour.
 */
export function useFlip(container: RefObject<HTMLElement | null>, signature: string, options: { durationMs?: number; flash?: string } = {}) {
  const positions = useRef(new Map<string, number>());
  const { durationMs = 700, flash = "rgba(79, 70, 229, 0.16)" } = options;
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    const origin = root.getBoundingClientRect().top; // relative to the container: scrolling is not movement
    const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    const next = new Map<string, number>();
    for (const el of root.querySelectorAll<HTMLElement>("[data-flip-key]")) {
      const key = el.dataset.flipKey!;
      const top = el.getBoundingClientRect().top - origin;
      next.set(key, top);
      const before = positions.current.get(key);
      if (reduce || before === undefined || Math.abs(before - top) < 1 || typeof el.animate !== "function") continue;
      el.animate([{ transform: `translateY(${before - top}px)` }, { transform: "translateY(0)" }], { duration: durationMs, easing: "cubic-bezier(0.2, 0.8, 0.2, 1)" });
      if (before < top) continue; // moved down: sliding is enough
      const base = getComputedStyle(el).backgroundColor; // back to the row's own colour (the viewer's row is tinted)
      el.animate([{ backgroundColor: flash }, { backgroundColor: flash, offset: 0.6 }, { backgroundColor: base }], { duration: durationMs * 3 });
    }
    positions.current = next;
  }, [container, signature, durationMs, flash]);
}
