"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import type { ImportMapping } from "@/lib/domain/import/mapping";
import type { ActionState } from "@/lib/ui/action-state";
import { useValidationMessage } from "@/lib/ui/form";
import { deleteImportMappingAction, saveImportMappingAction } from "./actions";
import { toMapping, type Draft } from "./draft";

export type SavedMapping = { id: string; name: string; eventType: string; mapping: ImportMapping | null };

type Notice = { kind: "success" | "error"; text: string } | null;

function NoticeLine({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <div className={`alert ${notice.kind}`} role={notice.kind === "error" ? "alert" : "status"}>
      {notice.text}
    </div>
  );
}

/** An action's answer as a notice: the success text, or why it failed in the reader's language where known. */
function useActionNotice() {
  const tc = useTranslations("common");
  const translate = useValidationMessage();
  const [notice, setNotice] = useState<Notice>(null);
  const report = (state: ActionState, success: string) => {
    if (state.ok) setNotice({ kind: "success", text: success });
    else if (state.status === 403) setNotice({ kind: "error", text: tc("forbidden") });
    else if (state.status === 401) setNotice({ kind: "error", text: tc("signedOut") });
    else setNotice({ kind: "error", text: Object.values(state.fieldErrors).map(translate).join(" ") || translate(state.message) });
  };
  return { notice, setNotice, report };
}

/** Picks a saved mapping (one per source) to load or delete. */
export function LoadMapping({ saved, onLoad, locked }: { saved: SavedMapping[]; onLoad: (mapping: ImportMapping, name: string) => void; locked: boolean }) {
  const t = useTranslations("import.mapping");
  const [picked, setPicked] = useState("");
  const { notice, setNotice, report } = useActionNotice();
  const [pending, startTransition] = useTransition();
  const current = saved.find((m) => m.id === picked);

  const remove = () => {
    if (!current || !confirm(t("confirmDelete", { name: current.name }))) return;
    startTransition(async () => {
      const state = await deleteImportMappingAction({ mappingId: current.id });
      report(state, t("deletedNotice"));
      if (state.ok) setPicked("");
    });
  };

  return (
    <fieldset disabled={locked || pending} className="plain stack" data-testid="import-load-mapping">
      <NoticeLine notice={notice} />
      <div className="row">
        <label className="field grow">
          <span>
            {t("pickSaved")} <span className="hint">{t("savedHint")}</span>
          </span>
          <select value={picked} onChange={(e) => setPicked(e.currentTarget.value)}>
            <option value="">{saved.length ? t("pickSavedNone") : t("savedNone")}</option>
            {saved.map((m) => (
              <option key={m.id} value={m.id} disabled={!m.mapping}>
                {m.name} {m.mapping ? "" : t("invalidSaved")}
              </option>
            ))}
          </select>
        </label>
        <div className="row import-buttons">
          <button
            type="button"
            className="secondary"
            disabled={!current?.mapping}
            onClick={() => {
              if (!current?.mapping) return;
              onLoad(current.mapping, current.name);
              setNotice({ kind: "success", text: t("loaded", { name: current.name }) });
            }}
          >
            {t("load")}
          </button>
          <button type="button" className="danger" disabled={!current} onClick={remove}>
            {pending ? t("deleting") : t("delete")}
          </button>
        </div>
      </div>
    </fieldset>
  );
}

/** Saves the current mapping under a source name (replacing one of that name), or downloads it as JSON for the CLI. */
export function SaveMapping({ draft, suggestedName, locked }: { draft: Draft; suggestedName: string; locked: boolean }) {
  const t = useTranslations("import.mapping");
  const ids = useId();
  const [name, setName] = useState(suggestedName);
  const { notice, report } = useActionNotice();
  const [pending, startTransition] = useTransition();

  const save = () =>
    startTransition(async () => {
      const state = await saveImportMappingAction({ name, mapping: toMapping(draft) });
      report(state, t("savedNotice", { name: name.trim() }));
    });

  const download = () => {
    const blob = new Blob([`${JSON.stringify(toMapping(draft), null, 2)}\n`], { type: "application/json" });
    saveBlob(blob, `${(name.trim() || "mapping").replace(/[^\w.-]+/g, "-")}.json`);
  };

  return (
    <fieldset disabled={locked || pending} className="plain stack" data-testid="import-save-mapping">
      <NoticeLine notice={notice} />
      <div className="row">
        <label className="field grow" htmlFor={`${ids}-name`}>
          <span>{t("saveName")}</span>
          <input id={`${ids}-name`} type="text" maxLength={120} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        </label>
        <div className="row import-buttons">
          <button type="button" disabled={name.trim() === ""} onClick={save} aria-busy={pending}>
            {pending ? t("saving") : t("save")}
          </button>
          <button type="button" className="secondary" onClick={download}>
            {t("download")}
          </button>
        </div>
      </div>
    </fieldset>
  );
}

/** Offers a Blob as a download without a round trip to the server. */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
