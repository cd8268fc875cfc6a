import { evaluateTemplate, formulaText, mergesOf, namesOf, type TemplateDefinition } from "../../src/core/templates";
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
