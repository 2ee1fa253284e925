/**
 * The production server the HTTP benchmarks measure: built once into .next-bench (BENCH_SKIP_BUILD=1 reuses it),
 * started the way `npm start` starts it (server.mjs) against the benchmark's own database.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const DIST = ".next-bench";

export function buildOnce(): void {
  if (process.env.BENCH_SKIP_BUILD && existsSync(path.join(ROOT, DIST, "BUILD_ID"))) return;
  console.log(`building the app into ${DIST} …`);
  // next build adds its dist directory to tsconfig.json; keep the checkout as it was
  const tsconfig = readFileSync(path.join(ROOT, "tsconfig.json"), "utf8");
  const built = spawnSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, PODIUM_NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" } });
  writeFileSync(path.join(ROOT, "tsconfig.json"), tsconfig);
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/**
 * How `npm start` runs the server (package.json): the `NAME=value` assignments before the command and the flags given
 * to node, so the benchmarks measure the settings production gets. BENCH_NODE_ARGS replaces the node flags, to try
 * others (e.g. `--trace-gc`, which also shows the server's stdout).
 */
export function startScript(): { env: Record<string, string>; nodeArgs: string[]; script: string } {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/).filter(Boolean);
  const env: Record<string, string> = {};
  let i = 0;
  for (; i < words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[i]!); i++) {
    const [name, ...value] = words[i]!.split("=");
    env[name!] = value.join("=");
  }
  const nodeArgs: string[] = [];
  if (words[i] !== "node") throw new Error(`bench/server.ts expects the start script to run node, not: ${pkg.scripts.start}`);
  for (i++; i < words.length && words[i]!.startsWith("--"); i++) nodeArgs.push(words[i]!);
  const script = words[i];
  if (!script) throw new Error(`no script in the start script: ${pkg.scripts.start}`);
  const override = process.env.BENCH_NODE_ARGS;
  return { env, nodeArgs: override === undefined ? nodeArgs : override.split(/\s+/).filter(Boolean), script };
}

/** Starts the built app on `port` against `databaseUrl` and waits until it is healthy. */
export async function startServer(databaseUrl: string, port: number): Promise<{ base: string; stop: () => Promise<void> }> {
  // BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of the server when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  const { env, nodeArgs, script } = startScript();
  const server = spawn(process.execPath, [...nodeArgs, ...profile, path.join(ROOT, script)], {
    cwd: ROOT,
    stdio: ["ignore", process.env.BENCH_NODE_ARGS ? "inherit" : "ignore", "inherit"],
    env: {
      ...env, // the start script's settings; a variable set for the benchmark run wins, to try others
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      PODIUM_NEXT_DIST_DIR: DIST,
      AUTH_SECRET: "bench-only-secret-0123456789abcdefghijklmnop",
      AUTH_TRUST_HOST: "true",
      NODE_ENV: "production",
      NEXT_MANUAL_SIG_HANDLE: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const stop = async () => {
    if (server.exitCode !== null) return;
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  };
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) break;
    if (i > 300) {
      await stop();
      throw new Error("the server did not become healthy");
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, stop };
}
