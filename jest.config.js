/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "CommonJS", moduleResolution: "Node", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true }, diagnostics: false }],
    // office-addin-mock pulls in ESM-only uuid/strip-bom.
    "^.+\\.m?js$": ["ts-jest", { tsconfig: { allowJs: true, module: "CommonJS", isolatedModules: true }, diagnostics: false }],
  },
  transformIgnorePatterns: ["/node_modules/(?!(uuid|strip-bom)/)"],
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  testTimeout: 30000,
};
