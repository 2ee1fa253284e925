import type { Command } from "./command";
import { apikeyCreate } from "./commands/apikey-create";
import { importCommand } from "./commands/import";
import { migrate } from "./commands/migrate";
import { orgCreate } from "./commands/org-create";
import { seedDemoCommand } from "./commands/seed-demo";
import { simulateCommand } from "./commands/simulate";
import { userCreate } from "./commands/user-create";
import { configuredDatabase, type DatabaseTarget } from "./database";
import { EXIT_OK, reportError, UsageError } from "./errors";
import { processIo, type Io } from "./io";

const COMMANDS: Command[] = [migrate, orgCreate, userCreate, apikeyCreate, seedDemoCommand, importCommand, simulateCommand];

function overview(commands: Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 4;
  return [
    "Usage: npx podium <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    `Run "npx podium help <command>" (or <command> --help) for its options.`,
    "Database: DATABASE_URL (PostgreSQL) when set, otherwise the embedded database in PODIUM_DATA_DIR (default ./.data).",
  ].join("\n");
}

const isHelp = (arg: string) => arg === "--help" || arg === "-h";

/** The command named by the leading words of argv, e.g. ["org", "create", "--name", …]. */
function findCommand(words: string[]): Command | undefined {
  return COMMANDS.find((c) => c.name.split(" ").every((w, i) => words[i] === w));
}

/** Usage for what the words name: a command, a group ("org") or nothing known. */
function usageFor(words: string[]): string | undefined {
  const command = findCommand(words);
  if (command) return command.usage;
  const group = COMMANDS.filter((c) => c.name.split(" ")[0] === words[0]);
  return group.length ? overview(group) : undefined;
}

async function dispatch(argv: string[], ctx: { io: Io; database: DatabaseTarget }): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError("missing command", overview());
  if (isHelp(first) || first === "help") {
    const words = first === "help" ? rest : [];
    const usage = words.length ? usageFor(words) : overview();
    if (!usage) throw new UsageError(`unknown command "${words.join(" ")}"`, overview());
    ctx.io.stdout(usage);
    return EXIT_OK;
  }
  if (first.startsWith("-")) throw new UsageError(`unknown option "${first}" (options come after the command)`, overview());
  const command = findCommand(argv);
  if (!command) {
    const words = argv.slice(0, 2).filter((a) => !a.startsWith("-"));
    const group = usageFor([first]);
    if (group && (argv.length === 1 || rest.every(isHelp))) {
      if (argv.length === 1) throw new UsageError(`"${first}" needs a subcommand`, group);
      ctx.io.stdout(group);
      return EXIT_OK;
    }
    throw new UsageError(`unknown command "${words.join(" ")}"`, group ?? overview());
  }
  const args = argv.slice(command.name.split(" ").length);
  if (args.some(isHelp)) {
    ctx.io.stdout(command.usage);
    return EXIT_OK;
  }
  return command.run(args, ctx);
}

export type MainDeps = { database?: DatabaseTarget };

/**
 * Runs one CLI invocation and returns the exit code: 0 done, 1 failed (bad input, locked or unreachable database),
 * 2 the command line itself is wrong. Never throws.
 */
export async function main(argv: string[], io: Io = processIo, deps: MainDeps = {}): Promise<number> {
  try {
    return await dispatch(argv, { io, database: deps.database ?? configuredDatabase() });
  } catch (err) {
    return reportError(err, io);
  }
}
