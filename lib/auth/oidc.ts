import type { Provider } from "next-auth/providers";

/**
 * Optional single sign-on with any OpenID Connect provider (Okta, Entra ID, Google Workspace, Keycloak…), configured
 * only by environment: AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET and optionally AUTH_OIDC_NAME.
 * The callback URL to register is <AUTH_URL>/api/auth/callback/oidc.
 */
export function oidcProvider(): Provider | null {
  const issuer = process.env.AUTH_OIDC_ISSUER;
  const clientId = process.env.AUTH_OIDC_CLIENT_ID;
  const clientSecret = process.env.AUTH_OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    id: "oidc",
    name: process.env.AUTH_OIDC_NAME ?? "Single sign-on",
    type: "oidc",
    issuer,
    clientId,
    clientSecret,
    checks: ["pkce", "state", "nonce"],
  };
}

export function oidcDisplayName(): string | null {
  return oidcProvider() ? (process.env.AUTH_OIDC_NAME ?? "Single sign-on") : null;
}
