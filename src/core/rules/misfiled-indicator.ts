import { defineRule } from "./types";
import type { CellPos, IndicatorCategory, IndicatorRow, IndicatorTable } from "../recognize/model";
import { categoryOf, familyOf, headerKey } from "../recognize/headers";
import { levelCell } from "../recognize";
import { targetParse } from "../recognize/cells";
import {
  isBudgetExecutionMeasure,
  isCostEffect,
  isIncidentMeasure,
  isMoneyName,
  isSatisfactionMeasure,
  isViewOfPeopleServed,
  nameKey,
} from "../measures";

/** A name left as the template's (指标1：, ……): missing-indicator-name and template-placeholder speak of it. */
function isPlaceholderName(name: string): boolean {
  return /^(指标\d*[:：]?|…+|\.+)$/.test(name) || name.length < 2 || !/[\u4e00-\u9fff]/.test(name);
}

/** 经济成本指标 / 社会成本指标 / 生态环境成本指标: the second levels of 成本指标. */
const COST_LEVEL2 = /^(经济|社会|生态环境|生态)成本(指标)?$/;

const EFFECTS: ReadonlySet<IndicatorCategory> = new Set(["经济效益", "社会效益", "生态效益", "可持续影响"]);

/** A 二级 name that is an output category (数量指标, 产出质量指标, 成本): it belongs under 产出. */
const OUTPUT_LEVEL2 = /^(产出)?(数量|质量|时效|成本)(指标)?$/;

/** A coverage of something (清扫保洁覆盖率): its subject, when the name is one. */
const COVERAGE = /^(.{2,}?)覆盖(率|面)$/;
/**
 * Service activities: the coverage of one of them is how much of the work was done, an output. A coverage of
 * people or facilities (医疗保险覆盖率, 饮水安全覆盖率) may well be an effect and is not judged.
 */
const ACTIVITY = /清扫|保洁|清运|收运|消杀|养护|维修|巡查|巡检|检查|检测|监测|培训|宣传|接种|体检|筛查|走访|摸排/;

/**
 * The category a row is filed under: what its 一级 and 二级 names say, never what its own name suggests (the
 * recognizer falls back on the 三级 name when the levels say nothing; that guess cannot be misfiled).
 */
function filedCategory(row: IndicatorRow): IndicatorCategory | undefined {
  if (!row.level1 && !row.level2) return undefined;
  return categoryOf(row.level1, row.level2, "");
}

/** What a row's 一级 / 二级 pair says, the same for every row under it. */
interface LevelFacts {
  family: ReturnType<typeof familyOf>;
  /** Under a 决策 / 过程 first level: the output category its 二级 names ("" for none); null when not there. */
  processOutput: string | null;
  /** An 经济成本指标-type 二级 under 产出. */
  costUnderOutput: boolean;
  filed: IndicatorCategory | undefined;
  where: string;
  /** The levels themselves say 满意 (服务对象满意度 …). */
  namesSatisfaction: boolean;
}

function levelFacts(row: IndicatorRow): LevelFacts {
  const family = familyOf(row.level1, row.level2);
  let processOutput: string | null = null;
  if ((family === "决策" || family === "过程") && /决策|过程/.test(row.level1)) {
    const m = OUTPUT_LEVEL2.exec(headerKey(row.level2));
    processOutput = m && !/产出/.test(row.level1) ? m[2] : "";
  }
  return {
    family,
    processOutput,
    costUnderOutput: COST_LEVEL2.test(headerKey(row.level2)) && /产出/.test(row.level1),
    filed: filedCategory(row),
    where: filedAs(row),
    namesSatisfaction: /满意/.test(row.level1 + row.level2),
  };
}

/** The subject of a coverage of a service activity (清扫保洁覆盖率 → 清扫保洁), else null. */
function activityCoverage(name: string): string | null {
  const cov = COVERAGE.exec(nameKey(name));
  return cov && ACTIVITY.test(cov[1]) ? cov[1] : null;
}

function nameCell(row: IndicatorRow): CellPos {
  return levelCell(row, 3) ?? { sheet: row.sheet, row: row.row, col: row.col };
}

/** Where the row is filed, as written: its 二级 name, else its 一级 name. */
function filedAs(row: IndicatorRow): string {
  return (row.level2 || row.level1).replace(/\s+/g, "");
}

const rule = defineRule({
  id: "misfiled-indicator",
  severity: "warning",
  meta: {
    title: { "zh-CN": "指标归类不当", "en-US": "Indicator filed under the wrong category" },
    docs: {
      "zh-CN":
        "从指标名称看，指标放错了类别：满意度（满意度、满意率、满意程度）放在满意度指标以外；满意度指标下放的是事件发生数、资金执行率之类非满意度的指标；数量指标填的是项目自身的资金（资金支出率、预算执行率、资金到位率、拨付率、“××资金金额”“××补助经费”），把投入当成了产出；效益指标填的是期限（起止日期）或产出自身的覆盖率；生态效益下放的是成本、资金方面的影响；数量、质量、时效、成本指标挂在“项目决策、项目过程”等评价体系一级指标下而不在产出指标下。评价指标体系中“项目过程”下的资金到位率、预算执行率是正常的，不报。复核时要求单位把指标移到正确的类别，并补上该类别真正应有的指标（如效益指标写受益人数、环境改善的量化值，数量指标写完成的工作量），在评分中扣减“绩效指标明确性”。",
      "en-US":
        "Judged from its name, an indicator sits in the wrong category: a satisfaction measure (满意度, 满意率, 满意程度) outside the satisfaction group; something that is no satisfaction (an incident count, a budget-execution rate) under 满意度; the project's own money (资金支出率, 预算执行率, 资金到位率, 拨付率, a fund or grant amount) as an output quantity, an input counted as an output; a period (dates) or the output's own coverage as an effect (效益); a cost or money effect as an ecological effect; quantity, quality, timeliness or cost indicators under an evaluation-system first level (项目决策, 项目过程) instead of 产出. 资金到位率 and 预算执行率 under 项目过程 in an evaluation indicator system are where they belong and are not reported. A reviewer asks the unit to move the indicator to its category and to add what that category really needs (an effect measured as beneficiaries or an environmental figure, an output as the work done), and deducts points under indicator clarity.",
    },
    messages: {
      satisfaction: {
        "zh-CN":
          "指标“{name}”是满意度指标，却填在“{filed}”下；满意度应放在满意度指标中，“{filed}”应另设反映该类别的指标。",
        "en-US":
          'Indicator "{name}" is a satisfaction measure filed under "{filed}"; it belongs under satisfaction, and "{filed}" needs an indicator of its own kind.',
      },
      incidentAsSatisfaction: {
        "zh-CN":
          "指标“{name}”是事件、事故的发生数，不是满意度，却填在满意度指标（“{filed}”）下；应移到相应类别，满意度指标应反映服务对象的满意程度。",
        "en-US":
          'Indicator "{name}" is a count of incidents, not a satisfaction measure, yet it is filed under satisfaction ("{filed}"); move it to its category: satisfaction indicators measure how satisfied the people served are.',
      },
      fundsAsSatisfaction: {
        "zh-CN":
          "指标“{name}”是资金执行的比率，不是满意度，却填在满意度指标（“{filed}”）下；资金执行属于预算执行率，满意度指标应反映服务对象的满意程度。",
        "en-US":
          'Indicator "{name}" is a rate of budget execution, not a satisfaction measure, yet it is filed under satisfaction ("{filed}"); spending belongs to budget execution, and satisfaction indicators measure how satisfied the people served are.',
      },
      fundsRateAsOutput: {
        "zh-CN":
          "数量指标“{name}”是项目资金的执行比率，是投入而不是产出；数量指标应写完成的工作量（如：培训人数≥500人、修建道路12公里），资金执行放在预算执行率中。",
        "en-US":
          'Quantity indicator "{name}" is a rate at which the project\'s own money was spent, an input, not an output; a quantity indicator states the work delivered (e.g. 500 people trained, 12 km of road), and spending belongs to budget execution.',
      },
      fundsAsOutput: {
        "zh-CN":
          "数量指标“{name}”是项目自身的资金金额，是投入而不是产出；数量指标应写完成的工作量（如：培训人数≥500人、修建道路12公里），资金放在预算执行和成本指标中。",
        "en-US":
          'Quantity indicator "{name}" is an amount of the project\'s own money, an input, not an output; a quantity indicator states the work delivered (e.g. 500 people trained, 12 km of road), and money belongs to budget execution and cost.',
      },
      periodAsEffect: {
        "zh-CN":
          "效益指标“{name}”（{filed}）的指标值“{value}”是一个期限，不是效益；期限属于时效指标，效益指标应写项目带来的变化（如：受益人数、环境改善的量化值）。",
        "en-US":
          'Effect indicator "{name}" ({filed}) has the value "{value}", a period, not an effect; periods belong to timeliness, and an effect states the change the project brings (beneficiaries, a measured improvement).',
      },
      coverageAsEffect: {
        "zh-CN": "效益指标“{name}”（{filed}）是产出“{output}”自身的覆盖率，属于产出指标；效益指标应写项目带来的变化。",
        "en-US":
          'Effect indicator "{name}" ({filed}) is the coverage of the output "{output}" itself, an output measure; an effect states the change the project brings.',
      },
      costAsEcology: {
        "zh-CN":
          "指标“{name}”衡量的是成本或资金方面的影响，却填在生态效益（“{filed}”）下；应归入经济效益或成本指标，生态效益应写环境方面的量化值。",
        "en-US":
          'Indicator "{name}" measures a cost or money effect but is filed as an ecological effect ("{filed}"); it belongs to economic effects or cost, and an ecological effect states an environmental figure.',
      },
      notSatisfaction: {
        "zh-CN":
          "指标“{name}”填在满意度（“{filed}”）下，却没有衡量任何人的满意程度；满意度指标应写服务对象对项目的满意度（如：受益群众满意度≥90%），“{name}”应归入效益指标。",
        "en-US":
          'Indicator "{name}" is filed under satisfaction ("{filed}") but measures nobody\'s satisfaction; a satisfaction indicator states how satisfied the people served are (e.g. beneficiaries satisfied ≥ 90 %), and "{name}" belongs under effects.',
      },
      costUnderOutput: {
        "zh-CN":
          "二级指标“{level2}”属于一级指标“成本指标”，却填在“{level1}”下；成本指标应作为与产出、效益并列的一级指标填列。",
        "en-US":
          'The second level "{level2}" belongs to the first level 成本指标 (cost), yet it is filed under "{level1}"; cost is a first level of its own beside output and effect.',
      },
      outputUnderProcess: {
        "zh-CN":
          "{categories}指标填在一级指标“{level1}”下，而它是评价指标体系中立项、管理方面的一级指标，数量、质量、时效、成本属于产出指标。",
        "en-US":
          'The {categories} (quantity, quality, timeliness, cost) indicators are filed under the first level "{level1}", an evaluation-system level for the decision and management of a project; quantity, quality, timeliness and cost are outputs (产出).',
      },
    },
  },
  check(ctx) {
    const { tables } = ctx.model;
    for (let t = 0; t < tables.length; t++) checkTable(tables[t], ctx.report);
  },
});

type Report = Parameters<Parameters<typeof rule.check>[0]["report"]>[0];

function checkTable(table: IndicatorTable, report: (d: Report) => void): void {
  // Subjects of the table's output quantities, for coverage rates that only restate one of them.
  const outputs: string[] = [];
  for (const row of table.rows) if (row.level3 && filedCategory(row) === "数量") outputs.push(nameKey(row.level3));
  // One finding per misplaced first level (its output second levels named together).
  const underProcess = new Map<string, { row: IndicatorRow; categories: string[] }>();
  const costUnderOutput = new Set<string>();
  // Rows repeat their 一级 / 二级 pair: what the pair says is worked out once per pair.
  const levels = new Map<string, LevelFacts>();
  for (const row of table.rows) {
    const pairKey = `${row.level1}\u0001${row.level2}`;
    let lf = levels.get(pairKey);
    if (!lf) levels.set(pairKey, (lf = levelFacts(row)));
    if (lf.processOutput !== null) {
      // Only a level named 决策 / 过程 is an evaluation-system level: 管理效率 (department-wide forms) is not.
      if (lf.processOutput) {
        const key = headerKey(row.level1);
        const g = underProcess.get(key) ?? { row, categories: [] };
        if (!g.categories.includes(lf.processOutput)) g.categories.push(lf.processOutput);
        underProcess.set(key, g);
      }
      continue;
    }
    // The cost levels of the 2021 framework (经济成本指标 …) under 产出: 成本 is a first level of its own there.
    if (lf.costUnderOutput && !costUnderOutput.has(row.level2)) {
      costUnderOutput.add(row.level2);
      const at2 = levelCell(row, 2) ?? { sheet: row.sheet, row: row.row, col: row.col };
      report({
        messageId: "costUnderOutput",
        data: { level1: row.level1.replace(/\s+/g, ""), level2: row.level2.replace(/\s+/g, "") },
        sheet: at2.sheet,
        row: at2.row,
        col: at2.col,
        related: levelCell(row, 1) ? [levelCell(row, 1)!] : [],
      });
    }
    const filed = lf.filed;
    if (!row.level3 || !filed) continue;
    const name = row.level3.replace(/\s+/g, "");
    // Where to point and what to name, made only for a row that is reported.
    const at = () => {
      const c = nameCell(row);
      const l2 = levelCell(row, 2);
      return { sheet: c.sheet, row: c.row, col: c.col, related: l2 ? [l2] : [] };
    };
    if (filed !== "满意度" && lf.family !== "满意度" && !lf.namesSatisfaction && isSatisfactionMeasure(name)) {
      report({ ...at(), messageId: "satisfaction", data: { name, filed: lf.where } });
      continue;
    }
    if (filed === "满意度") {
      const id = isIncidentMeasure(name)
        ? "incidentAsSatisfaction"
        : isBudgetExecutionMeasure(name)
          ? "fundsAsSatisfaction"
          : !isViewOfPeopleServed(name) && !isPlaceholderName(name)
            ? "notSatisfaction"
            : null;
      if (id) report({ ...at(), messageId: id, data: { name, filed: lf.where } });
      continue;
    }
    if (filed === "数量") {
      const id = isBudgetExecutionMeasure(name) ? "fundsRateAsOutput" : isMoneyName(name) ? "fundsAsOutput" : null;
      if (id) report({ ...at(), messageId: id, data: { name } });
      continue;
    }
    if (!EFFECTS.has(filed)) continue;
    if (filed === "生态效益" && isCostEffect(name)) {
      report({ ...at(), messageId: "costAsEcology", data: { name, filed: lf.where } });
      continue;
    }
    const p = targetParse(row);
    if (p.date && /[-—~至到]/.test(p.text) && row.target) {
      // A period (2020年1月--2020年11月) as an effect: only a range is sure to be a period, not a deadline.
      report({ ...at(), messageId: "periodAsEffect", data: { name, filed: lf.where, value: p.text.trim() } });
      continue;
    }
    const subject = activityCoverage(name);
    if (subject !== null) {
      const output = outputs.find((o) => o.startsWith(subject));
      if (output) report({ ...at(), messageId: "coverageAsEffect", data: { name, filed: lf.where, output } });
    }
  }
  for (const [, g] of underProcess) {
    const at = levelCell(g.row, 1) ?? { sheet: g.row.sheet, row: g.row.row, col: g.row.col };
    report({
      messageId: "outputUnderProcess",
      data: {
        level1: g.row.level1.replace(/\s+/g, ""),
        categories: g.categories.join("、"),
      },
      sheet: at.sheet,
      row: at.row,
      col: at.col,
    });
  }
}

export default rule;
