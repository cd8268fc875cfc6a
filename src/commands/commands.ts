/**
 * Ribbon commands. In the shared runtime this runs in the task pane's page, so the check result published here
 * is the one the pane shows.
 */
import { getCheckOptions, publishCheck, publishCheckError } from "../taskpane/checkStore";
import { officeServices } from "../taskpane/services";

interface CompletableEvent {
  completed: () => void;
}

/**
 * 一键检查: runs the same check as the pane's button with the pane's current options, then shows the pane so the
 * findings are visible. `event.completed()` is always called, or Excel would keep the button busy.
 */
async function runCheckCommand(event: CompletableEvent): Promise<void> {
  try {
    const result = await officeServices.runCheck({ ...getCheckOptions() });
    publishCheck(result, "ribbon");
  } catch (err) {
    publishCheckError(err, "ribbon");
  } finally {
    try {
      if (typeof Office !== "undefined" && Office.addin?.showAsTaskpane) await Office.addin.showAsTaskpane();
    } catch {
      // Hosts without SharedRuntime 1.1 cannot show the pane from a command; the result is still stored for it.
    }
    event.completed();
  }
}

/** Associates the manifest's ExecuteFunction names with their handlers; safe to call more than once. */
export function registerCommands(): void {
  if (typeof Office === "undefined" || typeof Office.actions?.associate !== "function") return;
  Office.actions.associate("runCheck", runCheckCommand);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady().then(registerCommands);
}
