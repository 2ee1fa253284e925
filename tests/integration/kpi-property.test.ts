import fc from "fast-check";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events as eventsTable, organizations } from "@/db/schema";
import type { CanonicalEvent } from "@/lib/domain/events";
import { BUILTIN_KPIS } from "@/lib/domain/kpis";
import { addTeamMember } from "@/lib/server/add-team-member";
import { createOrganization } from "@/lib/server/create-organization";
import { createTeam } from "@/lib/server/create-team";
import { createUser } from "@/lib/server/create-user";
import { getKpis } from "@/lib/server/get-kpis";
import { ingestEvents } from "@/lib/server/ingest-events";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { system } from "../helpers/fixtures";
import { naiveKpi } from "../helpers/naive-kpis";

/**
 * The incremental rollups (per identity × queue × day and × month, in the organization's time zone) must give exactly
 * what SPEC §4 computed from scratch over the stored raw events gives — for any events, any batching and order, any
 * redelivery, any day range and any grouping.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const OFFSETS = ["+08:00", "Z", "-05:00", "+05:30", "-09:30"];
const ZONES = ["Asia/Kuala_Lumpur", "America/New_York", "UTC", "Australia/Adelaide"];
const START = Date.parse("2026-01-28T00:00:00Z");
const SPAN_MINUTES = 40 * 24 * 60; // to early March: month edges on both sides

/** An ISO timestamp of `ms` written in a fixed offset, as a source system in that zone would send it. */
function isoAt(ms: number, offset: string): string {
  const minutes = offset === "Z" ? 0 : (offset.startsWith("-") ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(ms + minutes * 60_000).toISOString().slice(0, 19);
  return `${local}${offset}`;
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
const secs = fc.integer({ min: 0, max: 3_000 });
const common = {
  id: fc.integer({ min: 0, max: 60 }).map((i) => `p-${i}`), // a small id pool: redeliveries with other bodies happen
  // EMAIL-OF-AG-1 stands for ag-1's email in upper case (emails are unique per deployment, so it is made per run)
  agent: fc.constantFrom<string | null>("ag-1", "EMAIL-OF-AG-1", "ag-2", "ag-3", "ghost", null),
  queue: fc.constantFrom<string | null>("billing", "sales", null),
  minute: fc.integer({ min: 0, max: SPAN_MINUTES }),
  offset: fc.constantFrom(...OFFSETS),
};
const withTime = <T extends { minute: number; offset: string }>(r: T) => {
  const { minute, offset, ...rest } = r;
  return { ...rest, occurredAt: isoAt(START + minute * 60_000, offset), at: START + minute * 60_000, offset };
};
const call = fc
  .record({ ...common, answered: fc.boolean(), resolved: maybe(fc.boolean()), firstContactResolved: maybe(fc.boolean()), waitSeconds: maybe(fc.integer({ min: 0, max: 15 })), talkSeconds: maybe(secs), holdSeconds: maybe(secs), wrapSeconds: maybe(secs) })
  .map((r) => ({ type: "call", ...withTime(r) }));
const ticket = fc
  .record({ ...common, reply: maybe(fc.integer({ min: 0, max: 90_000 })), solve: maybe(fc.integer({ min: 0, max: 400_000 })), replies: maybe(fc.integer({ min: 0, max: 9 })), reopens: maybe(fc.integer({ min: 0, max: 3 })), slaMet: maybe(fc.boolean()), firstContactResolved: maybe(fc.boolean()) })
  .map(({ reply, solve, ...r }) => {
    const t = withTime(r);
    const created = t.at - 500_000_000;
    return { type: "ticket", ...t, createdAt: isoAt(created, "Z"), firstReplyAt: reply == null ? null : isoAt(created + reply * 1000, t.offset), solvedAt: solve == null ? null : isoAt(created + solve * 1000, "+08:00") };
  });
const survey = fc
  .record({ ...common, kind: fc.constantFrom("csat", "nps", "ces"), unit: fc.double({ min: 0, max: 1, noNaN: true }), customScale: fc.boolean() })
  .map(({ kind, unit, customScale, ...r }) => {
    const scale = customScale ? { min: 1, max: 10 } : kind === "csat" ? { min: 1, max: 5 } : kind === "nps" ? { min: 0, max: 10 } : { min: 1, max: 7 };
    return { type: "survey", ...withTime(r), survey: kind, score: Math.round(scale.min + unit * (scale.max - scale.min)), ...(customScale ? { scale } : {}) };
  });
const qa = fc.record({ ...common, score: fc.integer({ min: 0, max: 100 }) }).map((r) => ({ type: "qa_review", ...withTime(r) }));
const metric = fc.record({ ...common, metric: fc.constantFrom("upsells", "saves"), value: fc.integer({ min: -5, max: 50 }) }).map((r) => ({ type: "metric", ...withTime(r) }));
const anyEvent = fc.oneof(call, ticket, survey, qa, metric).map(({ at: _at, offset: _offset, ...e }) => e);

const day = fc.integer({ min: -3, max: 42 }).map((d) => new Date(START + d * 86_400_000).toISOString().slice(0, 10));
const METRICS = [...BUILTIN_KPIS, "metric:upsells", "metric_avg:upsells", "metric:saves"];

let run = 0;
describe("KPI rollups", () => {
  it("equal a from-scratch computation over the raw events (fast-check)", async () => {
    const db = database.db;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(anyEvent, { maxLength: 25 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 5, max: 12 }), // T close to the waits, so calls exactly on T are common
        fc.array(fc.record({ a: day, b: day, groupBy: fc.constantFrom("agent", "team", "queue", "org" as const) }), { minLength: 1, maxLength: 4 }),
        async (batches, timezone, serviceLevelSeconds, queries) => {
          const tag = `${Date.now().toString(36)}-${run++}`;
          const ctx = { db, actor: system };
          const org = await createOrganization(ctx, { name: `Property ${tag}`, timezone });
          const opts = { orgId: org.id };
          await db.update(organizations).set({ serviceLevelSeconds }).where(eq(organizations.id, org.id));
          const t1 = await createTeam(ctx, { name: "T1" }, opts);
          const t2 = await createTeam(ctx, { name: "T2" }, opts);
          const agents = [];
          for (const ext of ["ag-1", "ag-2", "ag-3"]) {
            agents.push(await createUser(ctx, { email: `${ext}.${tag}@prop.example`, name: ext, role: "agent", externalId: ext }, opts));
          }
          await addTeamMember(ctx, { teamId: t1.id, userId: agents[0]!.id, role: "agent" }, opts);
          await addTeamMember(ctx, { teamId: t1.id, userId: agents[1]!.id, role: "agent" }, opts);
          await addTeamMember(ctx, { teamId: t2.id, userId: agents[0]!.id, role: "agent" }, opts);

          const email = agents[0]!.email.toUpperCase();
          const sent = batches.map((batch) => batch.map((e) => (e.agent === "EMAIL-OF-AG-1" ? { ...e, agent: email } : e)));
          for (const batch of sent) await ingestEvents(ctx, batch, { source: "property", orgId: org.id });
          await ingestEvents(ctx, sent[0]!, { source: "property", orgId: org.id }); // a redelivery changes nothing

          const stored = (await db.select({ payload: eventsTable.payload }).from(eventsTable).where(eq(eventsTable.orgId, org.id))).map((r) => r.payload as CanonicalEvent);
          const dayOf = (e: CanonicalEvent) => new Intl.DateTimeFormat("en-CA", { timeZone: timezone }).format(new Date(e.occurredAt));
          const ag1Email = agents[0]!.email.toLowerCase();
          const owner = (ref: string | null | undefined) => (ref == null ? null : ["ag-1", "ag-2", "ag-3"].includes(ref) ? ref : ref.toLowerCase() === ag1Email ? "ag-1" : null);

          for (const { a, b, groupBy } of queries) {
            const [from, to] = a <= b ? [a, b] : [b, a];
            const inRange = stored.filter((e) => dayOf(e) >= from && dayOf(e) <= to);
            const groups: Record<string, CanonicalEvent[]> =
              groupBy === "agent"
                ? Object.fromEntries(["ag-1", "ag-2", "ag-3"].map((x) => [x, inRange.filter((e) => owner(e.agent) === x)]))
                : groupBy === "team"
                  ? { [t1.id]: inRange.filter((e) => ["ag-1", "ag-2"].includes(owner(e.agent) ?? "")), [t2.id]: inRange.filter((e) => owner(e.agent) === "ag-1") }
                  : groupBy === "queue"
                    ? Object.fromEntries([...new Set(inRange.map((e) => e.queue ?? ""))].map((q) => [q, inRange.filter((e) => (e.queue ?? "") === q)]))
                    : { [org.id]: inRange };
            const reader = { db, actor: { kind: "api_key" as const, orgId: org.id, keyId: "property", name: "property", scopes: ["kpis:read" as const] } };
            const result = await getKpis(reader, { from, to, groupBy, metrics: METRICS });
            const actual = Object.fromEntries(result.rows.map((r) => [r.key, r.metrics]));
            const expected = Object.fromEntries(Object.entries(groups).map(([k, evs]) => [k, Object.fromEntries(METRICS.map((m) => [m, naiveKpi(m, evs, serviceLevelSeconds)]))]));
            expect(actual).toEqual(expected);
          }
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 30) },
    );
  }, 300_000);
});
