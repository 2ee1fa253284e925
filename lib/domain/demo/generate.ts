import { addDays } from "../calendar";
import type { CanonicalEvent } from "../events";
import { abandonedCall, callEvent, callShape, dailyMetric, qaReview, surveysAfter, ticketEvent, ticketShape, unassignedTicket, type EventContext } from "./contacts";
import { dayLoad, HOUR_WEIGHTS, isoWeekday, OPEN_HOUR, presence, TEAM_PROFILES, type DemoAgent } from "./profiles";
import { rngFor, type Rng } from "./random";
import { zonedInstant } from "./wall-clock";

/**
 * Historical demo events (SPEC §12): calls, tickets, surveys, QA reviews and custom metrics for each agent and day of
 * a range, with weekday seasonality, opening hours in the organization's time zone and skill differences between
 * agents. Pure and deterministic: the same input gives the same events, and every agent-day draws from its own
 * seeded stream, so an event's id (`demo-<day>-<agent>-<n>`) always carries the same body and reseeding an overlapping
 * range only produces duplicates. (A queue's unattributed events, `demo-<day>-<queue>-ab<n>` / `-ut<n>`, scale with
 * that day's answered calls, so they stay the same as long as the same agents work that day.)
 */
export type DemoHistoryInput = {
  agents: readonly DemoAgent[];
  /** First local day, "YYYY-MM-DD". */
  startDay: string;
  days: number;
  timeZone: string;
  seed: string;
};

const pad = (n: number) => String(n).padStart(3, "0");

/** A start second within the local opening hours, following the intraday curve. */
function secondOfDay(rng: Rng): number {
  const hour = rng.weighted(HOUR_WEIGHTS.map((_, i) => i), HOUR_WEIGHTS);
  return (OPEN_HOUR + hour) * 3600 + rng.int(0, 3599);
}

type AgentDay = { events: CanonicalEvent[]; answeredCalls: number };

function agentDay(agent: DemoAgent, day: string, input: DemoHistoryInput, ctx: EventContext): AgentDay {
  const rng = rngFor(`${input.seed}|${day}|${agent.externalId}`);
  if (!rng.chance(presence(day))) return { events: [], answeredCalls: 0 };
  const p = TEAM_PROFILES[agent.team];
  const weekend = isoWeekday(day) >= 6;
  const load = dayLoad(day, agent.team);
  const expected = p.contactsPerDay * load * (1 + 0.12 * agent.skill.speed);
  const starts = Array.from({ length: rng.poisson(expected) }, () => secondOfDay(rng)).sort((a, b) => a - b);
  const at = (second: number) => zonedInstant(day, second, input.timeZone);
  const prefix = `demo-${day}-${agent.externalId}`;

  const events: CanonicalEvent[] = [];
  let answeredCalls = 0;
  starts.forEach((second, i) => {
    const start = at(second);
    if (rng.chance(p.callShare)) {
      const shape = callShape(rng, agent, load);
      const id = `${prefix}-c${pad(i)}`;
      events.push(callEvent(id, agent, start, shape, ctx));
      events.push(...surveysAfter(rng, id, agent, start + shape.duration * 1000, shape.resolved, ctx));
      answeredCalls++;
    } else {
      const id = `${prefix}-t${pad(i)}`;
      const shape = ticketShape(rng, agent);
      const ticket = ticketEvent(rng, id, agent, start, shape, ctx);
      const solvedAt = shape.solve === null ? null : start + shape.solve * 1000;
      // solved after the range ends: not known yet (a later range brings it, with the same id and body)
      if ((solvedAt ?? start + shape.firstReply * 1000) <= ctx.limit) events.push(ticket);
      if (solvedAt !== null) events.push(...surveysAfter(rng, id, agent, solvedAt, true, ctx));
    }
  });
  // QA samples about three contacts a week per agent, on weekdays.
  if (!weekend && starts.length > 0 && rng.chance(0.6)) events.push(qaReview(rng, `${prefix}-qa`, agent, at(secondOfDay(rng)), ctx));
  // Custom metrics arrive from the CRM once a day, after closing.
  const metric = dailyMetric(rng, `${prefix}-${p.metric?.key ?? "metric"}`, agent, at(20 * 3600 + rng.int(0, 1800)), load, ctx);
  if (metric) events.push(metric);
  return { events, answeredCalls };
}

/** Callers who hung up in the queue and tickets nobody picked up: per queue and day, attributable to no agent. */
function queueDay(queue: string, day: string, answeredCalls: number, input: DemoHistoryInput, ctx: EventContext, team: DemoAgent["team"]): CanonicalEvent[] {
  const rng = rngFor(`${input.seed}|${day}|queue|${queue}`);
  // Abandonment climbs steeply on busy days: ~5 % on a Monday, ~2.5 % on a Friday.
  const rate = Math.min(0.2, 0.03 * dayLoad(day, team) ** 2);
  const abandoned = answeredCalls > 0 ? rng.poisson((answeredCalls * rate) / (1 - rate)) : 0;
  const events: CanonicalEvent[] = [];
  for (let i = 0; i < abandoned; i++) {
    events.push(abandonedCall(rng, `demo-${day}-${queue}-ab${pad(i)}`, queue, zonedInstant(day, secondOfDay(rng), input.timeZone), ctx));
  }
  const unassigned = answeredCalls > 0 ? rng.poisson(0.5) : 0;
  for (let i = 0; i < unassigned; i++) {
    events.push(unassignedTicket(rng, `demo-${day}-${queue}-ut${pad(i)}`, queue, zonedInstant(day, secondOfDay(rng), input.timeZone), ctx));
  }
  return events;
}

/** Every day of the range, oldest first; within a day, agent by agent, then each queue's unattributed events. */
export function* demoHistoryByDay(input: DemoHistoryInput): Generator<{ day: string; events: CanonicalEvent[] }> {
  const ctx: EventContext = { timeZone: input.timeZone, limit: zonedInstant(addDays(input.startDay, input.days), 0, input.timeZone) - 1000 };
  for (let d = 0; d < input.days; d++) {
    const day = addDays(input.startDay, d);
    const events: CanonicalEvent[] = [];
    const answered = new Map<string, { calls: number; team: DemoAgent["team"] }>();
    for (const agent of input.agents) {
      if ((agent.from && day < agent.from) || (agent.until && day > agent.until)) continue;
      const result = agentDay(agent, day, input, ctx);
      events.push(...result.events);
      const queue = TEAM_PROFILES[agent.team].queue;
      const q = answered.get(queue) ?? { calls: 0, team: agent.team };
      q.calls += result.answeredCalls;
      answered.set(queue, q);
    }
    for (const [queue, { calls, team }] of answered) events.push(...queueDay(queue, day, calls, input, ctx, team));
    yield { day, events };
  }
}

/** All events of the range at once (tests, small ranges); seeding streams them with demoHistoryByDay. */
export function generateDemoHistory(input: DemoHistoryInput): CanonicalEvent[] {
  const all: CanonicalEvent[] = [];
  for (const { events } of demoHistoryByDay(input)) all.push(...events);
  return all;
}
