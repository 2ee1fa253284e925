/**
 * What changed between two versions of a campaign document, as a list of paths in the same notation as validation
 * errors (`rule.tiers[1].value`), so a reader sees "rule.target: 90 → 92" instead of two JSON blobs. Pure.
 */
export type DiffEntry = { path: string; before: string | null; after: string | null };

function flatten(value: unknown, path: string, out: Map<string, string>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(path, "[]");
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
  } else if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 0) out.set(path, "{}");
    for (const [k, v] of entries) flatten(v, path ? `${path}.${k}` : k, out);
  } else {
    out.set(path, JSON.stringify(value));
  }
}

export function diffDocuments(before: unknown, after: unknown): DiffEntry[] {
  const a = new Map<string, string>();
  const b = new Map<string, string>();
  flatten(before, "", a);
  flatten(after, "", b);
  const out: DiffEntry[] = [];
  for (const [path, value] of b) {
    const old = a.get(path);
    if (old !== value) out.push({ path, before: old ?? null, after: value });
  }
  for (const [path, value] of a) if (!b.has(path)) out.push({ path, before: value, after: null });
  // in document order of the newer version, removals after
  return out;
}
