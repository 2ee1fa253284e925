import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { findOrganization } from "@/db/queries/orgs";
import { DataDirLockedError } from "@/db/lock";
import type { CanonicalEvent } from "@/lib/domain/events";
import { generateLiveEvents } from "@/lib/domain/demo/live";
import type { DemoAgent } from "@/lib/domain/demo/profiles";
import { demoAgentFor } from "@/lib/domain/demo/roster";
import { NotFoundError } from "@/lib/errors";
import { ingestEvents, MAX_BATCH_EVENTS, type IngestResult } from "@/lib/server/ingest-events";
import { loadDirectory } from "@/lib/server/kpi-directory";
import { parseOptions } from "../args";
import type { Command } from "../command";
import { cliActor, withDatabase } from "../database";
import { UsageError } from "../errors";
import type { Io } from "../io";
import { parseOrgId } from "../org";

const DEFAULT_RATE = 5;

const usage = `Usage: npx podium simulate --org <id> [--rate <events/s>] [--duration <seconds>]
       npx podium simulate --url <base url> --key <api key> [--rate <events/s>] [--duration <seconds>]

Keeps posting live events for the organization's active agents, happening "now", so that leaderboards move while
someone watches (SPEC §12): calls, tickets, CSAT/NPS/CES surveys, QA reviews and upsells, drawn like the demo
history (each agent keeps their skill). Prints a line per batch; Ctrl-C stops cleanly.

Without --url it writes straight into the configured database (DATABASE_URL, or the embedded database in
PODIUM_DATA_DIR). The embedded database admits one process at a time, so while the app runs on it use --url and
--key to post through the running server's API instead.

Options:
  --org <id>          the organization (direct mode; with --url the key's organization is used)
  --rate <n>          events per second (default ${DEFAULT_RATE}; fractions allowed, at most ${MAX_BATCH_EVENTS})
  --duration <s>      stop after this many seconds (default: run until Ctrl-C)
  --url <base url>    a running Podium, e.g. http://localhost:3000: events go to POST /api/v1/events
  --key <api key>     an API key of the organization with events:write and kpis:read (to list its agents)`;

const options = {
  org: { type: "string" },
  rate: { type: "string" },
  duration: { type: "string" },
  url: { type: "string" },
  key: { type: "string" },
} as const;

/** Where batches go: the database directly or a running server's API. */
type Sink = { timeZone: string; agents: DemoAgent[]; post(events: CanonicalEvent[]): Promise<IngestResult> };

function positive(value: string | undefined, flag: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new UsageError(`${flag} must be a number above 0 and at most ${max}`, usage);
  return n;
}

export const simulateCommand: Command = {
  name: "simulate",
  summary: "keep posting live demo events for an organization's agents",
  usage,
  async run(args, { io, database }) {
    const values = parseOptions(args, options, usage);
    const rate = positive(values.rate, "--rate", MAX_BATCH_EVENTS) ?? DEFAULT_RATE;
    const duration = positive(values.duration, "--duration", 366 * 86_400);
    if (values.url !== undefined && values.key === undefined) throw new UsageError("--url needs --key", usage);
    if (values.url === undefined && values.key !== undefined) throw new UsageError("--key goes with --url", usage);
    if (values.url === undefined && values.org === undefined) throw new UsageError("missing required option --org (or --url and --key)", usage);

    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
    const loop = (sink: Sink) => runLoop(sink, { rate, durationMs: duration && duration * 1000, io, signal: stop.signal });
    try {
      if (values.url !== undefined) {
        await loop(await httpSink(values.url, values.key!));
      } else {
        const orgId = parseOrgId(values.org!);
        await withDatabase(database, async ({ db }) => loop(await databaseSink(db, orgId))).catch((err: unknown) => {
          if (err instanceof DataDirLockedError) {
            throw new Error(`${err.message} While the app runs on it, simulate through it: --url http://localhost:3000 --key <API key>.`);
          }
          throw err;
        });
      }
    } finally {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    }
    return 0;
  },
};

function simulatedAgents(rows: Array<{ externalId: string; active: boolean; teams: string[] }>): DemoAgent[] {
  const agents = rows.filter((r) => r.active).map((r) => demoAgentFor(r.externalId, r.teams));
  if (agents.length === 0) throw new NotFoundError("the organization has no active agents to simulate: create some first (npx podium seed demo, or user create --role agent)");
  return agents;
}

async function databaseSink(db: Db, orgId: string): Promise<Sink> {
  const org = await findOrganization(db, orgId);
  if (!org) throw new NotFoundError(`org: no organization with id ${orgId}`);
  const directory = await loadDirectory(db, orgId);
  const teamName = new Map(directory.teams.map((t) => [t.id, t.name]));
  const agents = simulatedAgents(directory.agents.map((a) => ({ externalId: a.externalId, active: a.active, teams: a.teamIds.map((id) => teamName.get(id) ?? "") })));
  return { timeZone: org.timezone, agents, post: (events) => ingestEvents({ db, actor: cliActor }, events, { source: "simulator", orgId }) };
}

/** A failed request: `retryAfter` seconds for 429, `fatal` when retrying cannot help (bad key, missing scope). */
class HttpError extends Error {
  constructor(
    message: string,
    readonly fatal: boolean,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

async function callApi(url: string, key: string, init: RequestInit = {}): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json", ...init.headers } });
  } catch (err) {
    // the server is restarting or briefly unreachable: worth another try
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new HttpError(`cannot reach ${url}: ${cause?.code ?? cause?.message ?? String(err)}`, false);
  }
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (res.ok) return body;
  const message = `${res.status} from ${url}: ${body?.error?.message ?? res.statusText}`;
  if (res.status === 429) throw new HttpError(message, false, Number(res.headers.get("retry-after")) || 1);
  throw new HttpError(message, res.status === 400 || res.status === 401 || res.status === 403 || res.status === 404);
}

async function httpSink(baseUrl: string, key: string): Promise<Sink> {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new UsageError(`--url is not a URL: ${baseUrl}`, usage);
  }
  const endpoint = (path: string) => new URL(path, base).toString();
  const { agents } = (await callApi(endpoint("/api/v1/agents"), key)) as { agents: Array<{ externalId: string; active: boolean; teams: Array<{ name: string }> }> };
  return {
    // the API does not tell a key its organization's time zone; the server files events by their instant anyway
    timeZone: "UTC",
    agents: simulatedAgents(agents.map((a) => ({ externalId: a.externalId, active: a.active, teams: a.teams.map((t) => t.name) }))),
    post: async (events) => (await callApi(endpoint("/api/v1/events"), key, { method: "POST", body: JSON.stringify({ events }) })) as IngestResult,
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done);
  });
}

const clock = (ms: number) => new Date(ms).toTimeString().slice(0, 8);

/**
 * One batch a second: after k seconds floor(rate · k) events have been sent, so fractional rates even out and a slow
 * batch is caught up by the next one. A batch that could not be delivered is sent again unchanged (ids are the
 * idempotency key, so a batch that did arrive is only reported as duplicates).
 */
async function runLoop(sink: Sink, opts: { rate: number; durationMs: number | undefined; io: Io; signal: AbortSignal }): Promise<void> {
  const { io, signal, rate } = opts;
  const runId = randomBytes(4).toString("hex");
  const started = Date.now();
  const totals = { sent: 0, accepted: 0, duplicates: 0, rejected: 0, batches: 0 };
  let sequence = 0;
  let generated = 0;
  let pending: CanonicalEvent[] = [];
  io.stdout(`simulating ${sink.agents.length} agents at ${rate} events/s${opts.durationMs ? ` for ${opts.durationMs / 1000} s` : ""} (run ${runId}); Ctrl-C stops`);
  for (let tick = 1; !signal.aborted; tick++) {
    const due = started + tick * 1000;
    if (opts.durationMs !== undefined && due - started > opts.durationMs) break;
    await sleep(due - Date.now(), signal);
    if (signal.aborted) break;
    if (pending.length === 0) {
      const count = Math.min(MAX_BATCH_EVENTS, Math.floor(rate * tick) - generated);
      if (count <= 0) continue;
      const live = generateLiveEvents({ agents: sink.agents, now: Date.now(), count, timeZone: sink.timeZone, runId, sequence });
      sequence = live.sequence;
      generated += count;
      pending = live.events;
    }
    try {
      const result = await sink.post(pending);
      totals.batches++;
      totals.sent += pending.length;
      totals.accepted += result.accepted;
      totals.duplicates += result.duplicates;
      totals.rejected += result.rejected.length;
      io.stdout(`[${clock(Date.now())}] batch ${totals.batches}: ${pending.length} events: accepted ${result.accepted}, duplicates ${result.duplicates}, rejected ${result.rejected.length}`);
      for (const r of result.rejected.slice(0, 3)) io.stderr(`  rejected ${r.id ?? `#${r.index}`}: ${r.errors.join("; ")}`);
      pending = [];
    } catch (err) {
      if (!(err instanceof HttpError) || err.fatal) throw err;
      io.stderr(`[${clock(Date.now())}] not delivered (${err.message}); sending the same batch again`);
      if (err.retryAfter) await sleep(err.retryAfter * 1000, signal);
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.stdout(`stopped after ${seconds} s: ${totals.sent} events in ${totals.batches} batches, accepted ${totals.accepted}, duplicates ${totals.duplicates}, rejected ${totals.rejected}`);
}
