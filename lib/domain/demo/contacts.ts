import type { CanonicalEvent } from "../events";
import { TEAM_PROFILES, type DemoAgent } from "./profiles";
import { clamp, type Rng } from "./random";
import { isoInZone } from "./wall-clock";

/**
 * One contact of one agent turned into canonical events, the way real systems report them: fields a system would not
 * know are null (never 0), and a few are missing at random the way exports lose them. Instants are epoch ms; `limit`
 * is the latest instant an event may carry (the end of the generated range, or "now" for live events): later events
 * have not happened yet. An event's body never depends on the limit, only whether it is emitted.
 */
export type EventContext = { timeZone: string; limit: number };

const round = Math.round;

/** A call's shape before it is placed in time. */
export type CallShape = {
  waitSeconds: number | null;
  talkSeconds: number | null;
  holdSeconds: number | null;
  wrapSeconds: number | null;
  resolved: boolean | null;
  firstContactResolved: boolean | null;
  /** Seconds from answer to the end of wrap-up (null parts as 0). */
  duration: number;
};

export function callShape(rng: Rng, agent: DemoAgent, load: number): CallShape {
  const p = TEAM_PROFILES[agent.team];
  const { quality, speed } = agent.skill;
  // Queues back up on busy days: waits grow faster than the load.
  const wait = rng.chance(0.02) ? null : round(clamp(rng.logNormal(12 * load ** 1.5, 0.9), 0, 900));
  const talk = rng.chance(0.01) ? null : round(clamp(rng.logNormal(p.talk * (1 - 0.18 * speed), 0.5), 20, 3600));
  const hold = rng.chance(0.1) ? null : rng.chance(0.55) ? 0 : round(clamp(rng.logNormal(p.hold * (1 - 0.25 * speed), 0.7), 5, 1200));
  const wrap = rng.chance(0.05) ? null : round(clamp(rng.logNormal(p.wrap * (1 - 0.3 * speed), 0.5), 5, 600));
  const isResolved = rng.chance(clamp(p.resolved + 0.1 * quality, 0.35, 0.97));
  const resolved = rng.chance(0.12) ? null : isResolved;
  const fcr = rng.chance(0.2) ? null : isResolved && rng.chance(clamp(0.82 + 0.1 * quality, 0.5, 0.97));
  return {
    waitSeconds: wait,
    talkSeconds: talk,
    holdSeconds: hold,
    wrapSeconds: wrap,
    resolved,
    firstContactResolved: fcr,
    duration: (talk ?? 240) + (hold ?? 0) + (wrap ?? 0),
  };
}

export function callEvent(id: string, agent: DemoAgent, start: number, shape: CallShape, ctx: EventContext): CanonicalEvent {
  const { duration: _duration, ...fields } = shape;
  return { id, type: "call", agent: agent.externalId, queue: TEAM_PROFILES[agent.team].queue, channel: "voice", occurredAt: isoInZone(start, ctx.timeZone), answered: true, ...fields };
}

/** A caller who hung up before an agent answered: attributable to no agent. */
export function abandonedCall(rng: Rng, id: string, queue: string, start: number, ctx: EventContext): CanonicalEvent {
  return {
    id,
    type: "call",
    agent: null,
    queue,
    channel: "voice",
    occurredAt: isoInZone(start, ctx.timeZone),
    answered: false,
    resolved: null,
    firstContactResolved: null,
    waitSeconds: rng.chance(0.03) ? null : round(clamp(rng.logNormal(70, 0.7), 3, 900)),
    talkSeconds: null,
    holdSeconds: null,
    wrapSeconds: null,
  };
}

/** A ticket's timings in seconds from its creation, before it is placed in time. */
export type TicketShape = { channel: "email" | "chat"; firstReply: number; solve: number | null; replies: number; reopens: number };

export function ticketShape(rng: Rng, agent: DemoAgent): TicketShape {
  const p = TEAM_PROFILES[agent.team];
  const { quality, speed } = agent.skill;
  const chat = rng.chance(p.chatShare);
  const firstReply = chat ? clamp(rng.logNormal(60 * (1 - 0.3 * speed), 0.6), 5, 1800) : clamp(rng.logNormal(150 * 60 * (1 - 0.3 * speed), 0.8), 120, 3 * 86_400);
  const afterReply = chat ? clamp(rng.logNormal(12 * 60 * (1 - 0.2 * speed), 0.5), 60, 7200) : clamp(rng.logNormal(6 * 3600 * (1 - 0.2 * speed), 1.0), 600, 10 * 86_400);
  // waiting on the customer, escalated to another team…
  const solved = !rng.chance(clamp(0.06 - 0.03 * quality, 0.01, 0.15));
  const replies = chat ? 1 + rng.poisson(3) : 1 + rng.poisson(clamp(0.6 - 0.35 * quality, 0.15, 2));
  const reopens = solved && rng.chance(clamp(0.09 - 0.06 * quality, 0.01, 0.2)) ? (rng.chance(0.8) ? 1 : 2) : 0;
  return { channel: chat ? "chat" : "email", firstReply: round(firstReply), solve: solved ? round(firstReply + afterReply) : null, replies, reopens };
}

/**
 * The ticket in its final state: solved (occurredAt = solvedAt, its latest change, which decides its period) or, for
 * the few left waiting on the customer, replied to and open. The body never depends on where a range ends, so an id
 * always carries the same body; a caller drops a ticket whose occurredAt lies after its limit (not solved yet).
 */
export function ticketEvent(rng: Rng, id: string, agent: DemoAgent, created: number, shape: TicketShape, ctx: EventContext): CanonicalEvent {
  const firstReplyAt = created + shape.firstReply * 1000;
  const solvedAt = shape.solve === null ? null : created + shape.solve * 1000;
  const slaTarget = shape.channel === "chat" ? 120 : 4 * 3600;
  // one touch: a chat closed in its session, an email answered once; and never reopened
  const fcr = solvedAt !== null ? shape.reopens === 0 && (shape.channel === "chat" || shape.replies <= 1) : null;
  return {
    id,
    type: "ticket",
    agent: agent.externalId,
    queue: TEAM_PROFILES[agent.team].queue,
    channel: shape.channel,
    occurredAt: isoInZone(solvedAt ?? firstReplyAt, ctx.timeZone),
    createdAt: isoInZone(created, ctx.timeZone),
    firstReplyAt: isoInZone(firstReplyAt, ctx.timeZone),
    solvedAt: solvedAt === null ? null : isoInZone(solvedAt, ctx.timeZone),
    // chat tools often do not count replies
    replies: (shape.channel === "chat" && rng.chance(0.4)) || rng.chance(0.05) ? null : shape.replies,
    reopens: rng.chance(0.1) ? null : shape.reopens,
    // not every ticket falls under an SLA policy
    slaMet: rng.chance(0.07) ? null : shape.firstReply <= slaTarget,
    firstContactResolved: rng.chance(0.25) ? null : fcr,
  };
}

/** A ticket nobody picked up (yet): no agent, no reply. */
export function unassignedTicket(rng: Rng, id: string, queue: string, created: number, ctx: EventContext): CanonicalEvent {
  return {
    id,
    type: "ticket",
    agent: null,
    queue,
    channel: rng.chance(0.7) ? "email" : "chat",
    occurredAt: isoInZone(created, ctx.timeZone),
    createdAt: isoInZone(created, ctx.timeZone),
    firstReplyAt: null,
    solvedAt: null,
    replies: 0,
    reopens: null,
    slaMet: null,
    firstContactResolved: null,
  };
}

/**
 * Surveys a customer may answer after a contact that ended at `end`: CSAT for about one contact in five, NPS and CES
 * less often. Scores follow the agent's quality and whether the contact was resolved; answers arriving after
 * `ctx.limit` are not known yet. `answeredAt` pins the answer time (live events: "now").
 */
export function surveysAfter(
  rng: Rng,
  contactId: string,
  agent: DemoAgent,
  end: number,
  resolved: boolean | null,
  ctx: EventContext,
  answeredAt?: number,
): CanonicalEvent[] {
  const q = agent.skill.quality;
  const penalty = resolved === false ? 1 : 0;
  const out: CanonicalEvent[] = [];
  const base = { agent: agent.externalId, queue: TEAM_PROFILES[agent.team].queue, contactId };
  const push = (kind: "csat" | "nps" | "ces", score: number) => {
    const delay = round(rng.logNormal(40 * 60, 1.2)) * 1000;
    const at = answeredAt ?? end + delay;
    if (at <= ctx.limit) out.push({ ...base, id: `${contactId}-${kind}`, type: "survey", survey: kind, score, occurredAt: isoInZone(at, ctx.timeZone) });
  };
  if (rng.chance(0.2)) push("csat", clamp(round(4.3 + 0.45 * q - 1.1 * penalty + 0.9 * rng.normal()), 1, 5));
  if (rng.chance(0.06)) push("nps", clamp(round(8 + 1.6 * q - 2.2 * penalty + 1.9 * rng.normal()), 0, 10));
  if (rng.chance(0.03)) push("ces", clamp(round(5.3 + 0.7 * q - 1.5 * penalty + 1.1 * rng.normal()), 1, 7));
  return out;
}

/** A QA evaluation of one of the agent's contacts. */
export function qaReview(rng: Rng, id: string, agent: DemoAgent, at: number, ctx: EventContext): CanonicalEvent {
  const score = clamp(round(82 + 9 * agent.skill.quality + 6 * rng.normal()), 0, 100);
  return { id, type: "qa_review", agent: agent.externalId, queue: TEAM_PROFILES[agent.team].queue, occurredAt: isoInZone(at, ctx.timeZone), score, reviewer: `qa.${TEAM_PROFILES[agent.team].queue}` };
}

/** The team's custom metric for one agent and day (e.g. upsells), or none when the team reports none. */
export function dailyMetric(rng: Rng, id: string, agent: DemoAgent, at: number, load: number, ctx: EventContext): CanonicalEvent | null {
  const metric = TEAM_PROFILES[agent.team].metric;
  if (!metric) return null;
  const value = rng.poisson(metric.mean * (1 + 0.5 * agent.skill.quality) * Math.min(load, 1.2));
  return { id, type: "metric", agent: agent.externalId, queue: TEAM_PROFILES[agent.team].queue, occurredAt: isoInZone(at, ctx.timeZone), metric: metric.key, value };
}
