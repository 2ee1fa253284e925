import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requirePageCtx } from "@/lib/auth/session";
import { CAMPAIGN_TEMPLATES, templateDocument } from "@/lib/domain/campaigns/templates";
import { blankDocument, tidyParticipants } from "@/lib/ui/campaign-draft";
import { defaultSchedule } from "@/lib/ui/campaign-ranges";
import { CampaignBuilder } from "../_builder/campaign-builder";
import { loadBuilderSetup } from "../builder-setup";
import { PageHead } from "@/lib/ui/page-head";

type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A new campaign: first a template (or blank), then the builder on a copy of it, running from this month for three
 * months. A manager's draft starts with the teams they manage.
 */
export default async function NewCampaignPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const ctx = await requirePageCtx("campaigns.manage");
  const template = [(await searchParams).template].flat()[0];
  const t = await getTranslations("campaigns");
  const text = (id: string, field: "name" | "description", fallback: string) => (t.has(`templates.${id}.${field}`) ? t(`templates.${id}.${field}`) : fallback);

  if (!template) {
    return (
      <div className="stack" data-testid="template-picker">
        <PageHead back={{ href: "/campaigns", label: t("builder.back") }} title={t("picker.title")} subtitle={t("picker.subtitle")} />
        <div className="template-grid">
          {CAMPAIGN_TEMPLATES.map(({ id, document }) => (
            <Link key={id} href={`/campaigns/new?template=${encodeURIComponent(id)}`} className="card template-card" data-template={id}>
              <strong>{text(id, "name", document.name)}</strong>
              <span className="badge brand">{t(`rule.kinds.${document.rule.kind}`)}</span>
              <span className="muted small">{text(id, "description", document.description ?? "")}</span>
            </Link>
          ))}
          <Link href="/campaigns/new?template=blank" className="card template-card blank" data-template="blank">
            <strong>{t("picker.blank")}</strong>
            <span className="muted small">{t("picker.blankHelp")}</span>
          </Link>
        </div>
      </div>
    );
  }

  const { setup, today, presets } = await loadBuilderSetup(ctx);
  const range = defaultSchedule(today);
  // managers run campaigns for their own teams only: start with all of them ticked
  const teams = setup.mayTargetEveryone ? [] : setup.teams.map((team) => team.id);
  const fromTemplate = template === "blank" ? null : templateDocument(template, range);
  const doc = fromTemplate ?? blankDocument(range, teams, setup.currency);
  if (fromTemplate) {
    fromTemplate.name = text(template, "name", fromTemplate.name);
    if (fromTemplate.description) fromTemplate.description = text(template, "description", fromTemplate.description);
    const participants = tidyParticipants(teams, []);
    if (participants) fromTemplate.participants = participants;
  }
  return <CampaignBuilder key={template} initial={doc} initialShadow={false} meta={null} setup={setup} presets={presets} />;
}
