/**
 * The newcomer's path (issue 14): `npm start` prints the demo page's address, and "/" leads there instead of
 * answering "Cannot GET /". The dev server's own hooks from webpack.config.js, called as webpack-dev-server calls
 * them (starting the real server would need a full build).
 */
import * as path from "path";

type Middleware = { name: string; middleware: (req: unknown, res: unknown, next: () => void) => void };
interface DevServerConfig {
  setupMiddlewares(m: Middleware[], server: unknown): Middleware[];
  onListening(server: { server: { address(): unknown } }): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(path.join(__dirname, "..", "..", "webpack.config.js"));
const devServer = (): DevServerConfig => makeConfig({}, { mode: "development" }).devServer;

function fakeResponse() {
  const res = { statusCode: 200, headers: {} as Record<string, string>, ended: false };
  return Object.assign(res, {
    setHeader: (k: string, v: string) => (res.headers[k.toLowerCase()] = v),
    end: () => (res.ended = true),
  });
}

describe("dev server", () => {
  it("redirects / (and /index.html) to the demo page, and passes everything else on", () => {
    const [first] = devServer().setupMiddlewares([], {});
    for (const url of ["/", "/index.html"]) {
      const res = fakeResponse();
      let passed = false;
      first.middleware({ method: "GET", url }, res, () => (passed = true));
      expect(passed).toBe(false);
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe("/demo.html");
    }
    const res = fakeResponse();
    let passed = false;
    first.middleware({ method: "GET", url: "/taskpane.html" }, res, () => (passed = true));
    expect(passed).toBe(true);
    expect(res.ended).toBe(false);
  });

  it("prints the demo page's address once listening", () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      devServer().onListening({ server: { address: () => ({ port: 3123 }) } });
      expect(log.mock.calls.map((c) => String(c[0])).join("\n")).toMatch(/https?:\/\/localhost:3123\/demo\.html/);
    } finally {
      log.mockRestore();
    }
  });
});
