import { createRoot, type Root } from "react-dom/client";
import { App, preloadCheckTab } from "./App";
import { officeServices, type PaneServices } from "./services";
import type { Locale } from "../core/locale";

interface MountOptions {
  locale: Locale;
  services?: PaneServices;
  /** The page runs outside Office (no Excel to talk to): the pane says so above its tabs. */
  outsideOffice?: boolean;
}

/** Renders the task pane app into `element`; used by taskpane.html and by the demo page. */
export function mountTaskpane(element: HTMLElement, options: MountOptions): Root {
  const root = createRoot(element);
  const render = () =>
    root.render(
      <App
        initialLocale={options.locale}
        services={options.services ?? officeServices}
        outsideOffice={options.outsideOffice}
      />,
    );
  // The first render waits for the 检查 tab's body (see App), so the first screen comes complete in one commit.
  preloadCheckTab().then(render, render);
  return root;
}
