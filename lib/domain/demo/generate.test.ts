import { describe, expect, it } from "vitest";
import { addDays, localDay } from "../calendar";
import { validateEvent, type CanonicalEvent } from "../events";
import { addComponents, componentsOf, emptyComponents, type Components } from "../kpi-components";
import { computeKpi } from "../kpis";
import { generateDemoHistory } from "./generate";
import { generateLiveEvents } from "./live";
import { isoWeekday } from "./profiles";
import { DEMO_ROSTER, demoAgentFor, demoSlug, rosterAgents } from "./roster";
import { isoInZone, zonedInstant } from "./wall-clock";

const TZ = "Asia/Kuala_Lumpur";
const agents = rosterAgents();
// 2026-01-05 is a Monday: 28 days are four whole weeks
const month = generateDemoHistory({ agents, startDay: "2026-01-05", days: 28, timeZone: TZ, seed: "test" });

function kpisByAgent(events: readonly CanonicalEvent[]): Map<string, Components> {
  const by = new Map<string, Components>();
  for (const e of events) {
    if (!e.agent || e.type === "metric") continue;
    const c = by.get(e.agent) ?? emptyComponents();
    addComponents(c, componentsOf(e, { serviceLevelSeconds: 20 }));
    by.set(e.agent, c);
  }
  return by;
}
const value = (c: Components | undefined, key: string) => computeKpi(key, c ?? emptyComponents(), {}).value ?? Number.NaN;
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

describe("demo history", () => {
  it("is the same for the same input and differs for another seed", () => {
    const input = { agents: agents.slice(0, 6), startDay: "2026-02-02", days: 5, timeZone: TZ, seed: "same" };
    expect(generateDemoHistory(input)).toEqual(generateDemoHistory(input));
    expect(generateDemoHistory({ ...input, seed: "other" })).not.toEqual(generateDemoHistory(input));
  });

  it("gives an id the same body in overlapping ranges, so reseeding only finds duplicates", () => {
    const base = { agents: agents.slice(0, 8), timeZone: TZ, seed: "overlap" };
    const first = generateDemoHistory({ ...base, startDay: "2026-03-01", days: 10 });
    const later = new Map(generateDemoHistory({ ...base, startDay: "2026-03-06", days: 10 }).map((e) => [e.id, e]));
    const shared = first.filter((e) => later.has(e.id));
    expect(shared.length).toBeGreaterThan(500);
    for (const e of shared) expect(later.get(e.id)).toEqual(e);
    // a ticket created in the overlap but solved after the first range ended arrives with the later range only
    const firstIds = new Set(first.map((e) => e.id));
    const arrivedLater = [...later.values()].filter((e) => e.type === "ticket" && e.id.slice(5, 15) <= "2026-03-10" && !firstIds.has(e.id));
    expect(arrivedLater.length).toBeGreaterThan(0);
  });

  it("produces only valid canonical events with unique ids, inside the range", () => {
    const ids = new Set<string>();
    for (const e of month) {
      const r = validateEvent(e);
      expect(r.ok ? [] : r.errors, e.id).toEqual([]);
      expect(e.id).toMatch(/^demo-\d{4}-\d{2}-\d{2}-[a-z0-9._@-]+-[a-z]+\d*(-[a-z]+)?$/);
      ids.add(e.id);
      const day = localDay(e.occurredAt, TZ);
      expect(day >= "2026-01-05" && day <= "2026-02-01", `${e.id} on ${day}`).toBe(true);
      expect(e.occurredAt).toMatch(/\+08:00$/);
    }
    expect(ids.size).toBe(month.length);
  });

  it("has every event type and the nulls real systems send", () => {
    const types = new Set(month.map((e) => e.type));
    expect([...types].sort()).toEqual(["call", "metric", "qa_review", "survey", "ticket"]);
    const calls = month.filter((e) => e.type === "call");
    const share = (xs: readonly unknown[], pred: (x: never) => boolean) => xs.filter((x) => pred(x as never)).length / xs.length;
    const answered = calls.filter((c) => c.answered);
    expect(share(answered, (c: { holdSeconds: number | null }) => c.holdSeconds === null)).toBeCloseTo(0.1, 1);
    expect(share(answered, (c: { resolved: boolean | null }) => c.resolved === null)).toBeGreaterThan(0.05);
    const abandoned = calls.filter((c) => !c.answered);
    expect(abandoned.length / calls.length).toBeGreaterThan(0.01);
    expect(abandoned.length / calls.length).toBeLessThan(0.1);
    expect(abandoned.every((c) => c.agent === null && c.talkSeconds === null)).toBe(true);
    const tickets = month.filter((e) => e.type === "ticket");
    expect(tickets.some((t) => t.solvedAt === null)).toBe(true);
    expect(tickets.some((t) => t.slaMet === null)).toBe(true);
    for (const t of tickets) {
      if (t.firstReplyAt) expect(Date.parse(t.firstReplyAt)).toBeGreaterThanOrEqual(Date.parse(t.createdAt));
      if (t.solvedAt) expect(Date.parse(t.solvedAt)).toBeGreaterThanOrEqual(Date.parse(t.firstReplyAt!));
    }
    const surveys = month.filter((e) => e.type === "survey");
    const contacts = month.filter((e) => (e.type === "call" && e.answered) || e.type === "ticket").length;
    const csat = surveys.filter((s) => s.survey === "csat");
    expect(csat.length / contacts).toBeGreaterThan(0.15);
    expect(csat.length / contacts).toBeLessThan(0.25);
    const ids = new Set(month.map((e) => e.id));
    expect(surveys.every((s) => s.contactId && ids.has(s.contactId))).toBe(true);
    expect(surveys.some((s) => s.survey === "nps") && surveys.some((s) => s.survey === "ces")).toBe(true);
    expect(month.filter((e) => e.type === "metric").every((m) => m.metric === "upsells" && m.queue === "retention")).toBe(true);
  });

  it("keeps 36 agents at a sensible volume: about 20k events a month, three QA reviews a week each", () => {
    expect(agents).toHaveLength(36);
    expect(month.length).toBeGreaterThan(17_000);
    expect(month.length).toBeLessThan(30_000);
    const qaPerAgentWeek = month.filter((e) => e.type === "qa_review").length / 36 / 4;
    expect(qaPerAgentWeek).toBeGreaterThan(2);
    expect(qaPerAgentWeek).toBeLessThan(4);
  });

  it("follows weekday seasonality: Monday peaks, weekends are light, calls only in opening hours (08:00–20:00)", () => {
    const perWeekday = [0, 0, 0, 0, 0, 0, 0, 0];
    for (const e of month.filter((x) => x.type === "call")) {
      perWeekday[isoWeekday(localDay(e.occurredAt, TZ))]!++;
      const hour = Number(e.occurredAt.slice(11, 13));
      expect(hour >= 8 && hour < 20, e.occurredAt).toBe(true);
    }
    const [, mon, tue, wed, thu, fri, sat, sun] = perWeekday as [number, number, number, number, number, number, number, number];
    expect(mon).toBeGreaterThan(Math.max(tue, wed, thu, fri));
    expect(fri).toBeLessThan(tue);
    expect(sat).toBeLessThan(0.4 * mean([tue, wed, thu]));
    expect(sun).toBeLessThan(sat);
  });

  it("shows skill differences in the KPIs: stars beat strugglers of their team", () => {
    const by = kpisByAgent(month);
    const of = (tier: string) => DEMO_ROSTER.filter((r) => r.tier === tier).map((r) => by.get(demoSlug(r.name)));
    const avg = (tier: string, key: string) => mean(of(tier).map((c) => value(c, key)));
    for (const key of ["csat", "qa_score", "resolution_rate", "fcr_rate"]) expect(avg("star", key), key).toBeGreaterThan(avg("struggling", key) + 5);
    // speed: fast agents handle calls quicker than thorough ones, and take more contacts
    expect(avg("speedy", "aht")).toBeLessThan(avg("thorough", "aht"));
    expect(avg("struggling", "aht")).toBeGreaterThan(avg("star", "aht"));
    // within Billing, the best and worst CSAT are far apart
    const billing = DEMO_ROSTER.filter((r) => r.team === "billing").map((r) => value(by.get(demoSlug(r.name)), "csat"));
    expect(Math.max(...billing) - Math.min(...billing)).toBeGreaterThan(15);
  });

  it("leaves out an agent's days outside their from/until", () => {
    const temp = { ...agents[0]!, externalId: "temp.agent", from: "2026-01-10", until: "2026-01-12" };
    const events = generateDemoHistory({ agents: [temp], startDay: "2026-01-05", days: 14, timeZone: TZ, seed: "t" });
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.id.slice(5, 15) >= "2026-01-10" && e.id.slice(5, 15) <= "2026-01-12", e.id).toBe(true);
  });
});

describe("live demo events", () => {
  const now = Date.parse("2026-03-02T03:00:00Z"); // 11:00 in Kuala Lumpur
  it("returns exactly the asked number of valid events happening now, with fresh ids per sequence", () => {
    const first = generateLiveEvents({ agents, now, count: 50, timeZone: TZ, runId: "r1", sequence: 0 });
    const second = generateLiveEvents({ agents, now, count: 50, timeZone: TZ, runId: "r1", sequence: first.sequence });
    expect(first.events).toHaveLength(50);
    const all = [...first.events, ...second.events];
    expect(new Set(all.map((e) => e.id)).size).toBe(100);
    for (const e of all) {
      expect(validateEvent(e).ok, e.id).toBe(true);
      expect(e.id.startsWith("sim-r1-")).toBe(true);
      const at = Date.parse(e.occurredAt);
      expect(at).toBeLessThanOrEqual(now);
      expect(at).toBeGreaterThan(now - 3 * 3600_000);
      if (e.type === "ticket" && e.solvedAt) expect(Date.parse(e.solvedAt)).toBe(Math.floor(now / 1000) * 1000);
    }
    expect(generateLiveEvents({ agents, now, count: 50, timeZone: TZ, runId: "r1", sequence: 0 })).toEqual(first);
  });

  it("works for any organization's agents, mapping team names to profiles", () => {
    expect(demoAgentFor("x", ["Billing West"]).team).toBe("billing");
    expect(demoAgentFor("x", ["Technical Support"]).team).toBe("tech_support");
    expect(demoAgentFor("x", ["Retention"]).team).toBe("retention");
    expect(demoAgentFor("aisyah.rahman", ["Billing"]).skill).toEqual(agents[0]!.skill);
    expect(demoAgentFor("someone", [])).toEqual(demoAgentFor("someone", []));
    expect(generateLiveEvents({ agents: [], now, count: 5, timeZone: TZ, runId: "r", sequence: 0 }).events).toEqual([]);
  });
});

describe("wall clock in a time zone", () => {
  it("turns local opening hours into instants with the zone's offset, across DST", () => {
    expect(isoInZone(zonedInstant("2026-03-02", 9 * 3600, TZ), TZ)).toBe("2026-03-02T09:00:00+08:00");
    // Europe/Riga moves from +02:00 to +03:00 on 2026-03-29
    expect(isoInZone(zonedInstant("2026-03-28", 10 * 3600, "Europe/Riga"), "Europe/Riga")).toBe("2026-03-28T10:00:00+02:00");
    expect(isoInZone(zonedInstant("2026-03-30", 10 * 3600, "Europe/Riga"), "Europe/Riga")).toBe("2026-03-30T10:00:00+03:00");
    expect(isoInZone(zonedInstant("2026-03-02", 0, "America/St_Johns"), "America/St_Johns")).toBe("2026-03-02T00:00:00-03:30");
    expect(addDays("2026-03-02", 1)).toBe("2026-03-03");
  });
});
