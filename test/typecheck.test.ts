/**
 * Jest runs with ts-jest diagnostics off (fast), and `npm ci` keeps going through CLI type errors, so this is
 * where a type error anywhere in src/, test/ or bench/ fails the suite.
 */
import { execFileSync } from "child_process";
import path from "path";

const root = path.join(__dirname, "..");
const tsc = require.resolve("typescript/bin/tsc", { paths: [root] });

function typecheck(project: string): string {
  try {
    execFileSync(process.execPath, [tsc, "-p", path.join(root, project), "--noEmit", "--pretty", "false"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    return "";
  } catch (e) {
    const err = e as { stdout?: string; message: string };
    return err.stdout || err.message;
  }
}

describe("TypeScript", () => {
  it("the whole project type-checks (tsconfig.json)", () => {
    expect(typecheck("tsconfig.json")).toBe("");
  }, 240_000);

  it("the command line type-checks as the prepare step compiles it (tsconfig.cli.json)", () => {
    expect(typecheck("tsconfig.cli.json")).toBe("");
  }, 240_000);
});
