import { getDb, type Db } from "@/db/client";
import { findOrganization } from "@/db/queries/orgs";
import { findUserByEmailAnyOrg } from "@/db/queries/users";

/** The UI language to use after a successful sign-in: the person's own choice, else their organization's default. */
export async function getPreferredLocale(email: string, db?: Db): Promise<string | null> {
  db ??= await getDb();
  const user = await findUserByEmailAnyOrg(db, email);
  if (!user) return null;
  if (user.locale) return user.locale;
  return (await findOrganization(db, user.orgId))?.locale ?? null;
}
