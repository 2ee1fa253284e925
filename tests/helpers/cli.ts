import { execFile } from "node:child_process";
import path from "node:path";
import { openDatabase, type Db } from "@/db/client";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const BIN = path.join(ROOT, "bin", "podium.mjs");

export type Run = { code: number; stdout: string; stderr: string };

/** The real `npx podium` binary in a child process, with only the database configuration we give it. */
export function cli(args: string[], env: { DATABASE_URL?: string; PODIUM_DATA_DIR: string }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: env.DATABASE_URL ?? "", PODIUM_DATA_DIR: env.PODIUM_DATA_DIR }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === "number" ? err.code : -1) : 0, stdout, stderr }),
    );
  });
}

/**
 * Reads what the CLI wrote, after it has exited: the server's database when the test runs on PostgreSQL, otherwise the
 * PGlite directory it used (opened here, then closed so the next CLI run can take its lock).
 */
export async function inspectCliDatabase<T>(server: { db: Db } | undefined, dataDir: string, fn: (db: Db) => Promise<T>): Promise<T> {
  if (server) return fn(server.db);
  const database = await openDatabase({ pgliteDir: path.join(dataDir, "pglite") });
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}
