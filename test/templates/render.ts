import {
  evaluateTemplate,
  mergesOf,
  namesOf,
  type TemplateCell,
  type TemplateDefinition,
} from "../../src/core/templates";
import { renderFormula, type Expr } from "../../src/core/formula";
import { fromA1 } from "../../src/core/a1";
import { isEvalError } from "../../src/core/errors";
import { colToLetters, toA1 } from "../../src/core/a1";

/**
 * A readable text picture of a definition for the golden fixtures: sheet name, columns, print setup, merges,
 * names, then one line per cell in row order: address, style, number format, content (formula text with
 * its core-computed value after "→").
 */
export function renderDefinition(def: TemplateDefinition): string {
  const values = evaluateTemplate(def);
  const lines: string[] = [];
  lines.push(`# ${def.kind} (${def.lang})${def.example ? " example" : ""}`);
  lines.push(`sheet: ${def.sheetName}`);
  lines.push(`title: ${def.title}`);
  lines.push(`columns: ${def.columnWidths.map((w, i) => `${colToLetters(i)}=${w}`).join(" ")}`);
  const p = def.print;
  const rep = p.repeatRows ? ` repeat ${p.repeatRows.from + 1}:${p.repeatRows.to + 1}` : "";
  lines.push(`print: ${p.paper} ${p.orientation} scale ${p.scale}%${rep}`);
  lines.push(
    `heights: ${Object.entries(def.rowHeights)
      .map(([r, h]) => `${Number(r) + 1}=${h}`)
      .join(" ")}`,
  );
  lines.push(
    `merges: ${mergesOf(def)
      .map((m) => `${toA1(m.r0, m.c0)}:${toA1(m.r1, m.c1)}`)
      .join(" ")}`,
  );
  lines.push(
    `names: ${namesOf(def)
      .map((n) => `${n.name}=${n.a1}`)
      .join(" ")}`,
  );
  const cells = [...def.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const c of cells) {
    const a1 = toA1(c.row, c.col);
    const fmt = c.numFmt ? ` ${c.numFmt}` : "";
    let content: string;
    const f = formulaText(c);
    if (f) {
      const v = values.get(a1);
      content = `${f} → ${isEvalError(v) ? v.code : JSON.stringify(v)}`;
    } else content = c.value === null || c.value === undefined ? "" : JSON.stringify(c.value);
    lines.push(`${a1} [${c.style}${fmt}] ${content}`.trimEnd());
  }
  return lines.join("\n") + "\n";
}

/**
 * Every single cell on the formula's own sheet an expression reads (ranges expanded), for dependency and
 * bounds checks. Cross-sheet references are not cells of this sheet and are left out.
 */
export function referencedCells(e: Expr): string[] {
  const out: string[] = [];
  const walk = (x: Expr): void => {
    if (x.kind === "ref") {
      if (x.sheet === undefined) out.push(x.ref.replace(/\$/g, "").toUpperCase());
    } else if (x.kind === "range") {
      const a = fromA1(x.from);
      const b = fromA1(x.to);
      if (!a || !b || x.sheet !== undefined) return;
      for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++)
        for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) out.push(toA1(r, c));
    } else if (x.kind === "call") x.args.forEach(walk);
    else if (x.kind === "unary" || x.kind === "percent") walk(x.arg);
    else if (x.kind === "op") {
      walk(x.left);
      walk(x.right);
    }
  };
  walk(e);
  return out;
}

/** Grid extent (rows, cols) covering every cell and merge. */
export function extentOf(def: TemplateDefinition): { rows: number; cols: number } {
  let rows = 0;
  let cols = def.columnWidths.length;
  for (const c of def.cells) {
    rows = Math.max(rows, c.row + (c.rowSpan ?? 1));
    cols = Math.max(cols, c.col + (c.colSpan ?? 1));
  }
  return { rows, cols };
}

/** Formula text of a cell with the leading "=", or undefined. */
export function formulaText(cell: TemplateCell): string | undefined {
  return cell.formula ? renderFormula(cell.formula) : undefined;
}
