import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import type { UserActor } from "@/lib/auth/actor";
import { UnauthorizedError } from "@/lib/errors";
import { BoardHub, boardHub } from "@/lib/realtime/board-hub";
import { changeBus } from "@/lib/realtime/changes";
import { openStreamCount } from "@/lib/realtime/sse";
import { openTopicStream, stopRealtime } from "@/lib/realtime/stream";
import { disableViewCache, enableViewCache } from "@/lib/realtime/view-cache";
import { createDisplayLink } from "@/lib/server/create-display-link";
import { createLeaderboard } from "@/lib/server/create-leaderboard";
import { deleteLeaderboard } from "@/lib/server/delete-leaderboard";
import { getLeaderboard } from "@/lib/server/get-leaderboard";
import { ingestEvents } from "@/lib/server/ingest-events";
import type { LeaderboardView } from "@/lib/server/leaderboard-view";
import { revokeDisplayLink } from "@/lib/server/revoke-display-link";
import { subscribeLeaderboard } from "@/lib/server/subscribe-leaderboard";
import { GET as displayGet } from "@/app/api/display/[token]/route";
import { GET as displayStream } from "@/app/api/display/[token]/stream/route";
import { GET as sessionStream } from "@/app/api/leaderboards/[id]/stream/route";
import { GET as apiStream } from "@/app/api/v1/leaderboards/[id]/stream/route";
import { flushAccessLog } from "@/lib/http/access-log";
import { directHandler, directRoute } from "@/lib/http/direct-routes";
import { useAppDatabase, type AppDatabase } from "../helpers/app-db";
import { makeOrg, system, type TestOrg } from "../helpers/fixtures";

// The signed-in UI's stream reads the session from the request's cookie (requireRequestCtx); here the test decides
// who is signed in.
const session = vi.hoisted(() => ({ actor: null as UserActor | null, db: null as unknown }));
vi.mock("@/lib/auth/session", () => {
  const requireCtx = async () => {
    if (!session.actor) throw new UnauthorizedError("Please sign in again");
    return { db: session.db, actor: session.actor };
  };
  return { requireCtx, requireRequestCtx: requireCtx };
});

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
let app: AppDatabase;
let db: Db;
let a: TestOrg;
let boardId: string;
let key: string;
let seq = 0;

beforeAll(async () => {
  app = await useAppDatabase();
  db = app.db;
  session.db = db;
  a = await makeOrg(db, "Realtime");
  boardId = (await createLeaderboard({ db, actor: a.actors.admin }, { name: "Calls answered", metric: "calls_answered", period: "month" })).id;
  key = (await a.apiKey(["leaderboards:read"])).key;
  await calls(a.users.agent.externalId!, 3); // agent A leads 3 to 0
});
afterAll(async () => {
  await stopRealtime(db);
  await flushAccessLog(); // the API streams' access-log rows, before the database closes
  await app?.close();
});

/** `n` answered calls for `agent`, now (so in this month's board), through the ingest operation. */
async function calls(agent: string, n: number, on: Db = db, org = a.org.id) {
  const at = new Date().toISOString();
  const events = Array.from({ length: n }, () => ({ id: `rt-${++seq}-${Math.random().toString(36).slice(2)}`, type: "call", agent, occurredAt: at, answered: true, waitSeconds: 5, talkSeconds: 100 }));
  const r = await ingestEvents({ db: on, actor: system }, events, { source: "test", orgId: org });
  expect(r.accepted).toBe(n);
}

type SseEvent = { event: string; data: string };

/** Reads SSE frames from a response body (or an SseStream's readable), skipping comments and `retry:`. */
function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let ended = false;
  const frames: SseEvent[] = [];
  const pump = async () => {
    const { done, value } = await reader.read();
    if (done) ended = true;
    else buffer += decoder.decode(value, { stream: true });
    let i: number;
    while ((i = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      const lines = block.split("\n");
      const event = lines.find((l) => l.startsWith("event: "))?.slice(7);
      if (!event) continue;
      frames.push({ event, data: lines.filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n") });
    }
  };
  return {
    /** The next event within `timeoutMs`, or null when the stream ended. */
    async next(timeoutMs = 5_000): Promise<SseEvent | null> {
      const deadline = Date.now() + timeoutMs;
      while (frames.length === 0 && !ended) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error("no event in time");
        await Promise.race([pump(), new Promise((_, reject) => setTimeout(() => reject(new Error("no event in time")), left))]);
      }
      return frames.shift() ?? null;
    },
    /** Waits for an event whose data satisfies `ok` (states in between are skipped). */
    async until(ok: (e: SseEvent) => boolean, timeoutMs = 5_000): Promise<SseEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const e = await this.next(Math.max(1, deadline - Date.now()));
        if (!e) throw new Error("the stream ended");
        if (ok(e)) return e;
      }
    },
    cancel: () => reader.cancel().catch(() => {}),
  };
}

const view = (e: SseEvent | null) => JSON.parse(e!.data) as LeaderboardView;
const leader = (v: LeaderboardView) => v.rows.find((r) => r.rank === 1)?.agent;
const bearer = (k: string) => ({ authorization: `Bearer ${k}` });
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

describe("GET /api/v1/leaderboards/{id}/stream", () => {
  it("sends the ranking at once, then the new ranking after an event changes it", async () => {
    const res = await apiStream(new Request(`http://localhost/api/v1/leaderboards/${boardId}/stream?top=5`, { headers: bearer(key) }), params({ id: boardId }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("cache-control")).toContain("no-transform");
    const sse = sseReader(res.body!);
    const first = await sse.next();
    expect(first!.event).toBe("leaderboard");
    const initial = view(first);
    expect(initial.id).toBe(boardId);
    expect(leader(initial)).toBe(a.users.agent.externalId);
    // the same JSON as the GET
    expect(initial).toEqual(await getLeaderboard({ db, actor: a.actors.agent }, boardId, { top: "5" }));

    const started = performance.now();
    await calls(a.users.agentB.externalId!, 5); // agent B overtakes: 5 to 3
    const updated = view(await sse.until((e) => leader(JSON.parse(e.data) as LeaderboardView) === a.users.agentB.externalId));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(updated.rows.find((r) => r.agent === a.users.agentB.externalId)?.value).toBe(5);
    await sse.cancel();
  });

  it("answers 404 for an unknown board, 400 for a bad top, 401 without a key and 403 without the scope, before any stream", async () => {
    const get = async (id: string, query: string, headers: Record<string, string>) =>
      apiStream(new Request(`http://localhost/api/v1/leaderboards/${id}/stream${query}`, { headers }), params({ id }));
    const unknown = await get("00000000-0000-4000-8000-000000000000", "", bearer(key));
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
    expect((await get("not-a-uuid", "", bearer(key))).status).toBe(404);
    const bad = await get(boardId, "?top=zero", bearer(key));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/top/);
    expect((await get(boardId, "?top=0", bearer(key))).status).toBe(400);
    expect((await get(boardId, "", {})).status).toBe(401);
    const writer = (await a.apiKey(["events:write"])).key;
    expect((await get(boardId, "", bearer(writer))).status).toBe(403);
    const other = await makeOrg(db, "Other");
    const otherKey = (await other.apiKey(["leaderboards:read"])).key;
    expect((await get(boardId, "", bearer(otherKey))).status).toBe(404); // another organization's board
    expect(openStreamCount()).toBe(0);
  });

  it("cleans up when the client goes away: no subscriber, topic or stream is left", async () => {
    const hub = boardHub(db);
    const before = { topics: hub.topicCount, streams: openStreamCount() };
    // Next.js cancels the body of a response whose client disconnected
    const res = await apiStream(new Request(`http://localhost/api/v1/leaderboards/${boardId}/stream?top=2`, { headers: bearer(key) }), params({ id: boardId }));
    const sse = sseReader(res.body!);
    await sse.next();
    expect(hub.topicCount).toBe(before.topics + 1);
    expect(openStreamCount()).toBe(before.streams + 1);
    await sse.cancel();
    expect(hub.topicCount).toBe(before.topics);
    expect(hub.subscriberCount).toBe(0);
    expect(openStreamCount()).toBe(before.streams);

    // … and aborts request.signal, which ends the stream the same way
    const abort = new AbortController();
    const stream = await openTopicStream(db, await subscribeLeaderboard({ db, actor: a.actors.agent }, boardId, { top: "2" }), abort.signal);
    const sse2 = sseReader(stream.readable);
    await sse2.next();
    expect(hub.subscriberCount).toBe(1);
    abort.abort();
    expect(hub.subscriberCount).toBe(0);
    expect(hub.topicCount).toBe(before.topics);
    expect(openStreamCount()).toBe(before.streams);
    expect(await sse2.next()).toBeNull(); // the body ends
  });

  it("ends with an error event when the board is deleted while watched", async () => {
    const id = (await createLeaderboard({ db, actor: a.actors.admin }, { name: "Doomed", metric: "calls_answered", period: "week" })).id;
    const res = await apiStream(new Request(`http://localhost/api/v1/leaderboards/${id}/stream`, { headers: bearer(key) }), params({ id }));
    const sse = sseReader(res.body!);
    expect((await sse.next())!.event).toBe("leaderboard");
    await deleteLeaderboard({ db, actor: a.actors.admin }, id);
    const end = await sse.next();
    expect(end!.event).toBe("error");
    expect(JSON.parse(end!.data).error.code).toBe("not_found");
    expect(await sse.next()).toBeNull();
  });
});

describe("GET /api/leaderboards/{id}/stream (signed-in web app)", () => {
  it("answers 401 without a session, and streams the board with ?from&to&top to anyone in the organization", async () => {
    session.actor = null;
    expect((await sessionStream(new Request(`http://localhost/api/leaderboards/${boardId}/stream`), params({ id: boardId }))).status).toBe(401);
    session.actor = a.actors.agentB;
    const today = new Date().toISOString().slice(0, 10);
    const bad = await sessionStream(new Request(`http://localhost/api/leaderboards/${boardId}/stream?from=${today}`), params({ id: boardId }));
    expect(bad.status).toBe(400);
    const res = await sessionStream(new Request(`http://localhost/api/leaderboards/${boardId}/stream?top=1`), params({ id: boardId }));
    expect(res.status).toBe(200);
    const sse = sseReader(res.body!);
    const v = view(await sse.next());
    expect(v.rows).toHaveLength(1);
    await sse.cancel();
    session.actor = null;
  });
});

describe("the board hub", () => {
  it("recomputes a board once for a burst of events, however many subscribers watch it", async () => {
    // A hub of its own with a wide window, so the burst surely falls into one window on a slow machine.
    const hub = new BoardHub(changeBus(db), { windowMs: 400 });
    const spec = await subscribeLeaderboard({ db, actor: a.actors.admin }, boardId, { top: "3" });
    let computes = 0;
    const counted = { ...spec, compute: () => (computes++, spec.compute()) };
    const received: string[][] = [];
    for (let i = 0; i < 20; i++) {
      const mine: string[] = [];
      received.push(mine);
      await hub.subscribe(counted, (m) => void mine.push(m.data));
    }
    expect(computes).toBe(1);
    for (let i = 0; i < 5; i++) await calls(a.users.agent.externalId!, 1); // five batches in a burst
    await vi.waitFor(() => expect(received[0]).toHaveLength(2), { timeout: 5_000, interval: 20 });
    await new Promise((r) => setTimeout(r, 450)); // nothing more is coming for that burst
    expect(computes).toBe(2);
    expect(received.every((r) => r.length === 2 && r[1] === received[0]![1])).toBe(true);
    hub.close();
  });
});

describe("the view cache of GET /api/v1/leaderboards/{id}", () => {
  it("serves repeated reads from memory and drops the view when an event arrives", async () => {
    const cache = enableViewCache(db);
    try {
      const ctx = { db, actor: a.actors.manager };
      const first = await getLeaderboard(ctx, boardId, { top: "3" });
      const misses = cache.stats.misses;
      expect(await getLeaderboard(ctx, boardId, { top: "3" })).toEqual(first);
      expect(cache.stats.misses).toBe(misses);
      expect(cache.stats.hits).toBeGreaterThan(0);
      const before = first.rows.find((r) => r.agent === a.users.agent.externalId)!.value!;
      await calls(a.users.agent.externalId!, 2);
      const after = await getLeaderboard(ctx, boardId, { top: "3" });
      expect(after.rows.find((r) => r.agent === a.users.agent.externalId)!.value).toBe(before + 2);
      // authorization still comes first: another organization's manager gets 404, not the cached view
      const other = await makeOrg(db, "Other reader");
      await expect(getLeaderboard({ db, actor: other.actors.manager }, boardId, { top: "3" })).rejects.toMatchObject({ status: 404 });
    } finally {
      disableViewCache(db);
    }
  });
});

describe("TV mode: /api/display/{token}", () => {
  it("shows the link's boards (top 10 by default, ?top up to 50) and 404s malformed, unknown and revoked tokens", async () => {
    const link = await createDisplayLink({ db, actor: a.actors.manager }, { name: "Floor screen", boards: [boardId] });
    const get = (token: string, query = "") => displayGet(new Request(`http://localhost/api/display/${token}${query}`), params({ token }));
    const res = await get(link.token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { name: string; rotateSeconds: number; boards: LeaderboardView[] };
    expect(Object.keys(body).sort()).toEqual(["boards", "name", "rotateSeconds"]);
    expect(body.name).toBe("Floor screen");
    expect(body.boards.map((b) => b.id)).toEqual([boardId]);
    expect(body.boards[0]!.rows.length).toBeLessThanOrEqual(10);
    expect(body.boards[0]!.rows.every((r) => r.rank !== null)).toBe(true);
    expect((await get(link.token, "?top=1")).status).toBe(200);
    expect((await get(link.token, "?top=51")).status).toBe(400);
    expect((await get("not-a-token")).status).toBe(404);
    expect((await get(`pdd_${"A".repeat(43)}`)).status).toBe(404);
    await revokeDisplayLink({ db, actor: a.actors.manager }, link.id);
    expect((await get(link.token)).status).toBe(404);
  });

  it("streams the display and, once the link is revoked, sends `revoked` at the next update and ends", async () => {
    const link = await createDisplayLink({ db, actor: a.actors.manager }, { name: "Lobby", boards: [boardId] });
    const stream = (token: string) => displayStream(new Request(`http://localhost/api/display/${token}/stream`), params({ token }));
    expect((await stream("pdd_bad")).status).toBe(404);
    const res = await stream(link.token);
    expect(res.status).toBe(200);
    const sse = sseReader(res.body!);
    const first = await sse.next();
    expect(first!.event).toBe("display");
    expect(JSON.parse(first!.data).boards[0].id).toBe(boardId);
    await calls(a.users.agentB.externalId!, 1);
    expect((await sse.next())!.event).toBe("display");
    await revokeDisplayLink({ db, actor: a.actors.manager }, link.id);
    await calls(a.users.agentB.externalId!, 1); // the next update checks the link again
    const end = await sse.next();
    expect(end!.event).toBe("revoked");
    expect(await sse.next()).toBeNull();
    expect((await stream(link.token)).status).toBe(404);
  });
});

describe("two app instances on one database", () => {
  it.skipIf(!onPostgres)("an event ingested through one instance updates a stream and drops a cached view on the other (LISTEN/NOTIFY)", async () => {
    // Instance B: its own client, bus, hub and cache, as a second process would have. A is the app's database.
    const b = await openDatabase({ url: process.env.DATABASE_URL!, migrate: false });
    try {
      expect(changeBus(db).kind).toBe("postgres");
      expect(changeBus(b.db).kind).toBe("postgres");
      const cacheB = enableViewCache(b.db);
      await changeBus(b.db).listen();
      await changeBus(db).listen();
      const ctxB = { db: b.db, actor: a.actors.admin };
      const stream = await openTopicStream(b.db, await subscribeLeaderboard(ctxB, boardId, { top: "3" }));
      const sse = sseReader(stream.readable);
      const initial = view(await sse.next());
      const cached = await getLeaderboard(ctxB, boardId, { top: "3" });
      const agentB = a.users.agentB.externalId!;
      const valueOf = (v: LeaderboardView) => v.rows.find((r) => r.agent === agentB)?.value ?? 0;

      await calls(agentB, 10, db); // through instance A
      const updated = view(await sse.until((e) => valueOf(JSON.parse(e.data) as LeaderboardView) === valueOf(initial) + 10));
      expect(leader(updated)).toBe(agentB);
      expect(changeBus(b.db).stats.received).toBeGreaterThan(0);
      // B's cached GET was dropped by the notification too
      await vi.waitFor(async () => expect(valueOf(await getLeaderboard(ctxB, boardId, { top: "3" }))).toBe(valueOf(cached) + 10), { timeout: 5_000 });
      expect(cacheB.stats.invalidations).toBeGreaterThan(0);
      stream.close();
    } finally {
      await stopRealtime(b.db);
      await b.close();
    }
  });

  it.skipIf(onPostgres)("is PostgreSQL only: PGlite is embedded in one process (SPEC §11), so there is no second instance to notify", () => {
    expect(changeBus(db).kind).toBe("in-process");
  });
});

describe("the streams served outside Next's pipeline (server.mjs, lib/http/direct-routes.ts)", () => {
  // The same three routes instrumentation.ts offers to server.mjs, behind a node:http server; anything else is "Next".
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    const direct = directHandler([
      directRoute("/api/v1/leaderboards/:id/stream", apiStream),
      directRoute("/api/leaderboards/:id/stream", sessionStream),
      directRoute("/api/display/:token/stream", displayStream),
    ]);
    server = http.createServer((req, res) => {
      if (!direct(req, res)) res.writeHead(299).end("next");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("streams a board over HTTP, updates it on an event, and leaves nothing behind when the client disconnects", async () => {
    const hub = boardHub(db);
    const before = { streams: openStreamCount(), subscribers: hub.subscriberCount };
    const abort = new AbortController();
    const res = await fetch(`${base}/api/v1/leaderboards/${boardId}/stream?top=5`, { headers: bearer(key), signal: abort.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    const sse = sseReader(res.body!);
    const initial = view(await sse.next());
    expect(initial).toEqual(await getLeaderboard({ db, actor: a.actors.agent }, boardId, { top: "5" }));
    expect(openStreamCount()).toBe(before.streams + 1);
    const agentB = a.users.agentB.externalId!;
    const valueOf = (v: LeaderboardView) => v.rows.find((r) => r.agent === agentB)?.value ?? 0;
    await calls(agentB, 2);
    await sse.until((e) => valueOf(JSON.parse(e.data) as LeaderboardView) === valueOf(initial) + 2);
    abort.abort();
    // the server learns of the disconnect when its socket closes: allow for a busy machine (CI runs two files at once)
    await vi.waitFor(
      () => {
        expect(openStreamCount()).toBe(before.streams);
        expect(hub.subscriberCount).toBe(before.subscribers);
      },
      { timeout: 5_000 },
    );
  });

  it("refuses before any stream, with the API's error bodies: no key, unknown board, bad top, no session", async () => {
    const before = openStreamCount();
    const noKey = await fetch(`${base}/api/v1/leaderboards/${boardId}/stream`);
    expect(noKey.status).toBe(401);
    expect((await noKey.json()).error.code).toBe("unauthorized");
    const unknown = await fetch(`${base}/api/v1/leaderboards/00000000-0000-4000-8000-000000000000/stream`, { headers: bearer(key) });
    expect(unknown.status).toBe(404);
    const bad = await fetch(`${base}/api/v1/leaderboards/${boardId}/stream?top=zero`, { headers: bearer(key) });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/top/);
    session.actor = null;
    expect((await fetch(`${base}/api/leaderboards/${boardId}/stream`)).status).toBe(401);
    expect((await fetch(`${base}/api/display/pdd_bad/stream`)).status).toBe(404);
    expect(openStreamCount()).toBe(before);
    // a POST, or a path of no stream, is Next's
    expect(await (await fetch(`${base}/api/v1/leaderboards/${boardId}/stream`, { method: "POST", headers: bearer(key) })).text()).toBe("next");
    expect(await (await fetch(`${base}/api/v1/leaderboards/${boardId}`, { headers: bearer(key) })).text()).toBe("next");
  });

  it("serves the signed-in board and TV mode, which ends when its link is revoked", async () => {
    session.actor = a.actors.agentB;
    const signedIn = await fetch(`${base}/api/leaderboards/${boardId}/stream?top=1`);
    expect(signedIn.status).toBe(200);
    const boardSse = sseReader(signedIn.body!);
    expect(view(await boardSse.next()).rows).toHaveLength(1);
    await boardSse.cancel();
    session.actor = null;

    const link = await createDisplayLink({ db, actor: a.actors.manager }, { name: "Wall", boards: [boardId] });
    const tv = await fetch(`${base}/api/display/${link.token}/stream`);
    expect(tv.status).toBe(200);
    const sse = sseReader(tv.body!);
    expect((await sse.next())!.event).toBe("display");
    await revokeDisplayLink({ db, actor: a.actors.manager }, link.id);
    await calls(a.users.agentB.externalId!, 1);
    expect((await sse.until((e) => e.event === "revoked")).event).toBe("revoked");
    expect(await sse.next()).toBeNull(); // the HTTP response ends
  });
});

describe("shutdown", () => {
  it("ends every open stream", async () => {
    const res = await apiStream(new Request(`http://localhost/api/v1/leaderboards/${boardId}/stream`, { headers: bearer(key) }), params({ id: boardId }));
    const sse = sseReader(res.body!);
    await sse.next();
    expect(await stopRealtime(db)).toBeGreaterThanOrEqual(1);
    expect(await sse.next()).toBeNull();
    expect(openStreamCount()).toBe(0);
  });
});
