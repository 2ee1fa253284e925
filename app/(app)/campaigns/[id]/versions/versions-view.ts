import type { CampaignVersionView } from "@/lib/server/list-campaign-versions";
import { diffDocuments, type DiffEntry } from "@/lib/ui/campaign-diff";

export type VersionView = {
  version: number;
  newest: boolean;
  createdBy: string;
  createdAt: string;
  /** What changed from the version before it; null for the first. */
  changes: DiffEntry[] | null;
  json: string;
};

/** Versions newest first, each compared with the one before it. */
export function versionViews(versions: readonly CampaignVersionView[], formatWhen: (iso: string) => string): VersionView[] {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return sorted.map((v, i) => {
    const older = sorted[i + 1];
    return {
      version: v.version,
      newest: i === 0,
      createdBy: v.createdBy,
      createdAt: formatWhen(v.createdAt),
      changes: older ? diffDocuments(older.document, v.document) : null,
      json: JSON.stringify(v.document, null, 2),
    };
  });
}
