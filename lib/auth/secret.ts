import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "@/db/client";

/**
 * AUTH_SECRET signs session tokens. Production must set it. In development it is generated on first start and kept in
 * the data directory, so restarts keep people signed in. Returns a message when it cannot be had.
 */
export function ensureAuthSecret(): string | null {
  if (process.env.AUTH_SECRET) return null;
  if (process.env.NODE_ENV === "production") {
    return "AUTH_SECRET is required in production. Generate one with: openssl rand -base64 33";
  }
  const file = path.join(dataDir(), "auth-secret");
  let secret = "";
  try {
    secret = fs.readFileSync(file, "utf8").trim();
  } catch {
    /* first start */
  }
  if (!secret) {
    secret = randomBytes(33).toString("base64");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600 });
  }
  process.env.AUTH_SECRET = secret;
  return null;
}
