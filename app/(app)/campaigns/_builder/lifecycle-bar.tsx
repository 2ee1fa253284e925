"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import type { CampaignStatus } from "@/lib/domain/campaigns/lifecycle";
import { statusBadge } from "@/lib/ui/campaign-status";

export type CampaignMeta = { id: string; version: number; status: CampaignStatus; shadow: boolean };
type Busy = null | "save" | "launch" | "archive";

/**
 * Save, launch (drafts, confirmed, once saved), archive (confirmed), with the campaign's status and version. Launch
 * and archive act on the saved version, so both wait until unsaved changes are saved.
 */
export function LifecycleBar({
  meta,
  dirty,
  busy,
  blocked,
  pickHref,
  onSave,
  onLaunch,
  onArchive,
}: {
  meta: CampaignMeta | null;
  dirty: boolean;
  busy: Busy;
  /** Why nothing can be saved or launched right now (the JSON view's text does not parse), or null. */
  blocked: string | null;
  /** A launched recognition campaign: where its manager picks each period's winner. */
  pickHref?: string;
  onSave: () => void;
  onLaunch: () => void;
  onArchive: () => void;
}) {
  const t = useTranslations("campaigns");
  const [confirming, setConfirming] = useState<null | "launch" | "archive">(null);
  const archived = meta?.status === "archived";
  const confirm = (what: "launch" | "archive") => {
    setConfirming(null);
    if (what === "launch") onLaunch();
    else onArchive();
  };
  return (
    <div className="lifecycle" data-testid="lifecycle">
      <div className="row">
        {meta ? (
          <>
            <span className={statusBadge(meta.status)} data-testid="campaign-status">
              {t(`status.${meta.status}`)}
            </span>
            <span className="badge" data-testid="campaign-version">
              {t("builder.version", { version: meta.version })}
            </span>
            {meta.shadow && <span className="badge warn">{t("shadowBadge")}</span>}
            <Link href={`/campaigns/${meta.id}/versions`} className="small">
              {t("builder.versionsLink")}
            </Link>
            {pickHref && (
              <Link href={pickHref} className="small" data-testid="pick-link">
                {t("pick.link")}
              </Link>
            )}
          </>
        ) : (
          <span className="badge">{t("builder.unsaved")}</span>
        )}
        {dirty && !archived && <span className="muted small">{t("builder.unsavedChanges")}</span>}
        {blocked && !archived && (
          <span className="field-error" data-testid="save-blocked">
            {blocked}
          </span>
        )}
      </div>
      <div className="row">
        {!archived && (
          <button type="button" onClick={onSave} disabled={busy !== null || blocked !== null} title={blocked ?? undefined} aria-busy={busy === "save"} data-testid="save-campaign">
            {busy === "save" ? t("builder.saving") : meta ? t("builder.save") : t("builder.create")}
          </button>
        )}
        {meta?.status === "draft" && (
          <button type="button" className="secondary" onClick={() => setConfirming("launch")} disabled={busy !== null || dirty || blocked !== null} title={blocked ?? (dirty ? t("builder.saveFirst") : undefined)}>
            {t("builder.launch")}
          </button>
        )}
        {meta && !archived && (
          <button type="button" className="danger" onClick={() => setConfirming("archive")} disabled={busy !== null}>
            {t("builder.archive")}
          </button>
        )}
      </div>
      {confirming && (
        <div className="alert info confirm" role="alertdialog" aria-labelledby="confirm-text" data-testid={`confirm-${confirming}`}>
          <p id="confirm-text" className="flush">
            {confirming === "launch" ? t("builder.confirmLaunch") : t("builder.confirmArchive")}
          </p>
          <div className="row">
            <button type="button" className={confirming === "archive" ? "danger" : undefined} onClick={() => confirm(confirming)}>
              {confirming === "launch" ? t("builder.confirmLaunchButton") : t("builder.confirmArchiveButton")}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(null)}>
              {t("builder.cancel")}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
