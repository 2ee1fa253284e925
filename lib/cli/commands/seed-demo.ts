import { demoSignIns, seedDemo } from "@/lib/server/seed-demo";
import { parseOptions } from "../args";
import type { Command } from "../command";
import { withDatabase } from "../database";

const usage = `Usage: npx podium seed demo [--json]

Creates the demo organization (SPEC §12) unless it already exists, and prints its sign-ins.

Options:
  --json    print {"orgId","created","signIns":[{"role","email","password"}]}`;

export const seedDemoCommand: Command = {
  name: "seed demo",
  summary: "create the demo organization and print its sign-ins",
  usage,
  async run(args, { io, database }) {
    const values = parseOptions(args, { json: { type: "boolean" } } as const, usage);
    const { orgId, created } = await withDatabase(database, ({ db }) => seedDemo(db));
    const signIns = demoSignIns();
    if (values.json) {
      io.stdout(JSON.stringify({ orgId, created, signIns }));
      return 0;
    }
    io.stdout(`demo organization ${orgId} ${created ? "created" : "already exists"}`);
    io.stdout("demo sign-ins:");
    for (const s of signIns) io.stdout(`  ${s.role.padEnd(8)} ${s.email}  /  ${s.password}`);
    return 0;
  },
};
