import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { sqlState } from "@/db/errors";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeOrg } from "../helpers/fixtures";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

describe("audit log", () => {
  it("refuses UPDATE, DELETE and TRUNCATE in the database itself", async () => {
    const { org } = await makeOrg(database.db);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.orgId, org.id)).limit(1);
    expect(entry).toBeDefined();
    const attempts = [
      () => database.db.update(auditLog).set({ action: "forged" }).where(eq(auditLog.id, entry!.id)),
      () => database.db.delete(auditLog).where(eq(auditLog.id, entry!.id)),
      () => database.db.execute(sql`truncate audit_log`),
    ];
    for (const attempt of attempts) {
      const err = await attempt().then(() => null, (e: unknown) => e);
      expect(sqlState(err)).toBe("42501");
    }
    const [still] = await database.db.select().from(auditLog).where(eq(auditLog.id, entry!.id));
    expect(still?.action).toBe(entry!.action);
  });
});
