import type { DatabaseTarget } from "./database";
import type { Io } from "./io";

export type CliContext = { io: Io; database: DatabaseTarget };

export type Command = {
  /** The words that select it: "org create". */
  name: string;
  summary: string;
  usage: string;
  /** Receives the arguments after the command's words; returns the exit code. */
  run: (args: string[], ctx: CliContext) => Promise<number>;
};
