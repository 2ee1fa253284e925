import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { directHandler, directRoute } from "./direct-routes";

type Seen = { url: string; params: Record<string, string>; headers: Headers; signal: AbortSignal };
const seen: Seen[] = [];
let body: () => Response = () => Response.json({ ok: true });

const handler = directHandler([
  directRoute("/api/things/:id/stream", async (request, route) => {
    seen.push({ url: request.url, params: await route.params, headers: request.headers, signal: request.signal });
    return body();
  }),
  directRoute("/api/boxes/:box/items/:item", async (request, route) => {
    seen.push({ url: request.url, params: await route.params, headers: request.headers, signal: request.signal });
    return Response.json(await route.params);
  }),
]);

let server: http.Server;
let base: string;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (handler(req, res)) return;
    res.writeHead(299, { "content-type": "text/plain" }).end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const last = () => seen.at(-1)!;

describe("direct routes (server.mjs)", () => {
  it("answers the GETs of its paths with their decoded params, and leaves everything else to Next", async () => {
    body = () => Response.json({ ok: true });
    const res = await fetch(`${base}/api/things/a%20b/stream?top=3`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
    expect(last().params).toEqual({ id: "a b" });
    expect(new URL(last().url).search).toBe("?top=3");
    expect(await (await fetch(`${base}/api/boxes/1/items/2`)).json()).toEqual({ box: "1", item: "2" });

    const count = seen.length;
    for (const path of ["/api/things/x/stream/", "/api/things//stream", "/api/things/x", "/api/things/%E0%A4%A/stream", "/other"]) {
      const r = await fetch(`${base}${path}`);
      expect([path, r.status, await r.text()]).toEqual([path, 299, "next"]);
    }
    const post = await fetch(`${base}/api/things/x/stream`, { method: "POST", body: "{}" });
    expect(await post.text()).toBe("next");
    expect(seen.length).toBe(count);
  });

  it("passes the headers with the forwarded ones Next adds, and sends every Set-Cookie back", async () => {
    body = () => {
      const headers = new Headers({ "content-type": "application/json", "x-extra": "1" });
      headers.append("set-cookie", "a=1; Path=/");
      headers.append("set-cookie", "b=2; Path=/");
      return new Response("{}", { status: 201, headers });
    };
    const res = await fetch(`${base}/api/things/x/stream`, { headers: { authorization: "Bearer k", cookie: "s=1" } });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-extra")).toBe("1");
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    const h = last().headers;
    expect(h.get("authorization")).toBe("Bearer k");
    expect(h.get("cookie")).toBe("s=1");
    expect(h.get("x-forwarded-proto")).toBe("http");
    expect(h.get("x-forwarded-host")).toBe(new URL(base).host);
    expect(h.get("x-forwarded-for")).toBe("127.0.0.1");
    // a proxy's own forwarded headers are kept
    await fetch(`${base}/api/things/x/stream`, { headers: { "x-forwarded-proto": "https", "x-forwarded-host": "podium.example" } });
    expect(last().headers.get("x-forwarded-proto")).toBe("https");
    expect(last().headers.get("x-forwarded-host")).toBe("podium.example");
  });

  it("streams the body as it comes, and aborts the handler's request.signal when the client leaves", async () => {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let cancelled = false;
    body = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start: (c) => {
            controller = c;
            c.enqueue(new TextEncoder().encode("first\n"));
          },
          cancel: () => {
            cancelled = true;
          },
        }),
        { headers: { "content-type": "text/event-stream" } },
      );
    const abort = new AbortController();
    const res = await fetch(`${base}/api/things/live/stream`, { signal: abort.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toBe("first\n");
    controller.enqueue(new TextEncoder().encode("second\n"));
    expect(decoder.decode((await reader.read()).value)).toBe("second\n");
    const { signal } = last();
    expect(signal.aborted).toBe(false);
    abort.abort();
    await expect.poll(() => signal.aborted).toBe(true);
    // the body is cancelled when the connection closes (a frame sent meanwhile has nowhere to go)
    try {
      controller.enqueue(new TextEncoder().encode("nobody reads this\n"));
    } catch {
      /* already cancelled */
    }
    await expect.poll(() => cancelled).toBe(true);
  });

  it("cuts the connection when the body fails (a stream dropping a client that cannot keep up)", async () => {
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    body = () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start: (c) => {
            controller = c;
            c.enqueue(new TextEncoder().encode("hello\n"));
          },
        }),
      );
    const res = await fetch(`${base}/api/things/failing/stream`);
    const reader = res.body!.getReader();
    await reader.read();
    controller.error(new Error("too slow"));
    await expect(reader.read()).rejects.toThrow();
  });

  it("answers a handler that throws with the API's 500 body", async () => {
    body = () => {
      throw new Error("boom");
    };
    const res = await fetch(`${base}/api/things/x/stream`);
    expect(res.status).toBe(500);
    expect((await res.json()).error.code).toBe("internal_error");
  });
});
