/**
 * UI strings: both languages present, same placeholders, Chinese actually Chinese, every rule and template
 * covered, and no UI text hard-coded in the pane or demo instead of living in src/i18n.
 */
import * as fs from "fs";
import * as path from "path";
import { clockTime, SEVERITY_LABELS, t } from "../../src/i18n/index";
import { STRINGS, type StringKey } from "../../src/i18n/strings";
import { RULE_TITLES } from "../../src/core/rules/index";
import { INTERNAL_ERROR, RULE_IDS, type FindingId } from "../../src/core/findings";

/** Every id a finding can carry: the rules' and the engine's own. */
const FINDING_IDS: FindingId[] = [...RULE_IDS, INTERNAL_ERROR];
import { TEMPLATE_INFO, TEMPLATE_KINDS } from "../../src/core/templates/index";

const CJK = /[\u4e00-\u9fff]/;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Keys whose en-US text legitimately shows Chinese (a language switch label, form words kept as printed). */
// switchLanguageName names the other language in its own script (中文), as language pickers do.
const EN_WITH_CHINESE = new Set<StringKey>([
  "switchLanguage",
  "switchLanguageName",
  "optResultsSheet",
  "unitWan",
  "unitYuan",
]);
/** Keys whose zh-CN text legitimately has no Chinese. */
const ZH_WITHOUT_CHINESE = new Set<StringKey>(["switchLanguage"]);

describe("STRINGS", () => {
  const entries = Object.entries(STRINGS) as [StringKey, { "zh-CN": string; "en-US": string }][];

  it("has a non-empty zh-CN and en-US text for every key", () => {
    expect(entries.length).toBeGreaterThan(30);
    for (const [key, v] of entries) {
      expect({ key, zh: v["zh-CN"].trim().length > 0, en: v["en-US"].trim().length > 0 }).toEqual({
        key,
        zh: true,
        en: true,
      });
    }
  });

  it("writes zh-CN in Chinese and en-US in English", () => {
    for (const [key, v] of entries) {
      if (!ZH_WITHOUT_CHINESE.has(key)) expect({ key, zh: CJK.test(v["zh-CN"]) }).toEqual({ key, zh: true });
      expect({ key, en: /[A-Za-z]/.test(v["en-US"]) || key === "switchLanguage" }).toEqual({ key, en: true });
      if (!EN_WITH_CHINESE.has(key))
        expect({ key, enHasChinese: CJK.test(v["en-US"]) }).toEqual({ key, enHasChinese: false });
    }
  });

  it("uses the same placeholders in both languages", () => {
    for (const [key, v] of entries) {
      expect({ key, p: placeholders(v["en-US"]) }).toEqual({ key, p: placeholders(v["zh-CN"]) });
    }
  });
});

describe("every string is used", () => {
  const ROOT = path.join(__dirname, "..", "..");
  const code = ["src/taskpane", "src/demo", "src/commands"]
    .flatMap((d) => fs.readdirSync(path.join(ROOT, d)).map((f) => path.join(ROOT, d, f)))
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => fs.readFileSync(f, "utf8"))
    .join("\n");

  it("references each STRINGS key from the pane, demo or commands", () => {
    const unused = (Object.keys(STRINGS) as StringKey[]).filter((k) => !code.includes(`"${k}"`));
    expect(unused).toEqual([]);
  });
});

describe("t()", () => {
  it("fills placeholders in the chosen language", () => {
    expect(t("zh-CN", "summaryLine", { errors: 2, warnings: 1, infos: 0 })).toBe("错误 2 · 警告 1 · 提示 0");
    expect(t("en-US", "summaryLine", { errors: 2, warnings: 1, infos: 0 })).toBe("2 errors · 1 warnings · 0 notes");
    expect(t("zh-CN", "inserted", { sheet: "自评表 (2)" })).toBe("已插入工作表“自评表 (2)”");
  });

  it("leaves a missing placeholder visible rather than printing undefined", () => {
    expect(t("en-US", "inserted", {})).toBe("Inserted sheet “{sheet}”");
    expect(t("en-US", "inserted")).toBe("Inserted sheet “{sheet}”");
  });

  it("does not interpret replacement patterns in values", () => {
    expect(t("en-US", "inserted", { sheet: "$& $1 <b>" })).toBe("Inserted sheet “$& $1 <b>”");
  });
});

describe("rule, severity and template labels", () => {
  it("titles every rule id exactly once, in both languages", () => {
    expect(Object.keys(RULE_TITLES).sort()).toEqual([...FINDING_IDS].sort());
    for (const id of FINDING_IDS) {
      expect(CJK.test(RULE_TITLES[id]["zh-CN"])).toBe(true);
      expect(RULE_TITLES[id]["en-US"]).toMatch(/[A-Za-z]/);
    }
  });

  it("labels the three severities", () => {
    expect(Object.keys(SEVERITY_LABELS).sort()).toEqual(["error", "info", "warning"]);
    expect(SEVERITY_LABELS.error["zh-CN"]).toBe("错误");
  });

  it("names and describes every template kind on its card, in both languages", () => {
    expect(Object.keys(TEMPLATE_INFO).sort()).toEqual([...TEMPLATE_KINDS].sort());
    expect(TEMPLATE_INFO["self-assessment"].name["zh-CN"]).toBe("项目支出绩效自评表");
    for (const k of TEMPLATE_KINDS) {
      expect(CJK.test(TEMPLATE_INFO[k].purpose["zh-CN"])).toBe(true);
      expect(CJK.test(TEMPLATE_INFO[k].name["en-US"])).toBe(false);
    }
  });
});

describe("no hard-coded UI text", () => {
  const ROOT = path.join(__dirname, "..", "..");
  const files = ["src/taskpane", "src/demo", "src/commands"].flatMap((d) =>
    fs
      .readdirSync(path.join(ROOT, d))
      .filter((f) => /\.(ts|tsx)$/.test(f))
      .map((f) => path.join(d, f)),
  );
  /** Chinese outside comments, except the money-unit values the forms themselves use ("万元", "元"). */
  const chineseInCode = (src: string) =>
    src
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\/\/.*$/gm, "")
      .replace(/"(万元|元)"/g, '""')
      .split("\n")
      .filter((line) => CJK.test(line));

  it("keeps Chinese UI strings in src/i18n, not in components", () => {
    expect(files.length).toBeGreaterThan(5);
    for (const f of files)
      expect({ f, lines: chineseInCode(fs.readFileSync(path.join(ROOT, f), "utf8")) }).toEqual({ f, lines: [] });
  });

  it("would catch a hard-coded label", () => {
    expect(chineseInCode("<Button>插入</Button> // 插入")).toEqual(["<Button>插入</Button> "]);
    expect(chineseInCode('const u: "万元" | "元" = "万元"; // 单位')).toEqual([]);
  });
});

describe("clockTime", () => {
  // Local time on purpose: the pane shows the reviewer's clock, as toLocaleTimeString did.
  const at = (h: number, m: number, s: number) => new Date(2026, 0, 5, h, m, s);
  it.each([
    [at(0, 5, 9), "00:05:09", "12:05:09 AM"],
    [at(9, 0, 0), "09:00:00", "9:00:00 AM"],
    [at(12, 30, 1), "12:30:01", "12:30:01 PM"],
    [at(23, 59, 59), "23:59:59", "11:59:59 PM"],
  ])("%s", (d, zh, en) => {
    expect(clockTime(d, "zh-CN")).toBe(zh);
    expect(clockTime(d, "en-US")).toBe(en);
  });
  it("reads as the browser's own zh-CN and en-US clock", () => {
    const d = at(14, 7, 3);
    expect(clockTime(d, "zh-CN")).toBe(d.toLocaleTimeString("zh-CN", { hour12: false }));
    expect(clockTime(d, "en-US")).toBe(d.toLocaleTimeString("en-US").replace(/\u202f/g, " "));
  });
});
