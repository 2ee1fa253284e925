import type { Session } from "next-auth";
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
export const currentActor = cache(async (): Promise<UserActor | null> => actorOf(await auth()));

async function actorOf(session: Session | null): Promise<UserActor | null> {
  const userId = session?.user?.id;
  if (!userId) return null;
  const securityVersion = (session as { securityVersion?: number }).securityVersion;
  return loadSessionActor(await getDb(), { userId, securityVersion });
}

/** Auth.js's `auth(req, res)` form: the session from the request's own cookie header, without Next's request scope. */
const sessionOfHeaders = auth as unknown as (req: { headers: Record<string, string> }, res: { appendHeader: (name: string, value: string) => void }) => Promise<Session | null>;

/** For server actions: the operation context, or 401. */
export async function requireCtx(): Promise<Ctx & { actor: UserActor }> {
  const actor = await currentActor();
  if (!actor) throw new UnauthorizedError("Please sign in again");
  return { db: await getDb(), actor };
}

/**
 * requireCtx for a handler that also runs outside Next's request scope, where `auth()` has no headers() to read: the
 * live streams, which server.mjs serves itself (lib/http/direct-routes.ts). The session comes from `request`'s cookies,
 * through the same Auth.js configuration and callbacks. A refreshed session cookie is not sent back (as with `auth()`
 * in route handlers): the pages the person browses renew it.
 */
export async function requireRequestCtx(request: Request): Promise<Ctx & { actor: UserActor }> {
  // Auth.js derives the session cookie's name (the __Secure- prefix over https) from the host and forwarded protocol.
  const headers = Object.fromEntries(["cookie", "host", "x-forwarded-host", "x-forwarded-proto"].flatMap((name) => {
    const value = request.headers.get(name);
    return value === null ? [] : [[name, value]];
  }));
  const session = await sessionOfHeaders({ headers }, { appendHeader: () => {} });
  const actor = await actorOf(session);
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
