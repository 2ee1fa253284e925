import { getDb, type Db } from "@/db/client";
import type { ApiKeyActor } from "@/lib/auth/actor";
import { PayloadTooLargeError, ValidationError } from "@/lib/errors";
import { authenticateApiKey } from "@/lib/server/authenticate-api-key";
import type { Ctx } from "@/lib/server/context";
import { logApiCall } from "./access-log";
import { toErrorResponse } from "./errors";
import { consumeRequest } from "./rate-limit";

export type ApiContext<P> = { ctx: Ctx & { actor: ApiKeyActor }; params: P; request: Request };

/**
 * Wraps a /api/v1 route handler: authenticates the Bearer key (401), runs the handler (which authorizes its operation,
 * 403), maps errors once, and audits the call under the key's name (lib/http/access-log.ts). The handler returns plain data (→ 200 JSON) or a
 * Response.
 */
export function apiRoute<P = Record<string, string>>(handler: (c: ApiContext<P>) => Promise<unknown>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    let db: Db | undefined;
    let actor: ApiKeyActor | undefined;
    let response: Response;
    try {
      db = await getDb();
      actor = await authenticateApiKey(db, request.headers.get("authorization"));
      await consumeRequest(actor.keyId);
      const result = await handler({ ctx: { db, actor }, params: await route.params, request });
      response = result instanceof Response ? result : Response.json(result);
    } catch (err) {
      response = toErrorResponse(err);
    }
    if (db && actor) logApiCall(db, actor, { method: request.method, path: new URL(request.url).pathname, status: response.status });
    return response;
  };
}

/** Reads a JSON body; malformed JSON is a 400 naming the problem, never a 500; over `maxBytes` is a 413. */
export async function readJson(request: Request, maxBytes = 1024 * 1024): Promise<unknown> {
  const text = await readText(request, maxBytes);
  if (!text.trim()) throw new ValidationError("The request body is empty; expected JSON");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ValidationError(`The request body is not valid JSON: ${(err as Error).message}`);
  }
}

/**
 * The raw body bytes, refusing more than `maxBytes` without reading it all: a declared Content-Length over the limit
 * is refused at once, and a body without one is counted while it streams.
 */
export async function readBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new PayloadTooLargeError(`The request body is larger than ${formatBytes(maxBytes)}`);
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The body as UTF-8 text, at most `maxBytes` (413 beyond). */
export async function readText(request: Request, maxBytes: number): Promise<string> {
  return Buffer.from(await readBytes(request, maxBytes)).toString("utf8");
}

const formatBytes = (n: number) => (n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : `${n} bytes`);
