import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type Database } from "@/db/client";

export type TestDatabase = Database & { url?: string };

/**
 * A fresh, migrated database for one test file. With TEST_DATABASE_URL (any database on a PostgreSQL server) a new
 * database `podium_t_<random>` is created on that server and dropped on close; otherwise an in-memory PGlite.
 * Nothing is shared between files or runs.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return openDatabase({ pgliteDir: "memory" });
  const name = `podium_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
