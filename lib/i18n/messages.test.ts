import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { loadMessages, NAMESPACES } from "./messages";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogs", () => {
  it("has a file for every namespace in every locale, and no stray files", () => {
    for (const locale of LOCALES) {
      const files = fs.readdirSync(path.join(process.cwd(), "messages", locale)).map((f) => f.replace(/\.json$/, ""));
      expect(files.sort()).toEqual([...NAMESPACES].sort());
    }
  });

  it("gives every locale exactly the keys of English, none empty", async () => {
    const english = keys(await loadMessages("en")).sort();
    expect(english.length).toBeGreaterThan(50);
    for (const locale of LOCALES) {
      const messages = await loadMessages(locale);
      expect(keys(messages).sort(), locale).toEqual(english);
      for (const key of keys(messages)) {
        const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], messages);
        expect(typeof value === "string" && value.trim().length > 0, `${locale}: ${key}`).toBe(true);
      }
    }
  });
});
