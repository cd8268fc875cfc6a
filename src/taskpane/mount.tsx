import { createRoot, type Root } from "react-dom/client";
import { App } from "./App";
import { officeServices, type PaneServices } from "./services";
import type { Locale } from "../core/locale";

export interface MountOptions {
  locale: Locale;
  services?: PaneServices;
}

/** Renders the task pane app into `element`; used by taskpane.html and by the demo page. */
export function mountTaskpane(element: HTMLElement, options: MountOptions): Root {
  const root = createRoot(element);
  root.render(<App initialLocale={options.locale} services={options.services ?? officeServices} />);
  return root;
}
