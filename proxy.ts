import NextAuth from "next-auth";
import { baseAuthConfig } from "@/lib/auth/base-config";

// Convenience only: signed-out visitors are sent to /signin. Authorization lives in every operation
// (see the x-middleware-subrequest bypass, CVE-2025-29927): nothing here is relied upon for security.
export default NextAuth(baseAuthConfig).auth;

export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
