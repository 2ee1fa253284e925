import { parseOptions } from "../args";
import type { Command } from "../command";
import { withDatabase } from "../database";

const usage = `Usage: npx podium migrate

Applies pending migrations to the configured database (DATABASE_URL, or the embedded
database in PODIUM_DATA_DIR, default ./.data). Safe to run again: applied migrations are skipped.`;

export const migrate: Command = {
  name: "migrate",
  summary: "apply database migrations",
  usage,
  async run(args, { io, database }) {
    parseOptions(args, {}, usage);
    // opening migrates, under the migration lock (db/client.ts)
    const kind = await withDatabase(database, async (d) => d.kind);
    io.stdout(`migrations applied (${kind}): ${database.label}`);
    return 0;
  },
};
