import * as fs from "fs";
import * as path from "path";
import { draftNotice, noticeSheet, rectificationSheet, sourceText, type DraftSheet } from "../../src/core/notice";
import { readSnapshotFromFile } from "../../src/xlsx/snapshotReader";
import { renderDefinition } from "../templates/render";

/**
 * The notice and the rectification report drafted from two real published self-assessments, compared with golden
 * files. The .xlsx files are copies of the real-form corpus (test/fixtures/real, each with its source page in its
 * .json) as of 2026-12-04:
 * - sichuan-deyang-zhongjiang-2022-shuibiaochi: 中江县水利局, https://chacewang.com/newsdetail/news242266.html
 * - hunan-yongzhou-lingling-linye-2021-bumen: 永州市零陵区林业局,
 *   http://admin.yzcity.gov.cn:8888/llqlinyj/gknb/202204/cd04d310d5364b2f9983a7843fb6a17d.shtml
 * Recognition improvements change these drafts: review the diff and update with UPDATE_GOLDEN=1 npx jest test/notice.
 */
const FIXTURES = path.join(__dirname, "fixtures");
const update = process.env.UPDATE_GOLDEN === "1";

function render(sheet: DraftSheet): string {
  const links = sheet.links.map((l) => `link R${l.row + 1}C${l.col + 1} → ${sourceText(l.source)}`);
  return renderDefinition(sheet.def) + links.join("\n") + "\n";
}

function golden(file: string, text: string) {
  const p = path.join(FIXTURES, file);
  if (update) fs.writeFileSync(p, text);
  expect(text).toBe(fs.readFileSync(p, "utf8"));
}

describe.each([
  ["sichuan-deyang-zhongjiang-2022-shuibiaochi", 100, "优", "安装坡面水标尺266米，完成任务数266米的100%。"],
  ["hunan-yongzhou-lingling-linye-2021-bumen", 76, "中", "造林面积12000亩，完成任务数12000亩的100%。"],
])("real form %s", (name, score, grade, sentence) => {
  let sheets: { notice: DraftSheet; rect: DraftSheet };
  beforeAll(async () => {
    const snapshot = await readSnapshotFromFile(path.join(FIXTURES, `real-${name}.xlsx`));
    const draft = draftNotice(snapshot, { date: { year: 2024, month: 6, day: 30 } });
    expect(draft.score?.value).toBe(score);
    expect(draft.grade).toBe(grade);
    expect(draft.performance.map((s) => s.text)).toContain(sentence);
    expect(draft.deadline).toEqual({ year: 2024, month: 7, day: 30 });
    sheets = { notice: noticeSheet(draft), rect: rectificationSheet(draft) };
  });
  it("notice matches its golden file", () => golden(`notice.real-${name}.txt`, render(sheets.notice)));
  it("rectification report matches its golden file", () =>
    golden(`rectification.real-${name}.txt`, render(sheets.rect)));
});
