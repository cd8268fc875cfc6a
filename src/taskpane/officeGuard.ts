/**
 * Loaded first on taskpane.html. Outside Office (the page opened in a browser, or Office.js blocked) there is no
 * CustomFunctions runtime, and the functions entry's generated CustomFunctions.associate calls would throw
 * "CustomFunctions is not defined". Then this installs an inert stand-in (nothing is registered: there is no
 * Excel to call the functions) and flags the page, so the pane shows a short note pointing to the demo page.
 */
const g = globalThis as unknown as { CustomFunctions?: unknown; Office?: unknown; __perfEvalOutsideOffice?: boolean };

if (typeof g.CustomFunctions === "undefined") {
  g.__perfEvalOutsideOffice = typeof g.Office === "undefined";
  class InertError extends Error {
    constructor(
      readonly code?: string,
      message?: string,
    ) {
      super(message ?? code);
    }
  }
  g.CustomFunctions = {
    associate: () => undefined,
    Error: InertError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
  };
}

export {};
