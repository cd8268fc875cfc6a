/** The part reader's two small pieces: the XML scanner and the shared-formula translation. */
import { XmlScanner } from "../../src/xlsx/xml";
import { shiftFormula } from "../../src/xlsx/sharedFormula";

function events(xml: string): string[] {
  const x = new XmlScanner(xml);
  const out: string[] = [];
  while (x.next()) {
    if (x.isOpen()) out.push(`<${x.tag()}${x.selfClosing() ? "/" : ""}>`);
    else out.push(`</${x.tag()}>${JSON.stringify(x.text())}`);
  }
  return out;
}

describe("XmlScanner", () => {
  test("elements, self-closing tags, text with entities, CDATA and comments, prefixes dropped", () => {
    expect(
      events(`<?xml version="1.0"?><a:r><t>x &amp; y</t><!-- c --><b/><t>1<![CDATA[<&>]]>2&#20013;</t></a:r>`),
    ).toEqual(["<r>", "<t>", '</t>"x & y"', "<b/>", "<t>", '</t>"1<&>2中"', '</r>""']);
  });

  test("attributes: double or single quotes, entities, prefixed ones found by local name", () => {
    const x = new XmlScanner(`<sheet name='A &amp; B' sheetId="1" r:id="rId7" state = "hidden"/>`);
    expect(x.next()).toBe(true);
    expect(x.attr("name")).toBe("A & B");
    expect(x.attr("state")).toBe("hidden");
    expect(x.attr("id")).toBeNull();
    expect(x.prefixedAttr("id")).toBe("rId7");
    expect(x.attr("missing")).toBeNull();
  });

  test("skipElement passes over nested content", () => {
    const x = new XmlScanner(`<w><extLst><ext><x14:a><b/></x14:a></ext></extLst><c/></w>`);
    x.next();
    x.next();
    expect(x.tag()).toBe("extLst");
    x.skipElement();
    x.next();
    expect(x.tag()).toBe("c");
  });

  test.each([
    ["mismatched close", "<a><b></a></b>"],
    ["unclosed", "<a><b></b>"],
    ["DOCTYPE", '<!DOCTYPE a [<!ENTITY e "x">]><a/>'],
    ["cut-off tag", "<a><b"],
    ["unterminated attribute", '<a x="1/>'],
    ["unterminated comment", "<a><!-- x</a>"],
  ])("refuses %s", (_n, xml) => {
    let thrown: unknown = null;
    try {
      events(xml);
    } catch (e) {
      thrown = e;
    }
    // The scanner's own refusal (the part reader then falls back to ExcelJS), not a crash inside it.
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe("XmlScanError");
  });

  test("text decodes the XML entities and leaves unknown ones as written", () => {
    expect(events("<t>&lt;&gt;&amp;&quot;&apos;&#x41;&#66;&nbsp;</t>")).toEqual([
      "<t>",
      `</t>${JSON.stringify(`<>&"'AB&nbsp;`)}`,
    ]);
  });
});

describe("shiftFormula (a shared formula seen from another cell)", () => {
  test.each([
    ["A1*2", 1, 0, "A2*2"],
    ["A1*2", 0, 2, "C1*2"],
    ["$A$1+A$1+$A1", 3, 3, "$A$1+D$1+$A4"],
    ["SUM(A1:B3)/COUNT(B1:B3)", 2, 1, "SUM(B3:C5)/COUNT(C3:C5)"],
    ["自评表!D19-'申报 表'!D16", 1, 0, "自评表!D20-'申报 表'!D17"],
    ['IF(A1="B2","A1",A1)', 1, 0, 'IF(A2="B2","A1",A2)'],
    ["LOG10(A1)+ATAN2(A1,1)", 1, 0, "LOG10(A2)+ATAN2(A2,1)"],
    ["SUM(A:A)+SUM(2:3)+SUM($B:$B)", 1, 1, "SUM(B:B)+SUM(3:4)+SUM($B:$B)"],
    ["A1*1E+10+0.5", 1, 0, "A2*1E+10+0.5"],
    ["Scores[分值]+A1", 1, 0, "Scores[分值]+A2"],
    ["指标A1+TRUE", 1, 0, "指标A1+TRUE"],
    ["A2-1", -2, 0, "#REF!-1"],
    ["XFD1+A1", 0, 1, "#REF!+B1"],
    ["A1", 0, 0, "A1"],
  ])("%s moved by (%i, %i) → %s", (f, dr, dc, expected) => {
    expect(shiftFormula(f, dr, dc)).toBe(expected);
  });
});
