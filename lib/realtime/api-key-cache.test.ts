import { describe, expect, it } from "vitest";
import type { ApiKeyActor } from "@/lib/auth/actor";
import { ApiKeyCache } from "./api-key-cache";
import { ANY_KEY, ChangeBus } from "./changes";

const actor = (keyId: string): ApiKeyActor => ({ kind: "api_key", orgId: "org-1", keyId, name: `key ${keyId}`, scopes: ["leaderboards:read"] });

function setup(options: { ttlMs?: number; maxKeys?: number } = {}) {
  const clock = { now: 0 };
  const bus = new ChangeBus(null);
  const cache = new ApiKeyCache(bus, { ...options, now: () => clock.now });
  const put = (hash: string, keyId: string) => cache.store(hash, { actor: actor(keyId), lastUsedAt: null }, cache.generation);
  return { clock, bus, cache, put };
}

describe("ApiKeyCache", () => {
  it("returns a stored key until its time to live is over", () => {
    const { clock, cache, put } = setup({ ttlMs: 1_000 });
    put("h1", "k1");
    clock.now = 999;
    expect(cache.get("h1")?.actor.keyId).toBe("k1");
    clock.now = 1_000;
    expect(cache.get("h1")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("drops a key revoked on the bus at once, and only that key", () => {
    const { bus, cache, put } = setup();
    put("h1", "k1");
    put("h2", "k2");
    bus.announceRevocation("k1");
    expect(cache.get("h1")).toBeUndefined();
    expect(cache.get("h2")?.actor.keyId).toBe("k2");
  });

  it("drops every key when any may have been revoked (the LISTEN connection was restored)", () => {
    const { cache, put } = setup();
    put("h1", "k1");
    put("h2", "k2");
    cache.revoke(ANY_KEY);
    expect(cache.size).toBe(0);
  });

  it("does not store a lookup that began before a revocation (it may have read the key just revoked)", () => {
    const { bus, cache } = setup();
    const generation = cache.generation; // the database read starts…
    bus.announceRevocation("k1"); // …the key is revoked and announced…
    const entry = cache.store("h1", { actor: actor("k1"), lastUsedAt: null }, generation); // …the read ends
    expect(entry.actor.keyId).toBe("k1"); // this call may still use what it read
    expect(cache.get("h1")).toBeUndefined(); // the next one asks the database again
  });

  it("keeps at most maxKeys, dropping the oldest", () => {
    const { cache, put } = setup({ maxKeys: 2 });
    put("h1", "k1");
    put("h2", "k2");
    put("h3", "k3");
    expect(cache.size).toBe(2);
    expect(cache.get("h1")).toBeUndefined();
    expect(cache.get("h3")?.actor.keyId).toBe("k3");
  });

  it("stops listening when closed", () => {
    const { bus, cache, put } = setup();
    put("h1", "k1");
    cache.close();
    bus.announceRevocation("k1");
    expect(cache.stats.revoked).toBe(0);
  });
});
