import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { loadMessages } from "./messages";

/**
 * Every translation formats its numbers as English does: where the English message formats an argument as a number
 * (`{n, number}`, or `#` inside `{n, plural, …}` / `{n, selectordinal, …}`), the translation must too, so Malay shows
 * "1,585 mata" rather than "1585 mata". A plural whose branches interpolate `{n}` instead of `#` does not count.
 */

type Use = "raw" | "number" | "other";

/** How each argument of an ICU message is used: `{x}` raw, formatted as a number, or something else (date, select…). */
function argumentUses(message: string): Map<string, Set<Use>> {
  const uses = new Map<string, Set<Use>>();
  const note = (arg: string, use: Use) => {
    if (!uses.has(arg)) uses.set(arg, new Set());
    uses.get(arg)!.add(use);
  };
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i} in ${JSON.stringify(message)}`);
  };
  const skipSpace = () => {
    while (i < message.length && /\s/.test(message[i]!)) i++;
  };
  const word = () => {
    skipSpace();
    const start = i;
    while (i < message.length && !/[\s,{}]/.test(message[i]!)) i++;
    return message.slice(start, i);
  };

  /** Text up to the `}` closing this sub-message (consumed) or the end; `plural`: the argument `#` stands for. */
  function text(plural: string | null, nested: boolean): void {
    while (i < message.length) {
      const c = message[i]!;
      if (c === "'") {
        const next = message[i + 1];
        if (next === "'") {
          i += 2;
        } else if (next === "{" || next === "}" || (next === "#" && plural !== null)) {
          // quoted literal up to the next lone apostrophe ('' inside stays an apostrophe)
          i += 2;
          while (i < message.length) {
            if (message[i] === "'" && message[i + 1] === "'") i += 2;
            else if (message[i] === "'") break;
            else i++;
          }
          i++;
        } else {
          i++;
        }
      } else if (c === "{") {
        i++;
        argument(plural);
      } else if (c === "}") {
        if (!nested) fail("unmatched }");
        i++;
        return;
      } else {
        if (c === "#" && plural !== null) note(plural, "number");
        i++;
      }
    }
    if (nested) fail("unclosed {");
  }

  /** After `{`: `x}`, `x, type}`, `x, type, style}` or `x, plural|select|selectordinal, key {…} …}`. */
  function argument(plural: string | null): void {
    const name = word();
    if (!name) fail("argument without a name");
    skipSpace();
    if (message[i] === "}") {
      i++;
      note(name, "raw");
      return;
    }
    if (message[i] !== ",") fail("expected , or }");
    i++;
    const type = word();
    skipSpace();
    if (type === "plural" || type === "selectordinal" || type === "select") {
      if (message[i] !== ",") fail(`expected , after ${type}`);
      i++;
      note(name, "other");
      for (;;) {
        skipSpace();
        if (message[i] === "}") {
          i++;
          return;
        }
        const key = word();
        if (!key) fail("expected a selector");
        if (key.startsWith("offset:")) continue;
        skipSpace();
        if (message[i] !== "{") fail(`expected { after ${key}`);
        i++;
        // `#` inside a select nested in a plural still stands for the plural's argument
        text(type === "select" ? plural : name, true);
      }
    }
    // a simple argument: number, date, time… with an optional style (no braces in it)
    note(name, type === "number" ? "number" : "other");
    while (i < message.length && message[i] !== "}") {
      if (message[i] === "{") fail("unexpected { in a style");
      i++;
    }
    if (i >= message.length) fail("unclosed argument");
    i++;
  }

  text(null, false);
  return uses;
}

function leaves(value: unknown, prefix = ""): Array<[string, string]> {
  if (typeof value === "string") return [[prefix, value]];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

function numberArgs(message: string): { formatted: Set<string>; raw: Set<string> } {
  const formatted = new Set<string>();
  const raw = new Set<string>();
  for (const [arg, how] of argumentUses(message)) {
    if (how.has("number")) formatted.add(arg);
    if (how.has("raw")) raw.add(arg);
  }
  return { formatted, raw };
}

describe("argumentUses", () => {
  it("tells formatted numbers from raw interpolation", () => {
    expect(numberArgs("{count, plural, one {# point} other {# points}}")).toEqual({ formatted: new Set(["count"]), raw: new Set() });
    expect(numberArgs("{count, number} mata")).toEqual({ formatted: new Set(["count"]), raw: new Set() });
    expect(numberArgs("{count} mata")).toEqual({ formatted: new Set(), raw: new Set(["count"]) });
    expect(numberArgs("{count, plural, other {{count} mata}}")).toEqual({ formatted: new Set(), raw: new Set(["count"]) });
    expect(numberArgs("{n, selectordinal, one {#st} other {#th}} of {total}")).toEqual({ formatted: new Set(["n"]), raw: new Set(["total"]) });
    expect(numberArgs("{g, select, a {{n, plural, other {# x}}} other {y}}")).toEqual({ formatted: new Set(["n"]), raw: new Set() });
    expect(numberArgs("{n, plural, other {'#' is # and '{n}' and it''s}}")).toEqual({ formatted: new Set(["n"]), raw: new Set() });
    expect(numberArgs("{d, date, medium} at {t, time, short} · {p, number, percent}")).toEqual({ formatted: new Set(["p"]), raw: new Set() });
  });
});

describe("number formatting in translations", () => {
  it("parses every message of every catalog", async () => {
    for (const locale of LOCALES) {
      for (const [key, message] of leaves(await loadMessages(locale))) {
        expect(() => argumentUses(message), `${locale}: ${key}`).not.toThrow();
      }
    }
  });

  it("formats as a number every argument English formats as a number", async () => {
    const english = new Map(leaves(await loadMessages("en")));
    const problems: string[] = [];
    for (const locale of LOCALES.filter((l) => l !== "en")) {
      for (const [key, message] of leaves(await loadMessages(locale))) {
        const source = english.get(key);
        if (source === undefined) continue; // key parity is messages.test.ts's concern
        const en = numberArgs(source);
        const ours = numberArgs(message);
        for (const arg of en.formatted) {
          if (!ours.formatted.has(arg)) problems.push(`${locale}: ${key}: {${arg}} is not formatted as a number: ${JSON.stringify(message)}`);
          // English never shows it unformatted, so neither may the translation (e.g. a plural branch with {n} for #)
          else if (!en.raw.has(arg) && ours.raw.has(arg)) problems.push(`${locale}: ${key}: {${arg}} is also shown unformatted: ${JSON.stringify(message)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
