/**
 * Display text of a cell value under a number format — the subset of Excel's formats the forms use
 * (General, @, 0, 0.00, #,##0.00, 0.00%, literal units such as 0.00"万元", dates such as yyyy-mm-dd or
 * yyyy"年"m"月"d"日"), enough for `range.text` and the demo grid.
 */
import type { CellValue } from "../core/snapshot";

function general(n: number): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  if (abs >= 1e11 || abs < 1e-9)
    return n
      .toExponential(5)
      .replace(/\.?0+e/, "E")
      .toUpperCase();
  // Excel's General shows about 10 significant digits.
  return Number(n.toPrecision(10)).toString();
}

function grouped(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Split a format section into literal text and code: "0.00\"万元\"" → code "0.00", literals around it. */
function literalsOf(section: string): { prefix: string; code: string; suffix: string } {
  let prefix = "";
  let suffix = "";
  let code = "";
  const re = /"([^"]*)"|\\(.)|(\[[^\]]*\])|([^"\\[]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(section))) {
    const lit = m[1] ?? m[2];
    if (lit !== undefined) {
      if (code) suffix += lit;
      else prefix += lit;
    } else if (m[3]) {
      // [Red], [$-804] and the like: no text.
    } else code += m[4];
  }
  return { prefix, code, suffix };
}

const isDateCode = (code: string) =>
  /[yd]/i.test(code) || /(^|[^0#?.,])m+([^0#?]|$)/i.test(code.replace(/[年月日]/g, ""));

function formatDate(serial: number, section: string): string {
  // Excel's 1900 date system (serials after 1900-02-28).
  const d = new Date(Math.round((serial - 25569) * 86400000));
  if (Number.isNaN(d.getTime())) return general(serial);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth() + 1;
  const da = d.getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  let out = "";
  const re = /"([^"]*)"|\\(.)|(\[[^\]]*\])|(yyyy|yy|mm|m|dd|d)|(.)/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(section))) {
    if (m[1] !== undefined) out += m[1];
    else if (m[2] !== undefined) out += m[2];
    else if (m[3]) continue;
    else if (m[4]) {
      const t = m[4].toLowerCase();
      out +=
        t === "yyyy"
          ? String(y)
          : t === "yy"
            ? pad(y % 100)
            : t === "mm"
              ? pad(mo)
              : t === "m"
                ? String(mo)
                : t === "dd"
                  ? pad(da)
                  : String(da);
    } else out += m[5];
  }
  return out;
}

export function formatCellText(v: CellValue, fmt: string): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const sections = (fmt || "General").split(";");
  const useNeg = v < 0 && sections.length > 1;
  const section = useNeg ? sections[1] : sections[0];
  const lit = literalsOf(section);
  if (/^\s*(General|@)?\s*$/i.test(lit.code)) return `${lit.prefix}${general(useNeg ? -v : v)}${lit.suffix}`;
  if (isDateCode(lit.code)) return formatDate(v, section);
  // Unquoted characters around the digits, e.g. the parentheses of "(0.00)", are literal too.
  const m = /^([^0#?.,%]*)(.*?)([^0#?.,%]*)$/.exec(lit.code)!;
  const prefix = lit.prefix + m[1];
  const code = m[2];
  const suffix = m[3] + lit.suffix;
  const pct = code.includes("%");
  const dec = /\.([0#]+)/.exec(code)?.[1].length ?? 0;
  const x = (pct ? v * 100 : v) * (useNeg ? -1 : 1);
  let s = Math.abs(x).toFixed(dec);
  if (code.includes(",")) {
    const [i, d] = s.split(".");
    s = grouped(i) + (d ? `.${d}` : "");
  }
  const sign = x < 0 && Number(s.replace(/,/g, "")) !== 0 ? "-" : "";
  return `${sign}${prefix}${s}${pct && !suffix.includes("%") ? "%" : ""}${suffix}`;
}
