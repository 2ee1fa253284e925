/**
 * Payout export benchmark (issue: export 100,000 payout lines as CSV in ≤ 3 s with memory growth under 100 MB; the
 * same run exported again gives the same SHA-256). The run's lines are written straight into the tables (what a close
 * would have written: 10,000 agents × 10 lines of points, leave and cash), then exported through the product's own
 * operation, as the API and the export button do. Baseline, in the same run: one plain SELECT of the same lines with
 * the same joins and order, without writing anything out.
 *
 *   npm run bench:payout-export                    # 100,000 lines, 3 rounds
 *   BENCH_LINES=20000 npm run bench:payout-export  # smaller
 *   NODE_OPTIONS=--expose-gc npm run bench:payout-export   # each round starts after a full collection
 *
 * Memory is sampled every 5 ms: "growth" is the peak over the round minus the start, garbage not yet collected
 * included; the live set after the export is printed beside it (with --expose-gc).
 */
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { closePeriod } from "@/lib/server/close-period";
import { createOrganization } from "@/lib/server/create-organization";
import { exportPayoutRun } from "@/lib/server/export-payout-run";
import { transitionPayoutRun } from "@/lib/server/transition-payout-run";
import { benchDatabase, createBenchAgents, fmt, timeIt } from "./common";

const LINES = Number(process.env.BENCH_LINES ?? 100_000);
const AGENTS = Math.max(1, Math.min(10_000, LINES / 10));
const ROUNDS = Number(process.env.BENCH_RUNS ?? 3);

const { database, drop } = await benchDatabase("export");
const { db } = database;
const system = { db, actor: { kind: "system" as const, label: "cli" as const } };
try {
  const org = await createOrganization(system, { name: "Export benchmark", timezone: "Europe/Paris", currency: "EUR" });
  await createBenchAgents(db, org.id, AGENTS);
  // an empty close makes the period and its run; the lines are then added as a close of 10 campaigns would write them
  const now = () => new Date("2026-10-15T12:00:00Z");
  const { periodId, payoutRunId } = await closePeriod({ ...system, now }, { from: "2026-09-01", to: "2026-09-30" }, { orgId: org.id });
  const perAgent = Math.ceil(LINES / AGENTS);
  await db.execute(sql`
    insert into payout_lines (org_id, run_id, period_id, line_type, agent_id, campaign_id, campaign_name, campaign_version, award_type, amount, currency, status, approval, explanation)
    select ${org.id}::uuid, ${payoutRunId}::uuid, ${periodId}::uuid, 'award', 'bench-user-' || a, gen_random_uuid(), 'Campaign ' || c, 1,
      (array['points', 'leave', 'cash'])[1 + c % 3], 10 + (a * 7 + c * 13) % 990, case when c % 3 = 2 then 'EUR' end, 'approved', 'auto',
      '{"kind":"threshold","metric":"csat","inputs":[{"metric":"csat","value":91.5,"n":40}]}'::jsonb
    from generate_series(0, ${AGENTS - 1}) a, generate_series(0, ${perAgent - 1}) c
    limit ${LINES}`);
  await db.execute(sql`
    insert into ledger_entries (org_id, agent_id, asset, amount, kind, source, idempotency_key)
    select org_id, agent_id, case award_type when 'points' then 'points' when 'leave' then 'leave_minutes' else 'cash:' || currency end, amount, 'award', 'payout_line:' || id, 'payout_line:' || id
    from payout_lines where run_id = ${payoutRunId}::uuid`);
  await db.execute(sql`vacuum analyze`);
  const hr = { db, actor: { kind: "user" as const, orgId: org.id, userId: "bench-hr", role: "hr" as const, name: "HR", email: "hr@bench.example", managedTeamIds: [], memberTeamIds: [] } };
  await transitionPayoutRun(hr, payoutRunId, "submit");
  await transitionPayoutRun(hr, payoutRunId, "approve");

  const exportOnce = async () => {
    const file = await exportPayoutRun(hr, payoutRunId, "csv");
    const hash = createHash("sha256");
    let bytes = 0;
    let rows = 0;
    for await (const chunk of file.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      bytes += chunk.byteLength;
      for (const b of chunk) if (b === 10) rows++;
    }
    return { sha: hash.digest("hex"), bytes, rows: rows - 1 };
  };
  const baseline = async () =>
    (await db.execute(sql`
      select l.*, u.name, u.email, p.external_id from payout_lines l join users u on u.id = l.agent_id left join agent_profiles p on p.user_id = l.agent_id
      where l.run_id = ${payoutRunId}::uuid and l.status = 'approved'
      order by p.external_id collate "C", l.line_type, l.campaign_name collate "C", l.award_type, l.id`)) as unknown;

  await exportOnce(); // warm-up: JIT, connections
  await baseline();
  console.log(`PostgreSQL: ${LINES.toLocaleString()} payout lines of ${AGENTS.toLocaleString()} agents, CSV export, ${ROUNDS} rounds`);
  const hashes = new Set<string>();
  for (let round = 1; round <= ROUNDS; round++) {
    global.gc?.(); // with NODE_OPTIONS=--expose-gc: start every round from the live set
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 5);
    const run = await timeIt(exportOnce);
    clearInterval(sampler);
    global.gc?.();
    const live = process.memoryUsage().heapUsed - before.heapUsed;
    const base = await timeIt(baseline);
    hashes.add(run.result.sha);
    const mb = (n: number) => fmt(n / 1024 / 1024, 1);
    console.log(
      `  round ${round}: export ${fmt(run.ms / 1000, 2)} s (${run.result.rows.toLocaleString()} rows, ${mb(run.result.bytes)} MB) · ` +
        `RSS growth ${mb(peakRss - before.rss)} MB, heap growth ${mb(peakHeap - before.heapUsed)} MB${global.gc ? ` (live after: ${mb(live)} MB)` : ""} · SHA-256 ${run.result.sha.slice(0, 16)}… · ` +
        `baseline SELECT ${fmt(base.ms / 1000, 2)} s → ratio ${fmt(run.ms / base.ms, 2)}×`,
    );
  }
  console.log(`  targets: ≤ 3 s, growth < 100 MB, identical files: ${hashes.size === 1 ? "identical SHA-256 on every round" : `DIFFERENT hashes: ${[...hashes].join(", ")}`}`);
} finally {
  await drop();
}
