import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { ForbiddenError } from "@/lib/errors";
import { localeSchema } from "@/lib/schemas/common";
import { parseInput } from "@/lib/validation";
import type { Ctx } from "./context";

/** A person's own UI language. Not audited: it is a preference, not configuration. */
export async function setMyLocale(ctx: Ctx, input: { locale: string }) {
  if (ctx.actor.kind !== "user") throw new ForbiddenError("Only people have a UI language");
  const locale = parseInput(localeSchema, input.locale, "locale");
  await ctx.db.update(users).set({ locale }).where(and(eq(users.orgId, ctx.actor.orgId), eq(users.id, ctx.actor.userId)));
  return { locale };
}
