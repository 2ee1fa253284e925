import type { Db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";

/** What every operation receives: where the data is and who is asking. Time is passed in for reproducibility. */
export type Ctx = {
  db: Db;
  actor: Actor;
  now?: () => Date;
};

export function nowOf(ctx: Ctx): Date {
  return ctx.now ? ctx.now() : new Date();
}
