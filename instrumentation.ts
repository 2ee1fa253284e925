/**
 * Server start-up (Node.js runtime only): secret, database (migrations under a lock), demo data on an empty embedded
 * database, and a clean shutdown. Started with NEXT_MANUAL_SIG_HANDLE=true so Next leaves SIGTERM/SIGINT to us: PGlite
 * must be closed, or the next start runs crash recovery.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server/start-server");
  await startServer();
}
