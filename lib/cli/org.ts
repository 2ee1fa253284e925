import { z } from "zod";
import type { Queryable } from "@/db/client";
import { findOrganization } from "@/db/queries/orgs";
import { NotFoundError } from "@/lib/errors";
import { uuidSchema } from "@/lib/schemas/common";
import { parseInput } from "@/lib/validation";

const orgArg = z.object({ org: uuidSchema });

/** Checked before the database opens: PostgreSQL rejects a malformed uuid with an opaque cast error. */
export function parseOrgId(value: string): string {
  return parseInput(orgArg, { org: value }).org;
}

/** The operator names the organization; without this check a typo would surface as a foreign-key failure. */
export async function requireOrganization(q: Queryable, orgId: string): Promise<void> {
  if (!(await findOrganization(q, orgId))) {
    throw new NotFoundError(`org: no organization with id ${orgId}`);
  }
}
