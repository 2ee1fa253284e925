import type { NextAuthConfig } from "next-auth";

/** Paths anyone may open. Everything else needs a session (API routes authenticate themselves with keys). */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === "/signin" ||
    pathname.startsWith("/api/") ||
    pathname.startsWith("/tv/") ||
    pathname.startsWith("/_next/") ||
    pathname === "/favicon.ico" ||
    pathname === "/icon.svg" // app/icon.svg, which the sign-in page shows too
  );
}

/** The part of the Auth.js configuration that needs no database. */
export const baseAuthConfig = {
  pages: { signIn: "/signin" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  providers: [],
  logger: {
    // A refused sign-in (wrong password, locked account) is routine: one line, not Auth.js's stack trace per attempt.
    error(error: Error) {
      if ((error as { type?: string }).type === "CredentialsSignin") {
        console.warn(`[podium] sign-in refused (${(error as { code?: string }).code ?? "credentials"})`);
        return;
      }
      console.error("[auth]", error);
    },
  },
} satisfies NextAuthConfig;
