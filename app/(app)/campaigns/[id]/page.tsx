import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requirePageCtx } from "@/lib/auth/session";
import type { CampaignDocument } from "@/lib/domain/campaigns/document";
import { UnprocessableError } from "@/lib/errors";
import { getCampaign } from "@/lib/server/get-campaign";
import { CampaignBuilder } from "../_builder/campaign-builder";
import { loadBuilderSetup } from "../builder-setup";
import { readOrRedirect } from "../load";

type SearchParams = Record<string, string | string[] | undefined>;

/** A saved campaign in the builder: its newest version, status and shadow flag. */
export default async function CampaignPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const ctx = await requirePageCtx("campaigns.manage");
  const { id } = await params;
  const created = (await searchParams).created !== undefined;
  const t = await getTranslations("campaigns");
  let view;
  try {
    view = await readOrRedirect(() => getCampaign(ctx, id));
  } catch (err) {
    if (!(err instanceof UnprocessableError)) throw err;
    // fail closed, but say why: the stored rule no longer validates (a KPI it reads was removed, say)
    return (
      <section className="card" data-testid="campaign-invalid">
        <h1>{t("builder.invalidTitle")}</h1>
        <p className="alert error">{err.message}</p>
        <Link href="/campaigns">← {t("builder.back")}</Link>
      </section>
    );
  }
  const { setup, presets } = await loadBuilderSetup(ctx);
  const { id: _id, version, status, shadow, createdAt: _c, updatedAt: _u, launchedAt: _l, ...document } = view;
  return (
    <CampaignBuilder
      key={id}
      initial={document as CampaignDocument}
      initialShadow={shadow}
      meta={{ id, version, status, shadow }}
      setup={setup}
      presets={presets}
      notice={created ? t("builder.created", { version }) : undefined}
    />
  );
}
