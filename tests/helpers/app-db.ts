import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { closeDatabase, getDatabase, type Database } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "./db";

export type AppDatabase = Database & { close: () => Promise<void> };

/**
 * Points the app's per-process database singleton (`getDb()` in db/client.ts, used by route handlers and server
 * actions) at a fresh, private database and returns it, so a test can seed rows the handlers then read.
 *
 * - With TEST_DATABASE_URL: a new database on that server (createTestDatabase), whose URL becomes DATABASE_URL.
 * - Otherwise: an embedded PGlite in a new temporary directory (PODIUM_DATA_DIR), and DATABASE_URL is cleared so an
 *   environment variable of the developer's shell can never send the tests to a real database.
 *
 * Call it before the first `getDb()` of the test file; `close()` closes the singleton, removes what it created and
 * restores the environment.
 */
export async function useAppDatabase(): Promise<AppDatabase> {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, PODIUM_DATA_DIR: process.env.PODIUM_DATA_DIR };
  let server: TestDatabase | undefined;
  let dir: string | undefined;
  if (process.env.TEST_DATABASE_URL) {
    server = await createTestDatabase();
    process.env.DATABASE_URL = server.url;
  } else {
    dir = mkdtempSync(path.join(tmpdir(), "podium-test-"));
    delete process.env.DATABASE_URL;
    process.env.PODIUM_DATA_DIR = dir;
  }
  await closeDatabase(); // never reuse a singleton opened before the environment was set
  const database = await getDatabase();
  return {
    ...database,
    close: async () => {
      await closeDatabase();
      if (server) await server.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    },
  };
}
