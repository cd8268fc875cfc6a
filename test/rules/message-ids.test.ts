/**
 * `messageId` is a typed union per rule: `defineRule` infers it from `meta.messages`, so a report with an id the
 * rule does not declare does not compile (`npx tsc -p tsconfig.json` checks the line marked below), and every
 * rule is declared that way with every id it reports present in its messages.
 */
import * as fs from "fs";
import * as path from "path";
import { defineRule } from "../../src/core/rules/types";
import { RULES } from "../../src/core/rules";

const text = { "zh-CN": "x", "en-US": "x" };

test("a report with an undeclared messageId is a type error", () => {
  const reported: string[] = [];
  const rule = defineRule({
    id: "weight-total",
    severity: "warning",
    meta: { title: text, docs: text, messages: { known: text } },
    check(ctx) {
      ctx.report({ messageId: "known", sheet: "s", row: 0, col: 0 });
      // @ts-expect-error "unknown" is not a key of meta.messages
      ctx.report({ messageId: "unknown", sheet: "s", row: 0, col: 0 });
    },
  });
  rule.check({
    report: (d: { messageId: string }) => void reported.push(d.messageId),
  } as unknown as Parameters<typeof rule.check>[0]);
  expect(reported).toEqual(["known", "unknown"]);
});

const dir = path.join(__dirname, "..", "..", "src", "core", "rules");

test.each(RULES.map((r) => [r.id] as const))("%s is declared with defineRule and reports only its own ids", (id) => {
  const src = fs.readFileSync(path.join(dir, `${id}.ts`), "utf8");
  expect(src).toMatch(/defineRule[<(]/);
  const rule = RULES.find((r) => r.id === id)!;
  // Every literal id in the file (messageId: "x", ternaries and helpers included) is a declared message.
  const literals = [...src.matchAll(/messageId[^;\n]*/g)].flatMap((m) =>
    [...m[0].matchAll(/"(\w+)"/g)].map((x) => x[1]),
  );
  for (const m of literals) expect(Object.keys(rule.meta.messages)).toContain(m);
  // An id passed through a typed variable (messageId: problem, a union of the declared ids) is checked by the
  // compiler alone; either way the rule reports something.
  const variables = src.match(/messageId(: |,)\s*[a-z]\w*/g) ?? [];
  expect(literals.length + variables.length).toBeGreaterThan(0);
});
