/**
 * The README's worked example of a province that gives 预算执行 20 points, run as written: its JSON is read from
 * the README itself, and each documented command prints what the README shows.
 */
import * as fs from "fs";
import * as path from "path";
import { run as check } from "../../src/cli/check";
import { run as fn } from "../../src/cli/fn";
import { run as profileCmd } from "../../src/cli/profile";
import { run as template } from "../../src/cli/template";
import type { CliIO } from "../../src/cli/io";
import { makeTempDir, removeDir } from "../xlsx/helpers";
import { recorder } from "../support/cliRecorder";

const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
let dir: string;
beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => removeDir(dir));

async function cli(cmd: (a: string[], io: CliIO) => Promise<number>, args: string[]) {
  const io = recorder();
  const code = await cmd(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** The README block after the worked example's heading line, and the shell block after it. */
function exampleBlocks(): { json: string; shell: string } {
  const at = readme.indexOf("Worked example: a province that gives 预算执行 20 points");
  expect(at).toBeGreaterThan(0);
  const json = /```json\n([\s\S]*?)```/.exec(readme.slice(at))![1];
  const shell = /```sh\n([\s\S]*?)```/.exec(readme.slice(at))![1];
  return { json, shell };
}

test("the README's province profile (预算执行 20) checks, templates, checks and computes as documented", async () => {
  const { json, shell } = exampleBlocks();
  const profile = path.join(dir, "province.json");
  fs.writeFileSync(profile, json);
  const form = path.join(dir, "自评表.xlsx");

  const valid = await cli(profileCmd, ["check", profile]);
  expect(valid.code).toBe(0);
  expect(valid.out).toContain("评价口径有效 (valid profile): 某省（预算执行20分）");
  expect(shell).toContain("评价口径有效 (valid profile): 某省（预算执行20分）");

  expect((await cli(template, ["self-assessment", "-o", form, "--profile", profile])).code).toBe(0);

  // The template's header fields (项目名称, 主管部门 …) are blank: the example turns unfilled-form off, as it says.
  const byProvince = await cli(check, [form, "--profile", profile, "--rule", "unfilled-form=off"]);
  expect(shell).toContain("--profile province.json --rule unfilled-form=off");
  expect(byProvince.code).toBe(0);
  expect(byProvince.out).toContain("共 1 个文件：0 个错误，0 个警告，0 个提示");
  expect(shell).toContain("共 1 个文件：0 个错误，0 个警告，0 个提示");

  // By the national profile the same form gets the two warnings the README prints.
  const national = await cli(check, [form, "--rule", "unfilled-form=off"]);
  const documented = shell
    .split("\n")
    .filter((l) => l.startsWith("自评表.xlsx 自评表!"))
    .map((l) => l.replace(/^自评表\.xlsx /, ""));
  expect(documented).toHaveLength(2);
  for (const line of documented) expect(national.out).toContain(line);
  expect(national.out.match(/\[warning\] weight-total/g)).toHaveLength(2);

  const exec = await cli(fn, ["--profile", profile, "EXECSCORE", "0.9968"]);
  expect(exec.out.trim()).toBe("19.936");
  expect(shell).toMatch(/EXECSCORE 0\.9968\n19\.936/);
});
