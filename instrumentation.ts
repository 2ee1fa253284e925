/**
 * Server start-up (Node.js runtime only): secret, database (migrations under a lock), demo data on an empty embedded
 * database, and a clean shutdown: SIGTERM/SIGINT are ours (server.mjs installs no handler; `next dev` runs with
 * NEXT_MANUAL_SIG_HANDLE=true so Next leaves them to us), as PGlite must be closed or the next start runs crash recovery.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server/start-server");
  await startServer();
  // The live streams, for server.mjs to serve outside Next's request pipeline (lib/http/direct-routes.ts).
  const { directRoute, offerDirectRoutes } = await import("./lib/http/direct-routes");
  offerDirectRoutes([
    directRoute("/api/v1/leaderboards/:id/stream", (await import("./app/api/v1/leaderboards/[id]/stream/route")).GET),
    directRoute("/api/leaderboards/:id/stream", (await import("./app/api/leaderboards/[id]/stream/route")).GET),
    directRoute("/api/display/:token/stream", (await import("./app/api/display/[token]/stream/route")).GET),
  ]);
}
