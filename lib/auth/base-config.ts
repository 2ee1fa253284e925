import type { NextAuthConfig } from "next-auth";

/** Paths anyone may open. Everything else needs a session (API routes authenticate themselves with keys). */
export function isPublicPath(pathname: string): boolean {
  return (
    pathname === "/signin" ||
    pathname.startsWith("/api/") ||
    pathname.startsWith("/tv/") ||
    pathname.startsWith("/_next/") ||
    pathname === "/favicon.ico"
  );
}

/** The part of the Auth.js configuration that needs no database. */
export const baseAuthConfig = {
  pages: { signIn: "/signin" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  providers: [],
} satisfies NextAuthConfig;
