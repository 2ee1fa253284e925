import { eq } from "drizzle-orm";
import { findOrganization } from "@/db/queries/orgs";
import { organizations } from "@/db/schema";
import { authorize, orgOf } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/errors";
import { updateOrganizationSchema, type UpdateOrganizationInput } from "@/lib/schemas/org";
import { parseInput } from "@/lib/validation";
import { recordAudit } from "./audit";
import { nowOf, type Ctx } from "./context";
import { rebuildKpiRollups } from "./rebuild-kpi-rollups";

export async function updateOrganization(ctx: Ctx, input: UpdateOrganizationInput) {
  const orgId = orgOf(ctx.actor);
  authorize(ctx.actor, "org.admin", { orgId });
  const data = parseInput(updateOrganizationSchema, input);
  return ctx.db.transaction(async (tx) => {
    const before = await findOrganization(tx, orgId);
    if (!before) throw new NotFoundError("Organization not found");
    const [after] = await tx
      .update(organizations)
      .set({ ...data, updatedAt: nowOf(ctx) })
      .where(eq(organizations.id, orgId))
      .returning();
    // Events roll up by their calendar day in the organization's time zone: a new zone moves some of them to another
    // day (and month), so the rollups are rebuilt before this change becomes visible.
    const rebuilt =
      after!.timezone !== before.timezone
        ? await rebuildKpiRollups(tx, orgId, { timeZone: after!.timezone, serviceLevelSeconds: after!.serviceLevelSeconds }, { relocalize: true })
        : null;
    await recordAudit(tx, ctx.actor, {
      orgId,
      action: "org.update",
      targetType: "organization",
      targetId: orgId,
      before: { name: before.name, timezone: before.timezone, currency: before.currency, locale: before.locale, businessHours: before.businessHours, payPeriod: before.payPeriod },
      after: data,
      ...(rebuilt ? { meta: { rollupsRebuilt: rebuilt } } : {}),
    });
    return after!;
  });
}
