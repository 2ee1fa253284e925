import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { events as storedEvents } from "@/db/schema";
import type { Io } from "@/lib/cli/io";
import { main } from "@/lib/cli/main";
import { createOrganization } from "@/lib/server/create-organization";
import { GET as getAgents } from "@/app/api/v1/agents/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { useAppDatabase, type AppDatabase } from "../helpers/app-db";
import { makeOrg, system, type TestOrg } from "../helpers/fixtures";

/** `npx podium simulate` (SPEC §12): live events into the database directly, or through a running server's API. */
const root = path.resolve(import.meta.dirname, "../..");
let app: AppDatabase;
let db: Db;
let org: TestOrg;

beforeAll(async () => {
  app = await useAppDatabase();
  db = app.db;
  org = await makeOrg(db, "Simulated");
});
afterAll(async () => {
  await app?.close();
});

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
  const database = { label: "test database", open: async () => ({ ...app, close: async () => {} }) };
  const code = await main(argv, io, { database });
  return { code, out, err };
}

const stored = (source: string) =>
  db.select().from(storedEvents).where(and(eq(storedEvents.orgId, org.org.id), eq(storedEvents.source, source)));

/** The app's two API routes behind a real HTTP port, so the simulator's --url mode is exercised end to end. */
async function apiServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const routes: Record<string, typeof getAgents> = {
    "GET /api/v1/agents": getAgents,
    "POST /api/v1/events": postEvents,
  };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const handler = routes[`${req.method} ${new URL(req.url!, "http://x").pathname}`];
    if (!handler) return void res.writeHead(404).end();
    const request = new Request(`http://localhost${req.url}`, {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
    });
    const response = await handler(request, { params: Promise.resolve({}) });
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe("npx podium simulate", () => {
  it("posts live events for the organization's agents straight into the database, a batch a second", async () => {
    const started = Date.now();
    const r = await run(["simulate", "--org", org.org.id, "--rate", "10", "--duration", "2"]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^simulating 2 agents at 10 events\/s for 2 s \(run [0-9a-f]{8}\); Ctrl-C stops$/);
    expect(r.out.slice(1, -1)).toEqual([
      expect.stringMatching(/^\[\d\d:\d\d:\d\d\] batch 1: 10 events: accepted 10, duplicates 0, rejected 0$/),
      expect.stringMatching(/^\[\d\d:\d\d:\d\d\] batch 2: 10 events: accepted 10, duplicates 0, rejected 0$/),
    ]);
    expect(r.out.at(-1)).toMatch(/^stopped after 2\.\d s: 20 events in 2 batches, accepted 20, duplicates 0, rejected 0$/);

    const rows = await stored("simulator");
    expect(rows).toHaveLength(20);
    const agents = [org.users.agent.externalId, org.users.agentB.externalId, null];
    for (const row of rows) {
      expect(row.id).toMatch(/^sim-[0-9a-f]{8}-\d+(-[a-z]+)+$/);
      expect(agents).toContain(row.agentRef);
      expect(row.occurredAt.getTime()).toBeGreaterThan(started - 3 * 3600_000);
      expect(row.occurredAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
  });

  it("drives a running server over HTTP with an API key", async () => {
    const server = await apiServer();
    try {
      const key = await org.apiKey(["events:write", "kpis:read"]);
      const r = await run(["simulate", "--url", server.url, "--key", key.key, "--rate", "2.5", "--duration", "2"]);
      expect(r.err).toEqual([]);
      expect(r.code).toBe(0);
      // 2.5 events a second: 2 after the first second, 5 after the second
      expect(r.out.at(-1)).toMatch(/^stopped after 2\.\d s: 5 events in 2 batches, accepted 5, duplicates 0, rejected 0$/);
      expect(await stored("api")).toHaveLength(5);

      // a key that cannot list the agents is refused with the server's reason, before anything is sent
      const writeOnly = await org.apiKey(["events:write"]);
      const refused = await run(["simulate", "--url", server.url, "--key", writeOnly.key, "--duration", "1"]);
      expect(refused.code).toBe(1);
      expect(refused.err[0]).toMatch(/^error: 403 from http:\/\/127\.0\.0\.1:\d+\/api\/v1\/agents: /);
      expect(await stored("api")).toHaveLength(5);
    } finally {
      await server.close();
    }
  });

  it("names what is wrong with the command line", async () => {
    const cases: [string[], string][] = [
      [["simulate"], "error: missing required option --org (or --url and --key)"],
      [["simulate", "--org", org.org.id, "--rate", "0"], "error: --rate must be a number above 0 and at most 5000"],
      [["simulate", "--url", "http://localhost:3000"], "error: --url needs --key"],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err[0]).toBe(message);
    }
    const usage = await run(["help", "simulate"]);
    expect(usage.out.join("\n")).toContain("The embedded database admits one process at a time");
    const empty = await createOrganization({ db, actor: system }, { name: "No agents yet" });
    const r = await run(["simulate", "--org", empty.id, "--duration", "1"]);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/^error: the organization has no active agents/);
  });
});

describe("npx podium simulate, through the binary", () => {
  it(
    "stops cleanly on Ctrl-C: exit 0, a summary, and the embedded database released",
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "podium-sim-"));
      try {
        const pgliteDir = path.join(dir, "pglite");
        const setup = await openDatabase({ pgliteDir });
        const target = await makeOrg(setup.db, "Ctrl-C");
        await setup.close();

        const child = spawn(process.execPath, [path.join(root, "bin", "podium.mjs"), "simulate", "--org", target.org.id, "--rate", "20"], {
          cwd: root,
          env: { ...process.env, DATABASE_URL: "", PODIUM_DATA_DIR: dir },
        });
        let stdout = "";
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no batch within 60 s: ${stdout} ${stderr}`)), 60_000);
          child.stdout.on("data", (d: Buffer) => {
            stdout += d.toString();
            if (stdout.includes("batch 1:")) {
              clearTimeout(timer);
              resolve();
            }
          });
        });
        child.kill("SIGINT");
        expect(await exited).toBe(0);
        expect(stderr).toBe("");
        const summary = /stopped after [\d.]+ s: (\d+) events in \d+ batches, accepted (\d+), duplicates 0, rejected 0\n$/.exec(stdout);
        expect(summary, stdout).not.toBeNull();
        expect(fs.existsSync(path.join(pgliteDir, "podium.lock"))).toBe(false);

        const after = await openDatabase({ pgliteDir });
        try {
          const rows = await after.db.select({ id: storedEvents.id }).from(storedEvents).where(eq(storedEvents.orgId, target.org.id));
          expect(rows.length).toBe(Number(summary![2]));
          expect(rows.length).toBeGreaterThanOrEqual(20);
        } finally {
          await after.close();
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
