/**
 * Flat ESLint config: eslint-plugin-office-addins' React preset (typescript-eslint parser, Office.js rules such as
 * no context.sync() in loops, prettier as a rule), typescript-eslint's recommended rules, React rules.
 */
const officeAddins = require("eslint-plugin-office-addins");
const tseslint = require("typescript-eslint");
const globals = require("globals");

// The office-addins preset lists only .js/.ts files; its Office.js rules matter as much in .tsx components.
const officeRules = officeAddins.configs.recommended.find(
  (c) => c.rules && c.rules["office-addins/no-context-sync-in-loop"],
);

module.exports = [
  { ignores: ["dist/**", "build/**", "coverage/**", "test-artifacts/**", "node_modules/**", "bench/results*/**"] },
  ...officeAddins.configs.react,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,cjs,mjs}"],
    plugins: officeRules.plugins,
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: "latest",
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser },
    },
    settings: { react: { version: "18.3" } },
    rules: {
      ...officeRules.rules,
      // A sync per iteration is the slowest thing an add-in can do; treat it as an error, not a hint.
      "office-addins/no-context-sync-in-loop": "error",
      // That rule only knows a variable named `context`; this one covers the usual other names.
      "no-restricted-syntax": [
        "error",
        {
          selector:
            ":matches(ForStatement, ForInStatement, ForOfStatement, WhileStatement, DoWhileStatement) CallExpression[callee.property.name='sync'][callee.object.name=/^(ctx|requestContext|rc)$/]",
          message: "Calling sync() inside a loop costs one round trip to Excel per iteration: queue, then sync once.",
        },
      ],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // typescript-eslint 8.8 reads these options without defaults under ESLint 9.39: spell them out.
      "@typescript-eslint/no-unused-expressions": [
        "error",
        { allowShortCircuit: false, allowTernary: false, allowTaggedTemplates: false, enforceForJSX: false },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      // TypeScript checks names; no-undef does not know ambient Office/Excel/CustomFunctions types.
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
      "react/jsx-uses-react": "off",
      "react/prop-types": "off",
      "react/no-danger": "error",
    },
  },
  {
    files: ["**/*.js", "**/*.cjs", "scripts/**", "bin/**"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["test/**", "bench/**"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
];
