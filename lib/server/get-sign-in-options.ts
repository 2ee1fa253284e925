import { getDb, type Db } from "@/db/client";
import { oidcDisplayName } from "@/lib/auth/oidc";
import { demoSignIns, hasDemoOrg } from "./seed-demo";

/** What the public sign-in page offers: SSO when configured, and the demo accounts when the demo organization exists. */
export async function getSignInOptions(db?: Db) {
  db ??= await getDb();
  return { sso: oidcDisplayName(), demo: (await hasDemoOrg(db)) ? demoSignIns() : [] };
}
