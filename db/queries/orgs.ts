import { eq } from "drizzle-orm";
import type { Queryable } from "../client";
import { organizations, type Organization } from "../schema";

export async function findOrganization(q: Queryable, orgId: string): Promise<Organization | undefined> {
  const [row] = await q.select().from(organizations).where(eq(organizations.id, orgId));
  return row;
}

/** The settings ingestion files events by, read under a KEY SHARE lock held until the transaction ends. */
export async function organizationForIngest(tx: Queryable, orgId: string): Promise<{ timezone: string; serviceLevelSeconds: number } | undefined> {
  const [row] = await tx
    .select({ timezone: organizations.timezone, serviceLevelSeconds: organizations.serviceLevelSeconds })
    .from(organizations)
    .where(eq(organizations.id, orgId))
    .for("key share");
  return row;
}
