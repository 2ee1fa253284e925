import { findTeamByName } from "@/db/queries/teams";
import { teams } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { ConflictError } from "@/lib/errors";
import { createTeamSchema } from "@/lib/schemas/teams";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import type { Ctx } from "./context";

export async function createTeam(ctx: Ctx, input: { name: string }, opts: { orgId?: string } = {}) {
  const orgId = orgOf(ctx.actor, opts.orgId);
  authorize(ctx.actor, "org.admin", { orgId });
  const data = parseInput(createTeamSchema, input);
  return ctx.db.transaction(async (tx) => {
    if (await findTeamByName(tx, orgId, data.name)) {
      throw new ConflictError("name: a team with this name already exists", { issues: [{ path: "name", message: "a team with this name already exists" }] });
    }
    const [team] = await tx.insert(teams).values({ orgId, name: data.name }).returning();
    if (!team) throw new Error("insert returned no row");
    await recordAudit(tx, ctx.actor, { orgId, action: "team.create", targetType: "team", targetId: team.id, after: { name: team.name } });
    return team;
  });
}
