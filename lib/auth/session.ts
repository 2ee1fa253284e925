import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { UnauthorizedError } from "@/lib/errors";
import { loadSessionActor } from "@/lib/server/load-session-actor";
import type { Ctx } from "@/lib/server/context";
import type { UserActor } from "./actor";
import { auth } from "./index";
import { can, type Permission } from "./policy";

/** The signed-in person for this request, re-read from the database (once per request), or null. */
export const currentActor = cache(async (): Promise<UserActor | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  const securityVersion = (session as { securityVersion?: number }).securityVersion;
  return loadSessionActor(await getDb(), { userId, securityVersion });
});

/** For server actions: the operation context, or 401. */
export async function requireCtx(): Promise<Ctx & { actor: UserActor }> {
  const actor = await currentActor();
  if (!actor) throw new UnauthorizedError("Please sign in again");
  return { db: await getDb(), actor };
}

/** For pages: sign-in redirect when signed out, /forbidden when the role lacks the permission. */
export async function requirePageCtx(permission?: Permission): Promise<Ctx & { actor: UserActor }> {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  if (permission && !can(actor, permission, { orgId: actor.orgId })) redirect("/forbidden");
  return { db: await getDb(), actor };
}
