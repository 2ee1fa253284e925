"use server";

import { cookies } from "next/headers";
import { currentActor } from "@/lib/auth/session";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { setMyLocale } from "@/lib/server/set-my-locale";
import type { ActionState } from "@/lib/ui/action-state";
import { runAction } from "@/lib/ui/run-action";

/** Anyone may pick a UI language (also signed out, on the sign-in page); a signed-in person's choice is saved. */
export async function setLocaleAction(locale: string): Promise<ActionState<{ locale: string }>> {
  if (!isLocale(locale)) {
    return { ok: false, status: 400, code: "invalid_input", message: "Unknown language", fieldErrors: { locale: "Unknown language" } };
  }
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 31_536_000 });
  if (await currentActor()) return runAction((ctx) => setMyLocale(ctx, { locale }));
  return { ok: true, data: { locale } };
}
