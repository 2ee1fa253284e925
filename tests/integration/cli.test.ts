import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db/client";
import { agentProfiles, apiKeys, auditLog, organizations, users } from "@/db/schema";
import { main } from "@/lib/cli/main";
import type { Io } from "@/lib/cli/io";
import { cli, inspectCliDatabase, type Run } from "../helpers/cli";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const serverUrl = process.env.TEST_DATABASE_URL;
const mode = serverUrl ? "postgres" : "pglite";

/** `--json` prints one line of JSON and nothing else on stdout. */
function json<T>(run: Run): T {
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout.endsWith("\n")).toBe(true);
  expect(run.stdout.trimEnd().split("\n")).toHaveLength(1);
  return JSON.parse(run.stdout) as T;
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "podium-cli-"));
  tempDirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe(`npx podium, through the binary (${mode})`, () => {
  let server: TestDatabase | undefined;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = tempDir();
    // PostgreSQL mode: a fresh database on the server, handed to the CLI as DATABASE_URL
    if (serverUrl) server = await createTestDatabase();
  });
  afterAll(async () => {
    await server?.close();
  });

  const inspect = <T>(fn: (db: Db) => Promise<T>) => inspectCliDatabase(server, dataDir, fn);

  it(
    "migrates, creates an organization, a user of every role and an API key, and stores them",
    async () => {
      const env = { DATABASE_URL: server?.url, PODIUM_DATA_DIR: dataDir };
      for (let i = 0; i < 2; i++) {
        const migrated = await cli(["migrate"], env);
        expect(migrated.code).toBe(0);
        expect(migrated.stdout).toContain(`migrations applied (${mode})`);
      }

      const org = json<{ id: string }>(await cli(["org", "create", "--name", "Acme Support", "--timezone", "Asia/Kuala_Lumpur", "--currency", "myr", "--json"], env));
      expect(Object.keys(org)).toEqual(["id"]);

      const created: Record<string, { id: string; email: string; role: string; password?: string }> = {};
      for (const role of ["agent", "manager", "hr", "admin"]) {
        const args = ["user", "create", "--org", org.id, "--email", `${role}@acme.test`, "--role", role, "--json"];
        // the admin gets a chosen password; the others get a generated one, printed once
        if (role === "admin") args.push("--password", "correct horse battery");
        created[role] = json(await cli(args, env));
        expect(created[role]).toMatchObject({ email: `${role}@acme.test`, role });
        if (role === "admin") expect(created[role]).not.toHaveProperty("password");
        else expect(created[role]?.password).toMatch(/^.{10,}$/);
      }

      const key = json<{ key: string; id: string; scopes: string[] }>(
        await cli(["apikey", "create", "--org", org.id, "--scopes", "kpis:read,events:write", "--json"], env),
      );
      expect(key.key).toMatch(/^pdm_/);
      expect(key.scopes).toEqual(["events:write", "kpis:read"]);

      const again = await cli(["migrate"], env);
      expect(again.code).toBe(0);

      await inspect(async (db) => {
        const [row] = await db.select().from(organizations).where(eq(organizations.id, org.id));
        expect(row).toMatchObject({ name: "Acme Support", timezone: "Asia/Kuala_Lumpur", currency: "MYR" });

        const people = await db.select().from(users).where(eq(users.orgId, org.id));
        expect(Object.fromEntries(people.map((u) => [u.email, u.role]))).toEqual({
          "agent@acme.test": "agent",
          "manager@acme.test": "manager",
          "hr@acme.test": "hr",
          "admin@acme.test": "admin",
        });
        for (const u of people) expect(u.passwordHash).toMatch(/^scrypt\$/);
        const profiles = await db.select().from(agentProfiles).where(eq(agentProfiles.orgId, org.id));
        expect(profiles.map((p) => p.userId)).toEqual([created.agent?.id]);

        const [stored] = await db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
        expect(stored?.hash).toBe(createHash("sha256").update(key.key).digest("hex"));
        expect(JSON.stringify(stored)).not.toContain(key.key);
        expect(stored?.scopes).toEqual(["events:write", "kpis:read"]);

        const audit = await db.select().from(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.actorType, "cli")));
        expect(audit.map((a) => a.action).sort()).toEqual(["apikey.create", "org.create", "user.create", "user.create", "user.create", "user.create"]);
      });
    },
    180_000,
  );

  it("exits with the code main returns: 2 and the usage for an unknown command", async () => {
    const run = await cli(["frobnicate"], { PODIUM_DATA_DIR: dataDir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain('error: unknown command "frobnicate"');
    expect(run.stderr).toContain("Usage: npx podium <command>");
  });

  it("reports bad input in one line naming the field, without a stack trace", async () => {
    const run = await cli(["user", "create", "--org", "not-a-uuid", "--email", "x@acme.test", "--role", "admin"], { DATABASE_URL: server?.url, PODIUM_DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("error: org: must be a valid id\n");
  });
});

describe("npx podium on an embedded database another process holds", () => {
  it(
    "exits 1 naming the holder, and leaves the data intact",
    async () => {
      const env = { PODIUM_DATA_DIR: tempDir() }; // always PGlite: the lock is the embedded database's
      const org = json<{ id: string }>(await cli(["org", "create", "--name", "Before", "--json"], env));

      // this test process now owns the directory (its pid is in pglite/podium.lock) until close()
      const held = await openDatabase({ pgliteDir: path.join(env.PODIUM_DATA_DIR, "pglite") });
      try {
        const refused = await cli(["org", "create", "--name", "During", "--json"], env);
        expect(refused.code).toBe(1);
        expect(refused.stdout).toBe("");
        expect(refused.stderr).toContain(`already in use by process ${process.pid}`);
        expect(refused.stderr).not.toMatch(/\n\s+at /);

        const rows = await held.db.select().from(organizations);
        expect(rows.map((r) => [r.id, r.name])).toEqual([[org.id, "Before"]]);
      } finally {
        await held.close();
      }

      // released: the CLI may use it again, and sees what was there
      const after = json<{ id: string }>(await cli(["org", "create", "--name", "After", "--json"], env));
      expect(after.id).not.toBe(org.id);
    },
    120_000,
  );
});

describe(`main(argv, io) (${mode})`, () => {
  let database: TestDatabase;
  let orgId: string;
  // the test database is shared by these cases, so main must not close it
  const target = () => ({ label: "test database", open: async () => ({ ...database, close: async () => {} }) });

  async function run(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
    const code = await main(argv, io, { database: target() });
    return { code, out, err, stderr: err.join("\n") };
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const created = await run(["org", "create", "--name", "Fast Org", "--json"]);
    expect(created.code).toBe(0);
    orgId = (JSON.parse(created.out[0]!) as { id: string }).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it("prints the bare id without --json", async () => {
    const r = await run(["org", "create", "--name", "Plain"]);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("rejects an invalid role naming the field", async () => {
    const r = await run(["user", "create", "--org", orgId, "--email", "boss@fast.test", "--role", "boss"]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual(["error: role: must be one of agent, manager, hr, admin"]);
  });

  it("rejects a bad time zone naming the field", async () => {
    const r = await run(["org", "create", "--name", "Nowhere", "--timezone", "Mars/Olympus"]);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/^error: timezone: /);
  });

  it("rejects an organization id that does not exist", async () => {
    const r = await run(["user", "create", "--org", "00000000-0000-4000-8000-000000000000", "--email", "a@fast.test", "--role", "agent"]);
    expect(r.code).toBe(1);
    expect(r.err).toEqual(["error: org: no organization with id 00000000-0000-4000-8000-000000000000"]);
    const k = await run(["apikey", "create", "--org", "00000000-0000-4000-8000-000000000000", "--scopes", "kpis:read"]);
    expect(k.code).toBe(1);
    expect(k.stderr).toContain("org: no organization");
  });

  it("rejects unknown scopes naming them", async () => {
    const r = await run(["apikey", "create", "--org", orgId, "--scopes", "kpis:read,everything"]);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/^error: scopes\[1\]: must be one of /);
  });

  it("refuses a second user with the same email as a conflict", async () => {
    const args = ["user", "create", "--org", orgId, "--email", "twice@fast.test", "--role", "hr"];
    expect((await run(args)).code).toBe(0);
    const r = await run(args);
    expect(r.code).toBe(1);
    expect(r.err[0]).toBe("error: email: a user with this email already exists");
  });

  it("prints a generated password once, in plain output too", async () => {
    const r = await run(["user", "create", "--org", orgId, "--email", "plain@fast.test", "--role", "agent", "--external-id", "ext-7"]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(expect.arrayContaining([expect.stringMatching(/^password {2}\S{10,} /), "external  ext-7", "role      agent"]));
  });

  it("prints the key alone on stdout and the warning on stderr", async () => {
    const r = await run(["apikey", "create", "--org", orgId, "--scopes", "kpis:read", "--name", "BI export"]);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]).toMatch(/^pdm_/);
    expect(r.stderr).toContain('API key "BI export" (kpis:read)');
  });

  it("names a missing required flag and exits 2 with the command's usage", async () => {
    const r = await run(["user", "create", "--org", orgId, "--role", "agent"]);
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe("error: missing required option --email");
    expect(r.stderr).toContain("Usage: npx podium user create");
  });

  it("exits 2 on unknown commands, options and stray arguments", async () => {
    for (const argv of [[], ["frob"], ["org"], ["org", "delete"], ["--frob"], ["org", "create", "--name", "X", "--frob"], ["org", "create", "--name"], ["migrate", "now"]]) {
      const r = await run(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err[0], argv.join(" ")).toMatch(/^error: /);
      expect(r.stderr, argv.join(" ")).toContain("Usage: npx podium");
    }
  });

  it("prints help on stdout with exit 0", async () => {
    for (const argv of [["--help"], ["help"], ["help", "apikey", "create"], ["apikey", "create", "--help"], ["org", "-h"]]) {
      const r = await run(argv);
      expect(r.code, argv.join(" ")).toBe(0);
      expect(r.err).toEqual([]);
      expect(r.out.join("\n"), argv.join(" ")).toContain("Usage: npx podium");
    }
    expect((await run(["help", "apikey", "create"])).out.join("\n")).toContain("--scopes <s1,s2>");
    expect((await run(["help", "nothing"])).code).toBe(2);
  });

  it("seeds the demo organization once and prints its sign-ins", async () => {
    // two days of history keep this fast; the 90-day default is measured in tests/integration/demo-seed.test.ts
    const first = await run(["seed", "demo", "--days", "2"]);
    expect(first.code).toBe(0);
    expect(first.out[0]).toMatch(/^demo organization \S+ created$/);
    expect(first.out[1]).toMatch(/^\d+ events from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(/);
    expect(first.out.join("\n")).toContain("admin@demo.podium.test");
    const second = await run(["seed", "demo", "--json"]);
    expect(second.code).toBe(0);
    const body = JSON.parse(second.out[0]!) as { orgId: string; created: boolean; signIns: { role: string }[] };
    expect(body.created).toBe(false);
    expect(first.out[0]).toContain(body.orgId);
    expect(body.signIns.map((s) => s.role)).toEqual(["admin", "hr", "manager", "agent"]);
  });
});
