import { createHash, randomBytes } from "node:crypto";

/** Display tokens (TV mode): `pdd_` + 32 random bytes. Shown once; only the SHA-256 is stored, like API keys. */
export const DISPLAY_TOKEN_PREFIX = "pdd_";
const SHAPE = /^pdd_[A-Za-z0-9_-]{43}$/;

export function newDisplayToken(): string {
  return DISPLAY_TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/** The stored form of a token, or null for anything that is not shaped like one (refused without a lookup). */
export function displayTokenHash(token: string): string | null {
  return SHAPE.test(token) ? createHash("sha256").update(token).digest("hex") : null;
}
