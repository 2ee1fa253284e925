import { checkHealth } from "@/lib/server/check-health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability for load balancers and uptime checks (SPEC §10). */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
}
