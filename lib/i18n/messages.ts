import type { Locale } from "./locales";

/**
 * Catalogs are split by namespace (messages/<locale>/<namespace>.json) so features own their strings.
 * Every namespace must exist for every locale; tests/unit check that keys match across locales.
 */
export const NAMESPACES = ["common", "nav", "signin", "home", "admin", "users", "teams", "apiKeys", "audit", "org", "validation", "dataSources", "import", "identities", "kpis", "campaigns", "incentives", "leaderboards", "payouts", "statements", "rewards"] as const;

export async function loadMessages(locale: Locale): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`../../messages/${locale}/${ns}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}
