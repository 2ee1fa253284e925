import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { RateLimitedError } from "@/lib/errors";

/**
 * Per-key request limits for /api/v1 (SPEC §3.2: 429 with Retry-After). In-process: each app instance counts on its
 * own, which bounds what one runaway integration can cost an instance. `PODIUM_API_RATE_LIMIT` is
 * "<requests>/<seconds>", default 120 requests per 10 s per key — far above a healthy integration's batches.
 */
const DEFAULT_LIMIT = "120/10";
const limiters = new Map<string, RateLimiterMemory>();

function limiter(): RateLimiterMemory {
  const config = process.env.PODIUM_API_RATE_LIMIT || DEFAULT_LIMIT;
  let l = limiters.get(config);
  if (!l) {
    const match = /^(\d+)\/(\d+)$/.exec(config);
    if (!match) throw new Error(`PODIUM_API_RATE_LIMIT must look like "120/10" (requests/seconds), not "${config}"`);
    l = new RateLimiterMemory({ points: Number(match[1]), duration: Number(match[2]) });
    limiters.set(config, l);
  }
  return l;
}

/** Takes one request from the key's allowance, or throws RateLimitedError with the seconds until the window resets. */
export async function consumeRequest(keyId: string): Promise<void> {
  try {
    await limiter().consume(keyId);
  } catch (err) {
    if (err instanceof RateLimiterRes) {
      const seconds = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
      throw new RateLimitedError(`Too many requests for this API key; retry in ${seconds} s`, seconds);
    }
    throw err;
  }
}
