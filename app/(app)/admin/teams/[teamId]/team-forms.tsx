"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { Field, FormAlert, SubmitButton } from "@/lib/ui/form";
import { addTeamMemberAction, deleteTeamAction, removeTeamMemberAction, renameTeamAction } from "../actions";

type Candidate = { id: string; label: string; role: string };

export function AddMemberForm({ teamId, candidates }: { teamId: string; candidates: Candidate[] }) {
  const t = useTranslations("teams");
  const tRoles = useTranslations("common.memberRoles");
  const [state, action] = useActionState(addTeamMemberAction, null);
  const [userId, setUserId] = useState("");
  const picked = candidates.find((c) => c.id === userId);
  return (
    <form action={action} className="form" noValidate>
      <FormAlert state={state} success={t("memberAdded")} />
      <input type="hidden" name="teamId" value={teamId} />
      <Field label={t("person")} name="userId" state={state}>
        <select name="userId" value={userId} onChange={(e) => setUserId(e.target.value)} required>
          <option value="">{t("pickPerson")}</option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("memberRole")} name="role" state={state} hint={t("memberRoleHint")}>
        <select name="role" key={picked?.role ?? "none"} defaultValue={picked && picked.role !== "agent" ? "manager" : "agent"}>
          <option value="agent">{tRoles("agent")}</option>
          <option value="manager">{tRoles("manager")}</option>
        </select>
      </Field>
      <SubmitButton>{t("add")}</SubmitButton>
    </form>
  );
}

export function RemoveMemberButton({ teamId, userId, name }: { teamId: string; userId: string; name: string }) {
  const t = useTranslations("teams");
  const [state, action] = useActionState(removeTeamMemberAction, null);
  return (
    <form action={action} onSubmit={(e) => !confirm(t("confirmRemove", { name })) && e.preventDefault()}>
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="userId" value={userId} />
      <button type="submit" className="link">
        {t("remove")}
      </button>
      {state && !state.ok && <span className="field-error">{state.message}</span>}
    </form>
  );
}

export function RenameTeamForm({ teamId, name }: { teamId: string; name: string }) {
  const t = useTranslations("teams");
  const tc = useTranslations("common");
  const [state, action] = useActionState(renameTeamAction, null);
  return (
    <form action={action} className="form" noValidate>
      <FormAlert state={state} success={tc("saved")} />
      <input type="hidden" name="teamId" value={teamId} />
      <Field label={t("name")} name="name" state={state}>
        <input type="text" name="name" defaultValue={name} required maxLength={120} />
      </Field>
      <SubmitButton className="secondary" pendingLabel={tc("saving")}>
        {tc("save")}
      </SubmitButton>
    </form>
  );
}

export function DeleteTeamForm({ teamId, name }: { teamId: string; name: string }) {
  const t = useTranslations("teams");
  const router = useRouter();
  const [state, action] = useActionState(deleteTeamAction, null);
  useEffect(() => {
    if (state?.ok) router.push("/admin/teams");
  }, [state, router]);
  return (
    <form action={action} onSubmit={(e) => !confirm(t("confirmDelete", { name })) && e.preventDefault()}>
      <FormAlert state={state} />
      <input type="hidden" name="teamId" value={teamId} />
      <button type="submit" className="danger">
        {t("delete")}
      </button>
    </form>
  );
}
