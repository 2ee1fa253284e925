import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUser } from "@/db/queries/users";
import { listAudit } from "@/lib/server/list-audit";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeOrg } from "../helpers/fixtures";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe(`database (${process.env.TEST_DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("applies every migration", async () => {
    const rows = await database.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const names = (Array.isArray(rows) ? rows : (rows as { rows: { table_name: string }[] }).rows).map((r) => r.table_name);
    expect(names).toEqual(
      expect.arrayContaining(["organizations", "users", "agent_profiles", "teams", "team_members", "api_keys", "audit_log", "sign_in_failures"]),
    );
  });

  it("keeps organizations apart: org-scoped reads never return another organization's rows", async () => {
    const a = await makeOrg(database.db, "A");
    const b = await makeOrg(database.db, "B");
    expect(await findUser(database.db, a.org.id, a.users.admin.id)).toBeDefined();
    expect(await findUser(database.db, b.org.id, a.users.admin.id)).toBeUndefined();
    const auditA = await listAudit({ db: database.db, actor: a.actors.admin });
    expect(auditA.entries.length).toBeGreaterThan(0);
    expect(auditA.entries.every((e) => e.orgId === a.org.id)).toBe(true);
  });
});
