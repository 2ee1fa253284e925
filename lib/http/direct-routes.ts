/**
 * Route handlers that the production server (server.mjs) calls itself, outside Next.js's request pipeline: the live
 * streams. Next keeps every open response in its pipeline (suspended async frames, promises with their async-context
 * slots, a WHATWG pipe to the socket), about 74 KB of heap per open stream; thousands of wall screens and integrations
 * hold streams open for hours. Called directly, a stream costs the handler's own state and node's socket, a few KB.
 *
 * The handlers are the routes' own `GET` exports (instrumentation.ts offers them), so authentication, authorization,
 * validation, rate limiting and the access log are the same code either way; `next dev` and tests just go through
 * Next or call the handlers.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { toErrorResponse } from "./errors";

type Params = Record<string, string>;
export type DirectRoute = {
  /** A route path with `:name` segments, as in app/ (`/api/display/:token/stream`). */
  path: string;
  GET: (request: Request, route: { params: Promise<Params> }) => Promise<Response>;
};
/** Param names come from the path's `:name` segments (`/api/display/:token/stream` → `{ token }`). */
type ParamsOf<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & ParamsOf<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : unknown;

/** A direct route whose handler's params are checked against the path's. */
export function directRoute<Path extends string>(path: Path, GET: (request: Request, route: { params: Promise<ParamsOf<Path> & Params> }) => Promise<Response>): DirectRoute {
  return { path, GET: GET as DirectRoute["GET"] };
}

/** Answers the request and returns true, or returns false and leaves it to Next. */
export type DirectHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

const g = globalThis as unknown as { __podiumDirectRoutes?: DirectHandler };

/** Hands `routes` to server.mjs, which asks the handler first for every request (it runs outside Next's bundles). */
export function offerDirectRoutes(routes: DirectRoute[]): void {
  g.__podiumDirectRoutes = directHandler(routes);
}

export function directHandler(routes: DirectRoute[]): DirectHandler {
  const compiled = routes.map((route) => ({ segments: route.path.split("/"), GET: route.GET }));
  return (req, res) => {
    if (req.method !== "GET" || !req.url?.startsWith("/")) return false;
    const q = req.url.indexOf("?");
    const parts = (q < 0 ? req.url : req.url.slice(0, q)).split("/");
    for (const route of compiled) {
      const params = match(route.segments, parts);
      if (!params) continue;
      void serve(req, res, route.GET, params);
      return true;
    }
    return false;
  };
}

/** The params of `parts` under a route's `segments`, or null (a segment that does not decode is no match: Next answers). */
function match(segments: string[], parts: string[]): Params | null {
  if (segments.length !== parts.length) return null;
  const params: Params = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = parts[i]!;
    if (segment.startsWith(":")) {
      if (part === "") return null;
      try {
        params[segment.slice(1)] = decodeURIComponent(part);
      } catch {
        return null;
      }
    } else if (segment !== part) return null;
  }
  return params;
}

async function serve(req: IncomingMessage, res: ServerResponse, handler: DirectRoute["GET"], params: Params): Promise<void> {
  const abort = new AbortController();
  res.once("close", () => abort.abort());
  let response: Response;
  try {
    response = await handler(toRequest(req, abort.signal), { params: Promise.resolve(params) });
  } catch (err) {
    response = toErrorResponse(err);
  }
  await writeResponse(res, response);
}

/**
 * The web Request a route handler expects, with the forwarded headers Next adds (Auth.js reads the protocol from
 * x-forwarded-proto to name the session cookie).
 */
export function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const host = headers.get("host") ?? "localhost";
  const encrypted = Boolean((req.socket as TLSSocket).encrypted);
  if (!headers.has("x-forwarded-host")) headers.set("x-forwarded-host", host);
  if (!headers.has("x-forwarded-proto")) headers.set("x-forwarded-proto", encrypted ? "https" : "http");
  if (!headers.has("x-forwarded-for") && req.socket.remoteAddress) headers.set("x-forwarded-for", req.socket.remoteAddress);
  return new Request(`${encrypted ? "https" : "http"}://${host}${req.url}`, { headers, signal });
}

/**
 * Writes `response` to node's response, pulling the body only as fast as the socket drains (so a stream's own bounded
 * buffer decides what a slow client costs). A body that fails (a stream dropping a client that cannot keep up) destroys
 * the connection, as Next does; a client that leaves ends the reading (the handler sees `request.signal` abort).
 */
export async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  // A client that leaves cancels the body at once, as Next does: the stream's own cancel cleans up. (request.signal
  // aborts too, but a Request's signal follows ours through a weak reference, which garbage collection can drop.)
  const cancel = () => void reader.cancel().catch(() => {});
  res.once("close", cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || res.destroyed) break;
      if (!res.write(value)) await drained(res);
    }
    if (!res.destroyed) res.end();
  } catch {
    res.destroy();
  } finally {
    res.off("close", cancel);
    if (res.destroyed) cancel();
  }
}

/** Resolves when the socket can take more, or the connection closed. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
