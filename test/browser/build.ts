/**
 * Builds the add-in once (webpack, development mode) into test-artifacts/dist and reuses that build while no
 * source it depends on changed. Test files run in separate jest workers, so a directory lock keeps two of them
 * from building at once. webpack runs as a child process: the config patches node's module resolution, which
 * jest's own module system would bypass.
 */
import * as fs from "fs";
import * as path from "path";
import { spawnSync } from "child_process";

export const ROOT = path.join(__dirname, "..", "..");
export const DIST = path.join(ROOT, "test-artifacts", "dist");
const STAMP = path.join(DIST, ".build-stamp");
const LOCK = path.join(ROOT, "test-artifacts", ".build-lock");
const INPUTS = ["src", "scripts", "assets", "webpack.config.js", "manifest.xml", "package.json"];

function newestMtime(p: string): number {
  const full = path.join(ROOT, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(full)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

function isFresh(): boolean {
  if (!fs.existsSync(STAMP)) return false;
  const built = Number(fs.readFileSync(STAMP, "utf8"));
  return INPUTS.every((p) => newestMtime(p) <= built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Returns the dist directory, building first when needed. Throws with webpack's output when the build fails. */
export function buildOnce(): string {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // Another worker is building; a lock older than 5 minutes is from a killed run.
      try {
        if (Date.now() - fs.statSync(LOCK).mtimeMs > 5 * 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
      } catch {
        /* it just went away */
      }
      sleep(500);
    }
  }
  try {
    if (isFresh()) return DIST;
    const started = Date.now();
    const webpackBin = path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js");
    const res = spawnSync(process.execPath, [webpackBin, "--mode", "development", "--env", `outputPath=${DIST}`], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (res.status !== 0 || /\bERROR in\b/.test(res.stdout)) {
      throw new Error(`webpack build failed:\n${(res.stdout + res.stderr).slice(-6000)}`);
    }
    fs.writeFileSync(STAMP, String(started));
    return DIST;
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
