/**
 * A clustered column chart added to an .xlsx written by ExcelJS, which cannot write charts itself. The chart is
 * three new parts (drawing, its rels, the chart) plus the sheet's <drawing> element, its rels and two content
 * types, as the Office Open XML spreadsheet format lays them out. The series reads its cells by reference and
 * carries a cache of their values, so any spreadsheet program shows it before recalculating.
 */
import JSZip from "jszip";

export interface ColumnChart {
  /** The sheet the chart is drawn on and whose cells it reads. */
  sheet: string;
  title: string;
  /** Series name, and the ranges of the categories and the values on `sheet` ("$A$11:$A$15"). */
  seriesName: string;
  categoriesRef: string;
  valuesRef: string;
  categories: string[];
  values: number[];
  /** Placement in 0-based cells: top-left column/row and bottom-right column/row. */
  from: { col: number; row: number };
  to: { col: number; row: number };
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function quoted(sheet: string, ref: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${ref}`;
}

function chartXml(c: ColumnChart): string {
  const cat = c.categories.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join("");
  const val = c.values.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(c.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${esc(c.seriesName)}</c:v></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
    `<c:cat><c:strRef><c:f>${esc(quoted(c.sheet, c.categoriesRef))}</c:f><c:strCache>` +
    `<c:ptCount val="${c.categories.length}"/>${cat}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(quoted(c.sheet, c.valuesRef))}</c:f><c:numCache><c:formatCode>General</c:formatCode>` +
    `<c:ptCount val="${c.values.length}"/>${val}</c:numCache></c:numRef></c:val></c:ser>` +
    `<c:gapWidth val="80"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>` +
    `<c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="50010"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="1"/>` +
    `</c:valAx></c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function drawingXml(c: ColumnChart): string {
  const at = (tag: string, p: { col: number; row: number }) =>
    `<xdr:${tag}><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row>` +
    `<xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
    `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor>` +
    at("from", c.from) +
    at("to", c.to) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="${esc(c.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

function rels(items: { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">` +
    items.map((r) => `<Relationship Id="${r.id}" Type="${REL}/${r.type}" Target="${r.target}"/>`).join("") +
    `</Relationships>`
  );
}

/** The worksheet part of a sheet name, through workbook.xml and its rels ("xl/worksheets/sheet3.xml"). */
async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const m = new RegExp(`<sheet [^>]*name="${esc(sheet).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*/>`).exec(wb);
  const id = m && /r:id="([^"]+)"/.exec(m[0])?.[1];
  if (!id) throw new Error(`chart: no sheet named ${sheet}`);
  const wbRels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const rel = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*/>`).exec(wbRels);
  const target = rel && /Target="([^"]+)"/.exec(rel[0])?.[1];
  if (!target) throw new Error(`chart: no part for sheet ${sheet}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** The .xlsx bytes with the chart added; throws when the sheet already has drawings (not needed here). */
export async function addColumnChart(xlsx: Buffer, chart: ColumnChart): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const part = await sheetPart(zip, chart.sheet);
  const dir = part.slice(0, part.lastIndexOf("/"));
  const base = part.slice(part.lastIndexOf("/") + 1);
  const relsPath = `${dir}/_rels/${base}.rels`;
  if (zip.file(relsPath)) throw new Error(`chart: ${chart.sheet} already has relationships`);
  let n = 1;
  while (zip.file(`xl/charts/chart${n}.xml`) || zip.file(`xl/drawings/drawing${n}.xml`)) n++;

  zip.file(`xl/charts/chart${n}.xml`, chartXml(chart));
  zip.file(`xl/drawings/drawing${n}.xml`, drawingXml(chart));
  zip.file(
    `xl/drawings/_rels/drawing${n}.xml.rels`,
    rels([{ id: "rId1", type: "chart", target: `../charts/chart${n}.xml` }]),
  );
  zip.file(relsPath, rels([{ id: "rId1", type: "drawing", target: `../drawings/drawing${n}.xml` }]));

  let sheetXml = await zip.file(part)!.async("string");
  if (!/xmlns:r=/.test(sheetXml)) sheetXml = sheetXml.replace(/<worksheet\b/, `<worksheet xmlns:r="${REL}"`);
  // <drawing> follows pageMargins/pageSetup/headerFooter and precedes legacyDrawing, tableParts and extLst.
  const before =
    /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b/.exec(sheetXml);
  const at = before ? before.index : sheetXml.lastIndexOf("</worksheet>");
  sheetXml = `${sheetXml.slice(0, at)}<drawing r:id="rId1"/>${sheetXml.slice(at)}`;
  zip.file(part, sheetXml);

  let types = await zip.file("[Content_Types].xml")!.async("string");
  types = types.replace(
    "</Types>",
    `<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
      `<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
  );
  zip.file("[Content_Types].xml", types);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
