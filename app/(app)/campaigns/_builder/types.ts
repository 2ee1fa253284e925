import type { CampaignDocument, Rule } from "@/lib/domain/campaigns/document";

/** Edits the draft in place on a fresh copy (see use-draft.ts); the builder's sections all take one. */
export type Edit = (fn: (draft: CampaignDocument) => void) => void;
export type EditRule<R extends Rule = Rule> = (fn: (rule: R) => void) => void;

/** What the page knows that the builder needs: the organization's currency, and whom the actor may include. */
export type BuilderSetup = {
  currency: string;
  /** Teams the actor may run campaigns for (a manager: the teams they manage). */
  teams: Array<{ id: string; name: string }>;
  /** Agents of those teams, for the external-id lists (participants, per-agent targets). */
  agents: Array<{ externalId: string; name: string }>;
  /** Whether "no team checked" means every agent (HR and admins), or is not allowed (managers). */
  mayTargetEveryone: boolean;
};
