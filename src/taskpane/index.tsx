import { toLocale } from "../core/locale";
import { mountTaskpane } from "./mount";
import { preloadCheckTab } from "./App";

// Fetch the 检查 tab's chunk while Office.js initializes rather than after.
void preloadCheckTab().catch(() => undefined);

function start(): void {
  const el = document.getElementById("root");
  if (!el) return;
  const lang = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  // No Office.js, or Office.js without a host (the page opened in a browser): say so instead of failing later.
  const flagged = (globalThis as { __perfEvalOutsideOffice?: boolean }).__perfEvalOutsideOffice === true;
  const noHost = typeof Office !== "undefined" && !Office.context?.host;
  mountTaskpane(el, { locale: toLocale(lang ?? navigator.language), outsideOffice: flagged || noHost });
}

// Office.onReady resolves inside Excel; outside it (page opened directly, Office script blocked) the pane still
// renders and its actions report that Excel is not available.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady().then(start, start);
} else {
  start();
}
