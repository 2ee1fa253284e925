import { DEMO_DAYS, demoSignIns, seedDemo } from "@/lib/server/seed-demo";
import { parseOptions } from "../args";
import type { Command } from "../command";
import { withDatabase } from "../database";
import { UsageError } from "../errors";

const usage = `Usage: npx podium seed demo [--days <n>] [--json]

Creates the demo organization (SPEC §12) unless it already exists, with ${DEMO_DAYS} days of calls, tickets, surveys,
QA reviews and upsells ending yesterday, and prints its sign-ins. Keep the history moving with "npx podium simulate".

Options:
  --days <n>  days of history (default ${DEMO_DAYS}; 0 for the people only)
  --json      print {"orgId","created","events","from","to","signIns":[{"role","email","password"}]}`;

export const seedDemoCommand: Command = {
  name: "seed demo",
  summary: "create the demo organization with 90 days of events and print its sign-ins",
  usage,
  async run(args, { io, database }) {
    const values = parseOptions(args, { json: { type: "boolean" }, days: { type: "string" } } as const, usage);
    const days = values.days === undefined ? DEMO_DAYS : Number(values.days);
    if (!Number.isInteger(days) || days < 0 || days > 3660) throw new UsageError("--days must be a whole number from 0 to 3660", usage);
    const started = performance.now();
    const result = await withDatabase(database, ({ db }) => seedDemo(db, { days }));
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const signIns = demoSignIns();
    if (values.json) {
      io.stdout(JSON.stringify({ ...result, signIns }));
      return 0;
    }
    io.stdout(`demo organization ${result.orgId} ${result.created ? "created" : "already exists"}`);
    if (result.created && result.from) io.stdout(`${result.events} events from ${result.from} to ${result.to} (${seconds} s)`);
    io.stdout("demo sign-ins:");
    for (const s of signIns) io.stdout(`  ${s.role.padEnd(8)} ${s.email}  /  ${s.password}`);
    return 0;
  },
};
