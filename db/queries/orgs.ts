import { eq } from "drizzle-orm";
import type { Queryable } from "../client";
import { organizations, type Organization } from "../schema";

export async function findOrganization(q: Queryable, orgId: string): Promise<Organization | undefined> {
  const [row] = await q.select().from(organizations).where(eq(organizations.id, orgId));
  return row;
}
