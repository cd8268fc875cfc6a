/**
 * LibreOffice headless for tests: finds soffice, runs it with a private user profile whose settings force a
 * full recalculation when an .xlsx is loaded (OOXMLRecalcMode = 0, "always"), so cached results in a file
 * cannot hide a #NAME?. CI installs libreoffice-calc and fonts-crosextra-carlito
 * (Calibri's metrics, the workbooks' default font, so column widths come out as in Excel) (.ci/run); without soffice these tests are skipped with a
 * message saying so.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export function findSoffice(): string | null {
  for (const name of ["soffice", "libreoffice"]) {
    try {
      const p = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
      if (p) return p;
    } catch {
      // not on PATH
    }
  }
  return null;
}

export const SKIP_MESSAGE =
  "LibreOffice (soffice) not found: skipping the LibreOffice tests. Install it with `apt-get install -y --no-install-recommends libreoffice-calc poppler-utils fonts-crosextra-carlito` (.ci/run does).";

/** OOXMLRecalcMode: 0 always recalculate on load, 1 never (show the file's cached results). */
const settings = (mode: 0 | 1) => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`;

/**
 * A fresh profile directory; remove it with fs.rmSync when done. `recalc`: recalculate every formula on load
 * (the portable-copy test); otherwise show the cached results, as Excel shows them with the add-in loaded.
 */
export function recalcProfile(recalc = true): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pe-lo-profile-"));
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), settings(recalc ? 0 : 1));
  return dir;
}

/**
 * Convert files with one soffice process (a start costs seconds): `to` is "xlsx" (recalculated and saved) or
 * "pdf". Output goes to `outDir` under the same base name. Throws with soffice's output when a file is missing.
 */
export function convert(soffice: string, profile: string, files: string[], to: "xlsx" | "pdf", outDir: string): void {
  fs.mkdirSync(outDir, { recursive: true });
  let log = "";
  try {
    log = execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        to,
        "--outdir",
        outDir,
        ...files,
      ],
      { encoding: "utf8", timeout: 240_000, stdio: ["ignore", "pipe", "pipe"] },
    );
  } catch (e) {
    log = String((e as { stdout?: string }).stdout ?? "") + String((e as { stderr?: string }).stderr ?? e);
  }
  for (const f of files) {
    const out = path.join(outDir, path.basename(f).replace(/\.xlsx$/i, `.${to}`));
    if (!fs.existsSync(out)) throw new Error(`soffice did not convert ${f} to ${to}:\n${log}`);
  }
}
