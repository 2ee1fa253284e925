import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { flushAccessLog } from "@/lib/http/access-log";
import { disableApiKeyCache, enableApiKeyCache, type ApiKeyCache } from "@/lib/realtime/api-key-cache";
import { changeBus } from "@/lib/realtime/changes";
import { stopRealtime } from "@/lib/realtime/stream";
import { authenticateApiKey } from "@/lib/server/authenticate-api-key";
import { revokeApiKey } from "@/lib/server/revoke-api-key";
import { GET as listBoards } from "@/app/api/v1/leaderboards/route";
import { useAppDatabase, type AppDatabase } from "../helpers/app-db";
import { makeOrg, type TestOrg } from "../helpers/fixtures";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
let app: AppDatabase;
let db: Db;
let a: TestOrg;
let cache: ApiKeyCache;

beforeAll(async () => {
  app = await useAppDatabase();
  db = app.db;
  a = await makeOrg(db, "Key cache");
  cache = enableApiKeyCache(db); // as the running server does (startRealtime)
});
afterAll(async () => {
  await flushAccessLog();
  await stopRealtime(db);
  await app?.close();
});

const call = (key: string) => listBoards(new Request("http://localhost/api/v1/leaderboards", { headers: { authorization: `Bearer ${key}` } }), { params: Promise.resolve({}) });
const lastUsedOf = async (id: string) => (await db.select({ at: apiKeys.lastUsedAt }).from(apiKeys).where(eq(apiKeys.id, id)))[0]?.at;

describe("the API key cache", () => {
  it("answers repeated calls of a key from memory: a cached key still works", async () => {
    const { key } = await a.apiKey(["leaderboards:read"]);
    const before = { ...cache.stats };
    expect((await call(key)).status).toBe(200);
    expect((await call(key)).status).toBe(200);
    expect((await call(key)).status).toBe(200);
    expect(cache.stats.misses - before.misses).toBe(1);
    expect(cache.stats.hits - before.hits).toBe(2);
  });

  it("serves the cached actor without reading api_keys again", async () => {
    const created = await a.apiKey(["leaderboards:read"]);
    const first = await authenticateApiKey(db, `Bearer ${created.key}`);
    // A change made behind the operations' back is only seen once the entry expires (the TTL is the safety net for that)
    await db.update(apiKeys).set({ name: "renamed by hand" }).where(eq(apiKeys.id, created.id));
    expect((await authenticateApiKey(db, `Bearer ${created.key}`)).name).toBe(first.name);
  });

  it("refuses a revoked key on the very next call", async () => {
    const { id, key } = await a.apiKey(["leaderboards:read"]);
    expect((await call(key)).status).toBe(200);
    expect((await call(key)).status).toBe(200); // from the cache
    await revokeApiKey({ db, actor: a.actors.admin }, { keyId: id });
    expect((await call(key)).status).toBe(401);
    await expect(authenticateApiKey(db, `Bearer ${key}`)).rejects.toThrow(/revoked/);
  });

  it("never caches unknown keys", async () => {
    const size = cache.size;
    await expect(authenticateApiKey(db, "Bearer pdm_not-a-key")).rejects.toThrow(/unknown/);
    expect(cache.size).toBe(size);
  });

  it("still writes last used at most once a minute", async () => {
    const { id, key } = await a.apiKey(["leaderboards:read"]);
    const t0 = new Date("2030-01-01T00:00:00Z");
    await authenticateApiKey(db, `Bearer ${key}`, t0);
    expect(await lastUsedOf(id)).toEqual(t0);
    await authenticateApiKey(db, `Bearer ${key}`, new Date(t0.getTime() + 30_000)); // cached, within the minute
    expect(await lastUsedOf(id)).toEqual(t0);
    const t1 = new Date(t0.getTime() + 61_000);
    await authenticateApiKey(db, `Bearer ${key}`, t1); // cached, but a minute later: written
    expect(await lastUsedOf(id)).toEqual(t1);
    expect(cache.stats.hits).toBeGreaterThan(0);
  });

  it("is off unless the server enabled it: every call then reads the database", async () => {
    const { id, key } = await a.apiKey(["leaderboards:read"]);
    disableApiKeyCache(db);
    try {
      await authenticateApiKey(db, `Bearer ${key}`);
      await db.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id)); // by hand: nothing announced
      await expect(authenticateApiKey(db, `Bearer ${key}`)).rejects.toThrow(/revoked/);
    } finally {
      cache = enableApiKeyCache(db);
    }
  });
});

describe("two app instances on one database", () => {
  it.skipIf(!onPostgres)("a key revoked through one instance is dropped from the other's cache (NOTIFY) and refused there", async () => {
    // Instance B: its own client, bus and key cache, as a second process would have. A is the app's database.
    const b = await openDatabase({ url: process.env.DATABASE_URL!, migrate: false });
    try {
      const cacheB = enableApiKeyCache(b.db);
      await changeBus(b.db).listen();
      const { id, key } = await a.apiKey(["leaderboards:read"]);
      const actor = await authenticateApiKey(b.db, `Bearer ${key}`);
      await authenticateApiKey(b.db, `Bearer ${key}`);
      expect(cacheB.stats.hits).toBe(1);

      await revokeApiKey({ db, actor: a.actors.admin }, { keyId: id }); // through instance A
      await vi.waitFor(() => expect(changeBus(b.db).stats.revocationsReceived).toBeGreaterThan(0), { timeout: 5_000 });
      await expect(authenticateApiKey(b.db, `Bearer ${key}`)).rejects.toThrow(/revoked/);
      expect(actor.keyId).toBe(id);
    } finally {
      await stopRealtime(b.db);
      await b.close();
    }
  });

  it.skipIf(onPostgres)("is PostgreSQL only: PGlite is embedded in one process, so there is no second instance to tell", () => {
    expect(changeBus(db).kind).toBe("in-process");
  });
});
