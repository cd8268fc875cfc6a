/**
 * Every profile field through the CLI's path: `check --profile FILE.json` on an .xlsx reaches the rule that reads
 * the field, and says what the core says for the same file under that profile.
 */
import * as fs from "fs";
import * as path from "path";
import { run as check } from "../../src/cli/check";
import type { Profile } from "../../src/core/profile";
import { readSnapshotFromFile } from "../../src/xlsx/snapshotReader";
import { coreLines, FIELD_CASES, findingLines, type FieldCase } from "../support/profileFields";
import { makeTempDir, removeDir, writeSnapshotXlsx } from "../xlsx/helpers";
import { recorder } from "../support/cliRecorder";

let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

async function cliLines(file: string, c: FieldCase, profile: Profile, tag: string): Promise<string[]> {
  const json = path.join(dir, `${tag}.json`);
  fs.writeFileSync(json, JSON.stringify(profile, null, 2));
  const io = recorder();
  const code = await check(["--format", "json", "--jobs", "1", "--profile", json, file], io);
  expect(io.stderr).toBe("");
  expect(code).toBeLessThan(2);
  const doc = JSON.parse(io.stdout);
  return findingLines(doc.files[0].findings, c.rule);
}

test.each(FIELD_CASES.map((c, i) => [c.field, c, i] as const))(
  "%s reaches its rule through check --profile",
  async (_f, c, i) => {
    const file = path.join(dir, `case-${i}.xlsx`);
    await writeSnapshotXlsx(c.workbook(), file);
    const read = await readSnapshotFromFile(file);
    const base = await cliLines(file, c, c.base(), `base-${i}`);
    const changed = await cliLines(file, c, c.changed(), `changed-${i}`);
    expect(changed).not.toEqual(base);
    expect(base).toEqual(coreLines(c, c.base(), read));
    expect(changed).toEqual(coreLines(c, c.changed(), read));
  },
);
