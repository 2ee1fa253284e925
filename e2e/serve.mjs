#!/usr/bin/env node
// Starts the production build for the end-to-end suite on a fresh embedded database of its own.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
export const E2E_DATA_DIR = path.join(root, ".data", "e2e");
fs.rmSync(E2E_DATA_DIR, { recursive: true, force: true });

// As `npm start` runs it (package.json): server.mjs, which serves the live streams outside Next's pipeline.
const child = spawn(process.execPath, [path.join(root, "server.mjs")], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: "",
    PORT: process.env.E2E_PORT ?? "3100",
    PODIUM_DATA_DIR: E2E_DATA_DIR,
    AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnop",
    AUTH_TRUST_HOST: "true",
    NEXT_MANUAL_SIG_HANDLE: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  },
});
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
