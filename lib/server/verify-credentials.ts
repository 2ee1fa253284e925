import { and, count, eq, gte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { findUserByEmailAnyOrg } from "@/db/queries/users";
import { signInFailures } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { RateLimitedError, UnauthorizedError } from "@/lib/errors";

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Password sign-in. After 5 failures within 15 minutes an account is locked until the oldest of them leaves the
 * window, even for the right password: guessing gets 5 tries per quarter hour. Unknown emails are throttled too,
 * so the answer never tells whether an account exists.
 */
export async function verifyCredentials(db: Db, emailInput: string, password: string, now: Date = new Date()) {
  const email = emailInput.trim().toLowerCase();
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
  const recent = await db
    .select({ at: signInFailures.createdAt })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), gte(signInFailures.createdAt, since)))
    .orderBy(signInFailures.createdAt);
  if (recent.length >= MAX_FAILURES) {
    const oldest = recent[recent.length - MAX_FAILURES]!.at.getTime();
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + FAILURE_WINDOW_MS - now.getTime()) / 1000));
    throw new RateLimitedError(`Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`, retryAfterSeconds);
  }
  const user = await findUserByEmailAnyOrg(db, email);
  const ok = user?.active === true && (await verifyPassword(password, user.passwordHash));
  if (!ok || !user) {
    await db.insert(signInFailures).values({ email, createdAt: now });
    throw new UnauthorizedError("Wrong email or password");
  }
  // A success clears the account's failure count.
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
  return { id: user.id, email: user.email, name: user.name, orgId: user.orgId, role: user.role, securityVersion: user.securityVersion, locale: user.locale };
}

export async function recentFailureCount(db: Db, email: string, now: Date = new Date()): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email.toLowerCase()), gte(signInFailures.createdAt, new Date(now.getTime() - FAILURE_WINDOW_MS))));
  return Number(row?.n ?? 0);
}
