/** Where a command writes. Each call is one line; the newline is the writer's business. */
export type Writer = (line: string) => void;
export type Io = { stdout: Writer; stderr: Writer };

export const processIo: Io = {
  stdout: (line) => void process.stdout.write(`${line}\n`),
  stderr: (line) => void process.stderr.write(`${line}\n`),
};
