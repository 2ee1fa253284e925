import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { findUserByEmailAnyOrg, findUserByIdAnyOrg } from "@/db/queries/users";
import { RateLimitedError, UnauthorizedError } from "@/lib/errors";
import { verifyCredentials } from "@/lib/server/verify-credentials";
import { baseAuthConfig } from "./base-config";
import { oidcProvider } from "./oidc";

export class InvalidCredentials extends CredentialsSignin {
  override code = "invalid";
}
export class ThrottledSignIn extends CredentialsSignin {
  override code = "throttled";
}

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string };
  }
}

function config(): NextAuthConfig {
  const oidc = oidcProvider();
  return {
    ...baseAuthConfig,
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials) {
          const email = typeof credentials?.email === "string" ? credentials.email : "";
          const password = typeof credentials?.password === "string" ? credentials.password : "";
          if (!email || !password) throw new InvalidCredentials();
          try {
            const user = await verifyCredentials(await getDb(), email, password);
            return { id: user.id, email: user.email, name: user.name };
          } catch (err) {
            if (err instanceof RateLimitedError) throw new ThrottledSignIn();
            if (err instanceof UnauthorizedError) throw new InvalidCredentials();
            throw err;
          }
        },
      }),
      ...(oidc ? [oidc] : []),
    ],
    callbacks: {
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        // SSO signs in people an admin has already added (matched by email); it never creates accounts.
        const existing = user.email ? await findUserByEmailAnyOrg(await getDb(), user.email) : undefined;
        return Boolean(existing?.active);
      },
      async jwt({ token, user, account }) {
        if (user) {
          const db = await getDb();
          const row =
            account?.provider === "oidc" && user.email
              ? await findUserByEmailAnyOrg(db, user.email)
              : await findUserByIdAnyOrg(db, user.id ?? "");
          if (!row) return null;
          token.uid = row.id;
          token.sv = row.securityVersion;
          token.name = row.name;
          token.email = row.email;
        }
        return token;
      },
      session({ session, token }) {
        if (typeof token.uid === "string") {
          session.user.id = token.uid;
          (session as { securityVersion?: number }).securityVersion = typeof token.sv === "number" ? token.sv : undefined;
        }
        return session;
      },
    },
  };
}

// Built lazily so nothing touches the database or environment at import time (next build imports this module).
export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
