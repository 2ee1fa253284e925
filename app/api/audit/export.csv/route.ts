import { requireCtx } from "@/lib/auth/session";
import { exportResponse } from "@/lib/http/download";
import { toErrorResponse } from "@/lib/http/errors";
import { exportAudit } from "@/lib/server/export-audit";

export const dynamic = "force-dynamic";

/** The audit log page's export: the same filters as the page (?action&actor&actorType&targetType&from&to), as CSV. */
export async function GET(request: Request): Promise<Response> {
  try {
    const ctx = await requireCtx();
    const search = new URL(request.url).searchParams;
    const filter = Object.fromEntries([...search.entries()].filter(([k]) => ["action", "actor", "actorType", "targetType", "from", "to"].includes(k)));
    return exportResponse(await exportAudit(ctx, filter));
  } catch (err) {
    return toErrorResponse(err);
  }
}
