#!/usr/bin/env node
// `npx podium …`: runs the TypeScript CLI (lib/cli) directly. tsx compiles it on the fly; the repository's
// tsconfig is passed explicitly so the "@/" alias resolves whatever the working directory.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
register({ tsconfig: path.join(root, "tsconfig.json") });

const { main } = await import(pathToFileURL(path.join(root, "lib", "cli", "main.ts")).href);
// exitCode rather than process.exit(): pending stdout writes to a pipe are flushed before the process ends
process.exitCode = await main(process.argv.slice(2));
