import { NextResponse, type NextRequest } from "next/server";
import { isPublicPath } from "@/lib/auth/base-config";

/**
 * Convenience only: a visitor without a session cookie is sent to /signin. Whether the session is valid, and what it
 * may do, is checked by every page and operation against the database (see the x-middleware-subrequest bypass,
 * CVE-2025-29927): nothing here is relied upon for security.
 *
 * Deliberately not Auth.js's `auth` wrapper: it re-issues the session cookie on every response it handles, so a link
 * prefetch still in flight when someone signs out would write their session back after the sign-out cleared it.
 */
export default function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Server actions answer for themselves (a 401 state the form shows), rather than a redirect the form cannot read.
  if (isPublicPath(pathname) || (request.method === "POST" && request.headers.has("next-action"))) return NextResponse.next();
  // Large JWTs are split by Auth.js into numbered chunks (authjs.session-token.0, .1…).
  const hasSession = request.cookies.getAll().some((c) => /^(__Secure-)?authjs\.session-token(\.\d+)?$/.test(c.name));
  if (hasSession) return NextResponse.next();
  const signin = new URL("/signin", request.url);
  signin.searchParams.set("callbackUrl", pathname + search);
  return NextResponse.redirect(signin);
}

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
