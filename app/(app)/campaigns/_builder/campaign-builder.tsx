"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import type { CampaignDocument } from "@/lib/domain/campaigns/document";
import { formProblem } from "@/lib/ui/campaign-draft";
import type { ReplayPresets } from "@/lib/ui/campaign-ranges";
import { archiveCampaignAction, launchCampaignAction, saveCampaignAction } from "../actions";
import { BasicsSection } from "./basics-section";
import { ErrorSummary, FieldErrorsProvider, useCampaignMessage } from "./field-errors";
import { JsonEditor } from "./json-editor";
import { LifecycleBar, type CampaignMeta } from "./lifecycle-bar";
import { LimitsSection } from "./limits-section";
import { PreviewPanel } from "./preview-panel";
import { ReplayPanel } from "./replay-panel";
import { RuleSection } from "./rule-section";
import type { BuilderSetup, Edit } from "./types";
import { PageHead } from "@/lib/ui/page-head";

type Notice = { tone: "success" | "error"; text: string };
const snapshot = (doc: CampaignDocument, shadow: boolean) => JSON.stringify({ doc, shadow });

/**
 * The campaign builder (SPEC §5): the §5.1 document held as state, edited through the form or as JSON, previewed
 * live on its current period and replayed on past data, then saved, launched or archived. `meta` is null for a
 * campaign not saved yet.
 */
export function CampaignBuilder(props: { initial: CampaignDocument; initialShadow: boolean; meta: CampaignMeta | null; setup: BuilderSetup; presets: ReplayPresets; notice?: string }) {
  const { setup, presets } = props;
  const t = useTranslations("campaigns");
  const translate = useCampaignMessage();
  const router = useRouter();
  const [doc, setDoc] = useState(props.initial);
  const [shadow, setShadow] = useState(props.initialShadow);
  const [meta, setMeta] = useState(props.meta);
  const [saved, setSaved] = useState(() => snapshot(props.initial, props.initialShadow));
  const [tab, setTab] = useState<"form" | "json">("form");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<null | "save" | "launch" | "archive">(null);
  const [notice, setNotice] = useState<Notice | null>(props.notice ? { tone: "success", text: props.notice } : null);
  // the "created" notice came with ?created=1: drop it from the address so a reload does not repeat it
  const createdId = props.notice ? props.meta?.id : undefined;
  useEffect(() => {
    if (createdId) router.replace(`/campaigns/${createdId}`, { scroll: false });
  }, [createdId, router]);

  // every edit works on a fresh copy, so the previous draft (and what the preview saw) never changes under it
  const edit: Edit = useCallback((fn) => setDoc((prev) => {
    const next = structuredClone(prev);
    fn(next);
    return next;
  }), []);
  const dirty = meta === null || snapshot(doc, shadow) !== saved;
  // the JSON view's text does not parse: saving would save the last valid draft and silently drop those edits
  const [jsonError, setJsonError] = useState<string | null>(null);
  const archived = meta?.status === "archived";
  const problem = formProblem(doc);
  const failed = (status: number, message: string) => setNotice({ tone: "error", text: status === 403 ? t("builder.forbidden") : translate(message) });

  const save = async () => {
    setBusy("save");
    setNotice(null);
    const res = await saveCampaignAction(meta?.id ?? null, { ...doc, shadow });
    if (!res.ok) {
      setErrors(res.fieldErrors);
      failed(res.status, res.message);
      setBusy(null);
      return;
    }
    setErrors({});
    if (!meta) {
      router.push(`/campaigns/${res.data.id}?created=1`); // the page of the saved campaign takes over
      return;
    }
    setMeta({ ...meta, version: res.data.version, shadow });
    setSaved(snapshot(doc, shadow));
    setNotice({ tone: "success", text: res.data.changed ? t("builder.savedVersion", { version: res.data.version }) : t("builder.nothingChanged") });
    setBusy(null);
  };

  const lifecycle = async (what: "launch" | "archive") => {
    if (!meta) return;
    setBusy(what);
    setNotice(null);
    const res = await (what === "launch" ? launchCampaignAction(meta.id) : archiveCampaignAction(meta.id));
    setBusy(null);
    if (!res.ok) return failed(res.status, res.message);
    setMeta({ ...meta, status: res.data.status, version: res.data.version });
    setNotice({ tone: "success", text: t(what === "launch" ? "builder.launched" : "builder.archived", { status: t(`status.${res.data.status}`) }) });
    router.refresh();
  };

  return (
    <FieldErrorsProvider errors={errors}>
      <div className="stack builder" data-testid="campaign-builder">
        <PageHead
          back={{ href: "/campaigns", label: t("builder.back") }}
          title={(typeof doc.name === "string" && doc.name.trim()) || (meta ? t("builder.untitled") : t("builder.newTitle"))}
          subtitle={t("builder.subtitle")}
        />
        <LifecycleBar meta={meta} dirty={dirty} busy={busy} blocked={jsonError ? t("builder.fixJsonFirst") : null}
          pickHref={meta && meta.status !== "draft" && meta.status !== "archived" && props.initial.rule?.kind === "recognition" ? `/campaigns/${meta.id}/pick` : undefined}
          onSave={save} onLaunch={() => lifecycle("launch")} onArchive={() => lifecycle("archive")} />
        {notice && (
          <div className={`alert ${notice.tone}`} role={notice.tone === "error" ? "alert" : "status"} data-testid="builder-notice">
            {notice.text}
          </div>
        )}
        {archived && <p className="alert info">{t("builder.archivedReadOnly")}</p>}
        <ErrorSummary errors={errors} />
        <div className="builder-layout">
          <div className="builder-main">
            <div className="tabs" role="tablist" aria-label={t("builder.views")}>
              {(["form", "json"] as const).map((v) => (
                <button
                  key={v}
                  type="button"
                  role="tab"
                  className="tab"
                  aria-selected={tab === v}
                  disabled={v === "form" && jsonError !== null}
                  title={v === "form" && jsonError !== null ? t("builder.fixJsonFirst") : undefined}
                  onClick={() => setTab(v)}
                >
                  {t(`builder.tabs.${v}`)}
                </button>
              ))}
            </div>
            <fieldset className="plain" disabled={archived}>
              {tab === "json" ? (
                <JsonEditor
                  doc={doc}
                  shadow={shadow}
                  onInvalid={setJsonError}
                  onChange={(next, nextShadow) => {
                    setDoc(next);
                    if (nextShadow !== undefined) setShadow(nextShadow);
                  }}
                />
              ) : problem ? (
                <p className="alert error" role="alert">
                  {t("builder.formCannotShow", { path: problem })}
                </p>
              ) : (
                <div className="stack">
                  <BasicsSection doc={doc} edit={edit} setup={setup} />
                  <RuleSection doc={doc} edit={edit} currency={setup.currency} />
                  <LimitsSection doc={doc} edit={edit} currency={setup.currency} shadow={shadow} setShadow={setShadow} />
                </div>
              )}
            </fieldset>
          </div>
          <aside className="builder-side">
            <PreviewPanel doc={doc} onErrors={setErrors} />
          </aside>
        </div>
        <ReplayPanel doc={doc} presets={presets} />
      </div>
    </FieldErrorsProvider>
  );
}
