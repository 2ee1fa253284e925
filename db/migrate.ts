import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

export const migrationsFolder = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations");

/** Arbitrary constant: the advisory lock that serializes migrations between processes starting together. */
const MIGRATION_LOCK_KEY = 724_110_001;

export async function migrateDatabase(
  target: { kind: "postgres"; url: string } | { kind: "pglite"; client: PGlite },
): Promise<void> {
  if (target.kind === "pglite") {
    // One process owns a PGlite directory (db/lock.ts), so no advisory lock is needed there.
    await migratePglite(drizzlePglite(target.client), { migrationsFolder });
    return;
  }
  // Drizzle's migrator takes no lock. A single dedicated connection holds a session-level advisory lock
  // while it migrates; a second process waits on the lock and then finds nothing left to apply.
  const sql = postgres(target.url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migratePostgres(drizzlePostgres(sql), { migrationsFolder });
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}
