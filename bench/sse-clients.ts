/**
 * Shared pieces of the live-leaderboard benchmarks: raw `node:http` SSE clients (cheap enough to hold thousands in
 * one process), the server's resident memory, and a benchmark organization with a board.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { Db } from "@/db/client";
import type { SystemActor } from "@/lib/auth/actor";
import { createApiKey } from "@/lib/server/create-api-key";
import { createLeaderboard } from "@/lib/server/create-leaderboard";
import { createOrganization } from "@/lib/server/create-organization";
import { createBenchAgents } from "./common";

const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

export type SseClient = { close: () => void; events: number; opened: Promise<void> };

/**
 * Opens `GET url` as an event stream; `onEvent(event, data, at)` for each message (`at`: performance.now() when the
 * message was complete). `opened` resolves on the response headers (rejects on a non-200).
 */
export function openSse(url: string, headers: Record<string, string>, onEvent: (event: string, data: string, at: number) => void): SseClient {
  let buffer = "";
  let req: http.ClientRequest | null = null;
  const client: SseClient = {
    events: 0,
    close: () => req?.destroy(),
    opened: new Promise<void>((resolve, reject) => {
      req = http.get(url, { agent, headers: { accept: "text/event-stream", ...headers } }, (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`stream ${url}: ${res.statusCode}`));
          res.resume();
          return;
        }
        resolve();
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!block.startsWith("event: ")) continue; // retry: and heartbeat comments
            const nl = block.indexOf("\n");
            client.events++;
            onEvent(block.slice(7, nl), block.slice(nl + 7), performance.now());
          }
        });
        res.on("error", () => {});
      });
      req.on("error", (err) => reject(err));
    }),
  };
  return client;
}

/** Opens `count` streams, `concurrency` at a time. */
export async function openMany(count: number, concurrency: number, open: (i: number) => SseClient): Promise<SseClient[]> {
  const clients: SseClient[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const c = open(next++);
        clients.push(c);
        await c.opened;
      }
    }),
  );
  return clients;
}

/** The pid listening on `port` (the `next start` server). */
export function serverPid(port: number): number {
  const out = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`no process listens on ${port}`);
  return Number(pid);
}

/** Resident memory of a process, in MiB. */
export function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) / 1024;
}

/** Samples the RSS every `everyMs` until stopped; returns the highest. */
export function rssPeak(pid: number, everyMs = 100): { stop: () => number } {
  let peak = rssMiB(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), everyMs);
  return { stop: () => (clearInterval(timer), Math.max(peak, rssMiB(pid))) };
}

const system: SystemActor = { kind: "system", label: "cli" };

/**
 * An organization with `agents` agents (agent-00000 …), a custom-period board over `period` ranking `metric`, and a
 * key that may read boards and write events.
 */
export async function benchBoard(db: Db, opts: { agents: number; metric: string; period: { from: string; to: string } }) {
  const ctx = { db, actor: system };
  const org = await createOrganization(ctx, { name: "Leaderboard benchmark", timezone: "Asia/Kuala_Lumpur", currency: "MYR" });
  await createBenchAgents(db, org.id, opts.agents);
  const { key } = await createApiKey(ctx, { name: "bench", scopes: ["leaderboards:read", "leaderboards:write", "events:write"] }, { orgId: org.id });
  const board = await createLeaderboard(ctx, { name: `Bench ${opts.metric}`, metric: opts.metric, period: "custom", ...opts.period }, { orgId: org.id });
  return { orgId: org.id, boardId: board.id, key };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
