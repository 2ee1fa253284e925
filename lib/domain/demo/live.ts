import { localDay } from "../calendar";
import type { CanonicalEvent } from "../events";
import { abandonedCall, callEvent, callShape, dailyMetric, qaReview, surveysAfter, ticketEvent, ticketShape, type EventContext } from "./contacts";
import { dayLoad, TEAM_PROFILES, type DemoAgent } from "./profiles";
import { rngFor } from "./random";

/**
 * Live demo events happening "now", for the simulator (SPEC §12): the same agents, skills and distributions as the
 * history, but every contact ends at `now` (a call that started a few minutes ago, a ticket solved this instant) and
 * its survey is answered at once, so leaderboards visibly move. Pure: `now` and the run id come in. Ids are
 * `sim-<runId>-<sequence>-<kind>`; a caller passes a fresh run id per run and the returned sequence to its next call,
 * so ids never repeat.
 */
export type LiveInput = {
  agents: readonly DemoAgent[];
  now: number;
  /** How many events to return (a contact and its survey may straddle the limit; the surplus is dropped). */
  count: number;
  timeZone: string;
  runId: string;
  /** Where this call's ids continue from (0 for the first call of a run). */
  sequence: number;
};

export function generateLiveEvents(input: LiveInput): { events: CanonicalEvent[]; sequence: number } {
  const events: CanonicalEvent[] = [];
  let sequence = input.sequence;
  if (input.agents.length === 0 || input.count <= 0) return { events, sequence };
  const now = input.now;
  const ctx: EventContext = { timeZone: input.timeZone, limit: now };
  const today = localDay(now, input.timeZone);
  // busier agents (fast ones, contact-heavy teams) produce more of the live traffic
  const weights = input.agents.map((a) => TEAM_PROFILES[a.team].contactsPerDay * (1 + 0.12 * a.skill.speed));
  while (events.length < input.count) {
    const rng = rngFor(`${input.runId}|${sequence}`);
    const id = `sim-${input.runId}-${sequence++}`;
    const agent = rng.weighted(input.agents, weights);
    const p = TEAM_PROFILES[agent.team];
    const load = dayLoad(today, agent.team);
    const kind = rng.next();
    if (kind < 0.04) {
      events.push(abandonedCall(rng, `${id}-ab`, p.queue, now, ctx));
    } else if (kind < 0.07) {
      events.push(qaReview(rng, `${id}-qa`, agent, now, ctx));
    } else if (kind < 0.09 && p.metric) {
      const metric = dailyMetric(rng, `${id}-${p.metric.key}`, agent, now, load, ctx);
      if (metric) events.push(metric);
    } else if (rng.chance(p.callShare)) {
      const shape = callShape(rng, agent, load);
      events.push(callEvent(`${id}-c`, agent, now - shape.duration * 1000, shape, ctx));
      events.push(...surveysAfter(rng, `${id}-c`, agent, now, shape.resolved, ctx, now));
    } else {
      const shape = ticketShape(rng, agent);
      // solved this instant or, while still open, first replied to this instant
      events.push(ticketEvent(rng, `${id}-t`, agent, now - (shape.solve ?? shape.firstReply) * 1000, shape, ctx));
      if (shape.solve !== null) events.push(...surveysAfter(rng, `${id}-t`, agent, now, true, ctx, now));
    }
  }
  return { events: events.slice(0, input.count), sequence };
}
