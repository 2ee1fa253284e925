import { and, eq } from "drizzle-orm";
import { findTeam, findTeamByName } from "@/db/queries/teams";
import { teams } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { renameTeamSchema } from "@/lib/schemas/teams";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import type { Ctx } from "./context";

export async function renameTeam(ctx: Ctx, input: { teamId: string; name: string }) {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "org.admin", { orgId });
  const data = parseInput(renameTeamSchema, input);
  return ctx.db.transaction(async (tx) => {
    const team = await findTeam(tx, orgId, data.teamId);
    if (!team) throw new NotFoundError("Team not found");
    const clash = await findTeamByName(tx, orgId, data.name);
    if (clash && clash.id !== team.id) {
      throw new ConflictError("name: a team with this name already exists", { issues: [{ path: "name", message: "a team with this name already exists" }] });
    }
    await tx.update(teams).set({ name: data.name }).where(and(eq(teams.orgId, orgId), eq(teams.id, team.id)));
    await recordAudit(tx, ctx.actor, { orgId, action: "team.rename", targetType: "team", targetId: team.id, before: { name: team.name }, after: { name: data.name } });
    return { ...team, name: data.name };
  });
}
