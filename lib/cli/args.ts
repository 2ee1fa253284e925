import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./errors";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** parseArgs' messages carry advice for programmers; the first sentence is what the operator needs. */
function firstSentence(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const first = message.split(/\.\s/)[0]!.replace(/\.$/, "");
  return first.charAt(0).toLowerCase() + first.slice(1);
}

/** Strict parsing: unknown options, missing values and stray arguments are usage errors (exit 2). */
export function parseOptions<const O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new UsageError(firstSentence(err), usage);
  }
}

export function required(value: string | undefined, flag: string, usage: string): string {
  if (value === undefined) throw new UsageError(`missing required option ${flag}`, usage);
  return value;
}

/** Like parseOptions, for commands that also take positional arguments (`import <file>`). */
export function parseCommandLine<const O extends Options>(args: string[], options: O, usage: string) {
  try {
    const { values, positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
    return { values, positionals };
  } catch (err) {
    throw new UsageError(firstSentence(err), usage);
  }
}
