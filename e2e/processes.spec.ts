import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { contextAs, unique } from "./helpers";

const root = path.resolve(import.meta.dirname, "..");

function startServer(port: number, env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = "";
  // as `npm start` starts it
  const child = spawn(process.execPath, [path.join(root, "server.mjs")], {
    cwd: root,
    env: { ...process.env, PORT: String(port), AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnop", NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
  });
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(port: number, timeoutMs = 60_000): Promise<{ status: string; database: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`http://localhost:${port}/api/health`);
      if (res.ok) return await res.json();
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server on ${port} did not become healthy`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

test.describe("server processes", () => {
  test("a second process on the same embedded database exits with a clear message and nothing is lost", async ({ browser }) => {
    const { context, page } = await contextAs(browser, "admin");
    const team = unique("Kept team");
    await page.goto("/admin/teams");
    await page.getByLabel("Name").fill(team);
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page.getByTestId("teams-table")).toContainText(team);

    const second = startServer(3198, { DATABASE_URL: "", PODIUM_DATA_DIR: path.join(root, ".data", "e2e") });
    const code = await second.exited;
    expect(code).toBe(1);
    expect(second.output()).toMatch(/already in use by process \d+/);

    await page.reload();
    await expect(page.getByTestId("teams-table")).toContainText(team);
    await context.close();
  });

  // Needs a PostgreSQL server; CI (.ci/run) always provides TEST_DATABASE_URL.
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    test("two servers started together on one fresh PostgreSQL database migrate once and both serve", async () => {
      test.setTimeout(120_000);
      const name = `podium_e2e_${randomBytes(5).toString("hex")}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const servers = [3201, 3202].map((port) => startServer(port, { DATABASE_URL: url.toString(), PODIUM_DATA_DIR: "" }));
      try {
        const health = await Promise.all([waitForHealth(3201), waitForHealth(3202)]);
        expect(health).toEqual([
          { status: "ok", database: "postgres" },
          { status: "ok", database: "postgres" },
        ]);
        const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
        const [migrations] = await db<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
        const files = fs.readdirSync(path.join(root, "db", "migrations")).filter((f) => f.endsWith(".sql"));
        expect(migrations?.n).toBe(files.length);
        const [orgs] = await db<{ n: number }[]>`select count(*)::int as n from organizations`;
        expect(orgs?.n).toBe(0); // PostgreSQL deployments are not seeded automatically
        await db.end();
      } finally {
        for (const s of servers) s.child.kill("SIGTERM");
        await Promise.all(servers.map((s) => s.exited));
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    });
  }
});
