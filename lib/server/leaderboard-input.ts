import type { LeaderboardValues } from "@/db/queries/leaderboards";
import type { Queryable } from "@/db/client";
import { listTeams } from "@/db/queries/teams";
import { ValidationError } from "@/lib/errors";
import { leaderboardSchema, type LeaderboardInput } from "@/lib/schemas/leaderboards";
import { parseInput } from "@/lib/validation";

/** A board as sent (API or form), validated and with its teams checked against the organization's. */
export async function leaderboardValues(q: Queryable, orgId: string, input: LeaderboardInput | unknown): Promise<LeaderboardValues> {
  const b = parseInput(leaderboardSchema, input);
  const known = new Set((await listTeams(q, orgId)).map((t) => t.id));
  const issues = (b.teams ?? []).flatMap((t, i) => (known.has(t) ? [] : [{ path: `teams[${i}]`, message: `no team with id "${t}" in this organization` }]));
  if (issues.length) throw new ValidationError(`${issues[0]!.path}: ${issues[0]!.message}`, issues);
  return {
    name: b.name,
    metric: b.metric,
    composite: b.composite ?? null,
    period: b.period,
    from: b.period === "custom" ? b.from! : null,
    to: b.period === "custom" ? b.to! : null,
    teamIds: [...new Set(b.teams ?? [])],
    queue: b.queue ?? null,
    fairness: b.fairness ?? null,
  };
}
