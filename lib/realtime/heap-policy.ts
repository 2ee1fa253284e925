import v8 from "node:v8";

/**
 * V8's heap policy, adapted to how many live streams the process holds.
 *
 * Each open stream keeps some heap live for as long as it stays open: about 8 KB served by server.mjs
 * (lib/http/direct-routes.ts), about 74 KB through Next's request pipeline (`next start`). With thousands open, V8's
 * default heap growth lets the old generation fill to 1.5–2× the live set with garbage before a full collection.
 * Collecting once the old generation is 10% past what survived the last collection keeps the peak near the live set:
 * for 5,000 streams through server.mjs, peak RSS 405 MB with this policy and 587 MB without (through Next: 628 and
 * 845 MB; `npm run bench:board-capacity`). Set for the whole process (`node --heap-growing-percent=10`) it costs the
 * request paths that allocate a lot and keep little: ingest fell from 0.23× to 0.16× of COPY (`npm run bench:ingest`).
 * So it is only on while many streams are open, with hysteresis so it does not flap.
 *
 * `--heap-growing-percent` is read by V8 each time it sizes the heap after a collection, so changing it at run time
 * takes effect from the next collection; 0 is V8's own default (its dynamic growing factor).
 */
export const TIGHT_FROM_STREAMS = 1_000;
export const LOOSE_BELOW_STREAMS = 500;
const TIGHT_PERCENT = 10;

const g = globalThis as unknown as { __podiumHeapTight?: boolean };

export function adaptHeapPolicy(openStreams: number): void {
  if (process.env.PODIUM_ADAPTIVE_HEAP === "0") return;
  const tight = g.__podiumHeapTight ?? false;
  if (!tight && openStreams >= TIGHT_FROM_STREAMS) setPercent(TIGHT_PERCENT, true);
  else if (tight && openStreams < LOOSE_BELOW_STREAMS) setPercent(0, false);
}

function setPercent(percent: number, tight: boolean): void {
  try {
    v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
    g.__podiumHeapTight = tight;
  } catch (err) {
    // a runtime that refuses flag changes keeps its defaults; streams work the same, only the memory peak differs
    console.warn(`[podium] could not adapt the heap policy: ${err instanceof Error ? err.message : String(err)}`);
    g.__podiumHeapTight = tight;
  }
}
