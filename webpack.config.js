/**
 * Builds the add-in: taskpane.html (shared runtime: task pane + custom functions + ribbon commands),
 * commands.html, demo.html (simulated host, no Office.js), functions.json (+ zh-CN), assets and manifest.
 *
 * Options (env or `--env`): ADDIN_URL rewrites https://localhost:3000/ in the copied manifest for deployment;
 * HTTPS=1 makes the dev server use https (needed to sideload into Excel; the demo page works over http).
 * `outputPath` (env.outputPath) lets tests build into a temp dir.
 */
const fs = require("fs");
const path = require("path");

const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_ORIGIN = "https://appsforoffice.microsoft.com";
const FUNCTIONS_TS = "./src/functions/functions.ts";
const LOCALIZE_JS = "./scripts/localize-functions.js";

/**
 * One policy for every page: scripts only from our origin and the Office CDN; no eval. Styles allow inline
 * because Fluent UI (Griffel) inserts <style> rules at run time; that grants no script execution.
 */
function contentSecurityPolicy({ office }) {
  return [
    "default-src 'self'",
    `script-src 'self'${office ? ` ${OFFICE_ORIGIN}` : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** Emits functions.zh-CN.json from the functions.json the metadata plugin produced. */
class LocalizeFunctionsPlugin {
  constructor(localizePath) {
    this.localizePath = localizePath;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizeFunctionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizeFunctionsPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const en = compilation.getAsset("functions.json");
          if (!en) return;
          // Fresh require each build so edits to the dictionary show up under the dev server.
          delete require.cache[require.resolve(this.localizePath)];
          const { localize } = require(this.localizePath);
          const source = en.source.source().toString();
          let zh = localize(source);
          if (typeof zh !== "string") zh = JSON.stringify(zh, null, 2);
          compilation.emitAsset("functions.zh-CN.json", new compiler.webpack.sources.RawSource(zh));
        },
      );
    });
  }
}

/**
 * Emits entrypoints.json: for each entry, the files a page loads for it in order. Tests use it to show that the
 * functions path carries no React/Fluent UI, and the benchmark to sum what the first screen loads.
 */
class EntrypointsManifestPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("EntrypointsManifestPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "EntrypointsManifestPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const out = {};
          for (const [name, ep] of compilation.entrypoints) {
            out[name] = ep.getFiles().filter((f) => f.endsWith(".js"));
          }
          const json = JSON.stringify(out, null, 2);
          compilation.emitAsset("entrypoints.json", new compiler.webpack.sources.RawSource(json));
        },
      );
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const hasFunctions = fs.existsSync(path.resolve(__dirname, FUNCTIONS_TS));
  const hasLocalize = fs.existsSync(path.resolve(__dirname, LOCALIZE_JS));
  const addinUrl = env.ADDIN_URL || process.env.ADDIN_URL;
  const outputPath = path.resolve(__dirname, env.outputPath || process.env.PERF_EVAL_DIST || "dist");
  if (!hasFunctions) console.warn(`[webpack] ${FUNCTIONS_TS} not found: building without the custom functions entry`);

  const entry = {
    ...(hasFunctions ? { functions: FUNCTIONS_TS } : {}),
    commands: "./src/commands/commands.ts",
    "office-guard": "./src/taskpane/officeGuard.ts",
    taskpane: "./src/taskpane/index.tsx",
    demo: "./src/demo/demo.ts",
    // The check runs in a Web Worker (issue 14): a self-contained file, loaded by URL from the pane's pages.
    // runtime: false keeps its runtime in its own file (a worker cannot load the pages' runtime chunk).
    "check-worker": { import: "./src/taskpane/checkWorker.ts", runtime: false },
  };
  const paneChunks = ["office-guard", hasFunctions && "functions", "commands", "taskpane"].filter(Boolean);

  const page = (filename, template, chunks, office) =>
    new HtmlWebpackPlugin({
      filename,
      template,
      chunks,
      chunksSortMode: "manual",
      inject: "body",
      scriptLoading: "blocking",
      templateParameters: { csp: contentSecurityPolicy({ office }), officeJs: office ? OFFICE_JS : "" },
      minify: dev ? false : { collapseWhitespace: true, removeComments: true },
    });

  return {
    mode: dev ? "development" : "production",
    // No eval-based source maps: the CSP forbids eval, in development too.
    devtool: dev ? "cheap-module-source-map" : "source-map",
    entry,
    output: {
      path: outputPath,
      filename: "[name].js",
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].js",
      clean: true,
      publicPath: "auto",
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type errors are `npm run typecheck`'s job; the bundle only needs the transpiled code.
            options: { transpileOnly: true, compilerOptions: { module: "ESNext", sourceMap: true } },
          },
        },
      ],
    },
    optimization: {
      // One runtime per page, so the functions, commands and task pane entries share module instances
      // (the ribbon's check result reaches the pane through a shared store).
      runtimeChunk: "single",
      splitChunks: {
        // The check worker's modules stay in its one file: a worker cannot load the pages' JSONP chunks.
        chunks: (chunk) => chunk.name !== "check-worker",
        cacheGroups: {
          react: {
            test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/,
            name: "react",
            chunks: "initial",
            priority: 20,
          },
          fluent: {
            test: /[\\/]node_modules[\\/](@fluentui|@griffel|tabster|keyborg|@floating-ui|@swc|tslib|use-sync-external-store|@emotion)[\\/]/,
            name: "fluent",
            // Only what the first screen needs; components used by the lazy tabs load with them.
            chunks: "initial",
            priority: 10,
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      ...(hasFunctions ? [new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTIONS_TS })] : []),
      ...(hasFunctions && hasLocalize ? [new LocalizeFunctionsPlugin(path.resolve(__dirname, LOCALIZE_JS))] : []),
      new EntrypointsManifestPlugin(),
      page("taskpane.html", "./src/taskpane/taskpane.html", paneChunks, true),
      page("commands.html", "./src/commands/commands.html", ["commands"], true),
      page("demo.html", "./src/demo/demo.html", ["demo"], false),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              addinUrl ? content.toString().split(DEV_URL).join(addinUrl.replace(/\/?$/, "/")) : content,
          },
        ],
      }),
    ],
    devServer: {
      host: "localhost",
      port: 3000,
      server: process.env.HTTPS ? "https" : "http",
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: false },
      headers: { "Access-Control-Allow-Origin": "*" },
      open: false,
      // The demo page is what a newcomer opens: "/" leads there, and the address is printed once listening.
      setupMiddlewares: (middlewares) => {
        middlewares.unshift({
          name: "demo-redirect",
          middleware: (req, res, next) => {
            if (req.method === "GET" && (req.url === "/" || req.url === "/index.html")) {
              res.statusCode = 302;
              res.setHeader("Location", "/demo.html");
              res.end();
              return;
            }
            next();
          },
        });
        return middlewares;
      },
      onListening: (devServer) => {
        const addr = devServer.server && devServer.server.address();
        const port = addr && typeof addr === "object" ? addr.port : 3000;
        const scheme = process.env.HTTPS ? "https" : "http";
        console.log(`\n  绩效评价助手 demo (no Excel needed): ${scheme}://localhost:${port}/demo.html\n`);
      },
    },
  };
};

module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.OFFICE_JS = OFFICE_JS;
