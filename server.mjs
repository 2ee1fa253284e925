#!/usr/bin/env node
/**
 * The production server (`npm start`): Next.js's request handler behind a plain node:http server that first offers
 * each request to the handlers Podium serves itself — the live streams, which would otherwise each hold ~74 KB in
 * Next's request pipeline for as long as a wall screen stays open (lib/http/direct-routes.ts; instrumentation.ts hands
 * them over while Next prepares). Everything else is Next's. `next dev` and `next start` still work, with every route
 * through Next.
 *
 *   PORT=3000 (default) HOST=0.0.0.0 (default: every interface) node server.mjs
 */
import http from "node:http";

process.env.NODE_ENV = "production"; // before Next and React load: their production builds
const { default: next } = await import("next");

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
const app = next({ dev: false, dir: import.meta.dirname, port, hostname: host ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare(); // runs instrumentation.ts: database, demo data, shutdown, and the direct routes

const server = http.createServer((req, res) => {
  const direct = globalThis.__podiumDirectRoutes;
  if (direct?.(req, res)) return;
  handle(req, res).catch((err) => {
    console.error("[podium] request failed", err);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
    res.end();
  });
});
server.listen(port, host, () => console.log(`[podium] ready on http://${host ?? "localhost"}:${port}`));
