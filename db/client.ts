import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { acquireDirLock } from "./lock";
import { migrateDatabase } from "./migrate";
import * as schema from "./schema";

export type Schema = typeof schema;
/** One type over both drivers: code never knows whether it talks to PGlite or PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

export type DatabaseKind = "pglite" | "postgres";

export type Database = {
  db: Db;
  kind: DatabaseKind;
  close: () => Promise<void>;
};

export function dataDir(): string {
  // turbopackIgnore keeps Next's file tracing from copying .data into the build output
  return process.env.PODIUM_DATA_DIR
    ? path.resolve(process.env.PODIUM_DATA_DIR)
    : path.join(/* turbopackIgnore: true */ process.cwd(), ".data");
}

export type OpenOptions = {
  /** postgres:// URL; absent → embedded PGlite */
  url?: string;
  /** PGlite directory; "memory" for an in-memory database (tests). Defaults to dataDir()/pglite. */
  pgliteDir?: string;
  migrate?: boolean;
};

export async function openDatabase(opts: OpenOptions = {}): Promise<Database> {
  const migrate = opts.migrate ?? true;
  if (opts.url) {
    const client = postgres(opts.url, { max: Number(process.env.PODIUM_DB_POOL ?? 10), onnotice: () => {} });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    if (migrate) await migrateDatabase({ kind: "postgres", url: opts.url });
    return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const inMemory = opts.pgliteDir === "memory";
  const dir = inMemory ? undefined : (opts.pgliteDir ?? path.join(dataDir(), "pglite"));
  const release = dir ? acquireDirLock(dir) : () => {};
  try {
    const client = dir ? new PGlite(dir) : new PGlite();
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    if (migrate) await migrateDatabase({ kind: "pglite", client });
    return {
      db,
      kind: "pglite",
      close: async () => {
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

type GlobalDb = { promise?: Promise<Database>; current?: Database };
// One database per process, shared by every Next.js bundle (route handlers, pages, proxy, instrumentation)
// and kept across dev-server hot reloads: two PGlite instances on one directory would corrupt it.
const g = globalThis as unknown as { __podiumDb?: GlobalDb };
const holder: GlobalDb = (g.__podiumDb ??= {});

export function getDatabase(): Promise<Database> {
  holder.promise ??= openDatabase({ url: process.env.DATABASE_URL || undefined }).then(
    (database) => (holder.current = database),
    (err: unknown) => {
      holder.promise = undefined;
      throw err;
    },
  );
  return holder.promise;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

export async function closeDatabase(): Promise<void> {
  const current = holder.promise;
  holder.promise = undefined;
  holder.current = undefined;
  if (current) await (await current).close();
}
