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

/**
 * The part of the Auth.js configuration that needs no database, shared by proxy.ts and the full config.
 * The proxy only redirects signed-out visitors to /signin for convenience; every operation authorizes itself.
 */
export const baseAuthConfig = {
  pages: { signIn: "/signin" },
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  trustHost: true,
  providers: [],
  callbacks: {
    authorized({ auth, request }) {
      // Server actions answer for themselves (a 401 state the form shows), instead of a redirect the form cannot read.
      if (request.method === "POST" && request.headers.has("next-action")) return true;
      return isPublicPath(request.nextUrl.pathname) || Boolean(auth?.user);
    },
  },
} satisfies NextAuthConfig;
