"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { cookies } from "next/headers";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { getPreferredLocale } from "@/lib/server/get-preferred-locale";
import type { ActionState } from "@/lib/ui/action-state";
import { withValues, type FormResult } from "@/lib/ui/form-result";
import { zodIssues } from "@/lib/validation";

const signInSchema = z.object({
  email: z.string().trim().min(1, { message: "is required" }),
  password: z.string().min(1, { message: "is required" }),
  callbackUrl: z.string().optional(),
});

/** Only a path on this site is followed after sign-in (no open redirect): an absolute URL keeps just its path. */
function safeCallback(url: string | undefined): string {
  if (!url) return "/";
  try {
    const parsed = new URL(url, "http://podium.invalid");
    const path = parsed.pathname + parsed.search;
    return path.startsWith("/") && !path.startsWith("//") ? path : "/";
  } catch {
    return "/";
  }
}

/**
 * Public by nature: it is how a session starts. Throttling lives in verifyCredentials. A failure echoes the email back
 * (never the password) so the form keeps what was typed.
 */
export async function signInAction(_prev: FormResult | null, formData: FormData): Promise<FormResult> {
  const email = formData.get("email");
  return withValues(await attemptSignIn(formData), { email: typeof email === "string" ? email : "" });
}

async function attemptSignIn(formData: FormData): Promise<ActionState> {
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(zodIssues(parsed.error).map((i) => [i.path, i.message]));
    return { ok: false, status: 400, code: "invalid_input", message: "Enter your email and password", fieldErrors };
  }
  const { email, password, callbackUrl } = parsed.data;
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallback(callbackUrl) });
  } catch (err) {
    if (err instanceof AuthError) {
      const code = err instanceof CredentialsSignin ? err.code : "invalid";
      return code === "throttled"
        ? { ok: false, status: 429, code: "rate_limited", message: "too_many_attempts", fieldErrors: {} }
        : { ok: false, status: 401, code: "unauthorized", message: "wrong_credentials", fieldErrors: {} };
    }
    // Success arrives here as Next's redirect: set the person's language, then let the redirect through.
    const locale = await getPreferredLocale(email).catch(() => null);
    if (isLocale(locale)) (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 31_536_000 });
    throw err;
  }
  return { ok: false, status: 500, code: "internal_error", message: "Sign-in did not complete", fieldErrors: {} };
}

export async function ssoSignInAction(): Promise<void> {
  await signIn("oidc", { redirectTo: "/" });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/signin" });
}
