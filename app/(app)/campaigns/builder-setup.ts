import { can } from "@/lib/auth/policy";
import type { UserActor } from "@/lib/auth/actor";
import { localDay } from "@/lib/domain/calendar";
import type { Ctx } from "@/lib/server/context";
import { getOrganization } from "@/lib/server/get-organization";
import { listAgents } from "@/lib/server/list-agents";
import { listTeams } from "@/lib/server/list-teams";
import { replayPresets, type ReplayPresets } from "@/lib/ui/campaign-ranges";
import type { BuilderSetup } from "./_builder/types";

/**
 * What the builder pages load besides the campaign: the organization's currency and today, and the teams and agents
 * the actor may include — a manager only their own teams (the operations check it again on save).
 */
export async function loadBuilderSetup(ctx: Ctx & { actor: UserActor }): Promise<{ setup: BuilderSetup; today: string; presets: ReplayPresets; timezone: string }> {
  const { actor } = ctx;
  const [org, teams, agents] = await Promise.all([getOrganization(ctx), listTeams(ctx), listAgents(ctx)]);
  const today = localDay(new Date(), org.timezone);
  return {
    today,
    timezone: org.timezone,
    presets: replayPresets(today),
    setup: {
      currency: org.currency,
      teams: teams.filter((team) => can(actor, "campaigns.manage", { orgId: org.id, teamIds: [team.id], teamMatch: "all" })).map(({ id, name }) => ({ id, name })),
      agents: agents.filter((a) => a.active).map(({ externalId, name }) => ({ externalId, name })),
      mayTargetEveryone: actor.role !== "manager",
    },
  };
}
