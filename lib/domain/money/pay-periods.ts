import { addDays } from "../calendar";
import { schedulePeriods } from "../campaigns/lifecycle";

/** How pay periods recur (SPEC §6): calendar months by default, or weeks or quarters. */
export const PAY_PERIODS = ["week", "month", "quarter"] as const;
export type PayPeriod = (typeof PAY_PERIODS)[number];

/**
 * The pay period to close next (SPEC §6: calendar months by default, weeks or quarters by setting): the one after the
 * last closed period, or, with none closed yet, the last one that has fully ended before today.
 */
export function nextPayPeriod(kind: PayPeriod, lastClosedTo: string | null, today: string): { from: string; to: string } {
  if (lastClosedTo) {
    const start = addDays(lastClosedTo, 1);
    const [first] = schedulePeriods({ period: kind, from: start, to: addDays(start, 100) });
    // clipped at the start when the last close ended mid-period: the rest of that period comes next
    return first!;
  }
  // periods of the kind over the 100 days up to a day: the last one starts where that day's period starts
  const endingOn = (day: string) => schedulePeriods({ period: kind, from: addDays(day, -100), to: day });
  const current = endingOn(today).at(-1)!;
  return endingOn(addDays(current.from, -1)).at(-1)!;
}
