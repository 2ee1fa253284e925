import { getTranslations } from "next-intl/server";
import { requirePageCtx } from "@/lib/auth/session";
import { getOrganization } from "@/lib/server/get-organization";
import { listImportMappings } from "@/lib/server/list-import-mappings";
import { ImportWizard } from "./import-wizard";
import type { SavedMapping } from "./saved-mappings";
import { PageHead } from "@/lib/ui/page-head";

export default async function ImportPage() {
  const ctx = await requirePageCtx("events.write");
  const [org, mappings, t] = await Promise.all([getOrganization(ctx), listImportMappings(ctx), getTranslations("import")]);
  const saved: SavedMapping[] = mappings.map((m) => ({ id: m.id, name: m.name, eventType: m.eventType, mapping: m.mapping }));
  return (
    <div className="stack">
      <PageHead title={t("title")} subtitle={t("subtitle")} />
      <ImportWizard orgTimeZone={org.timezone} timeZones={[...new Set(["UTC", ...Intl.supportedValuesOf("timeZone")])]} saved={saved} />
    </div>
  );
}
