import fs from "node:fs";
import path from "node:path";
import { dataDir, openDatabase, type Database } from "@/db/client";
import { DataDirLockedError } from "@/db/lock";
import { migrationsFolder } from "@/db/migrate";
import type { SystemActor } from "@/lib/auth/actor";

/** Operations run as the operator: the CLI already holds the database credentials. */
export const cliActor: SystemActor = { kind: "system", label: "cli" };

/** Which database a command talks to; tests substitute their own. */
export type DatabaseTarget = { label: string; open: () => Promise<Database> };

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`; // never the credentials
  } catch {
    return "(DATABASE_URL)";
  }
}

/** The server's configuration (SPEC §11): DATABASE_URL → PostgreSQL, otherwise PGlite in PODIUM_DATA_DIR or ./.data. */
export function configuredDatabase(): DatabaseTarget {
  const url = process.env.DATABASE_URL || undefined;
  const pgliteDir = path.join(dataDir(), "pglite");
  return {
    label: url ? `PostgreSQL at ${describeUrl(url)}` : `embedded PGlite in ${pgliteDir}`,
    open: () => {
      // db/migrate.ts finds the migrations relative to the working directory
      if (!fs.existsSync(path.join(migrationsFolder, "meta", "_journal.json"))) {
        throw new Error(`no migrations in ${migrationsFolder}: run podium from the project directory`);
      }
      return url ? openDatabase({ url }) : openDatabase({ pgliteDir });
    },
  };
}

/** postgres.js reports an unreachable server as an AggregateError with an empty message: fall back to its code. */
function reason(err: unknown): string {
  const e = err as { message?: unknown; code?: unknown; errors?: unknown[] };
  if (typeof e.message === "string" && e.message) return e.message;
  if (typeof e.code === "string") return e.code;
  return e.errors?.length ? reason(e.errors[0]) : String(err);
}

async function open(target: DatabaseTarget): Promise<Database> {
  try {
    return await target.open();
  } catch (err) {
    if (err instanceof DataDirLockedError) throw err; // its message already says what to do
    throw new Error(`cannot open the database (${target.label}): ${reason(err)}`, { cause: err });
  }
}

/** Opens (and so migrates), runs, and always closes: postgres.js would otherwise keep the process alive. */
export async function withDatabase<T>(target: DatabaseTarget, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await open(target);
  let result: T;
  try {
    result = await fn(database);
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }
  await database.close();
  return result;
}
