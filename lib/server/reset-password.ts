import { and, eq, sql } from "drizzle-orm";
import { findUser } from "@/db/queries/users";
import { users } from "@/db/schema";
import { generatePassword, hashPassword } from "@/lib/auth/password";
import { authorize, orgOf } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { resetPasswordSchema } from "@/lib/schemas/users";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";

/** Sets a new password (generated when none is given, returned once) and signs the user out everywhere. */
export async function resetPassword(ctx: Ctx, input: { userId: string; password?: string }) {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "org.admin", { orgId });
  const data = parseInput(resetPasswordSchema, input);
  const password = data.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const user = await findUser(tx, orgId, data.userId);
    if (!user) throw new NotFoundError("User not found");
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: nowOf(ctx), securityVersion: sql`${users.securityVersion} + 1` })
      .where(and(eq(users.orgId, orgId), eq(users.id, user.id)));
    await recordAudit(tx, ctx.actor, { orgId, action: "user.password_reset", targetType: "user", targetId: user.id });
    return { id: user.id, email: user.email, password, generatedPassword: !data.password };
  });
}
