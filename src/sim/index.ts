/** The simulated Excel host: public entry point for tests, the demo page and headless-browser runs. */
export { installSimHost, type SimHost, type SimHostOptions } from "./host";
export {
  SimWorkbook,
  SimSheet,
  enterValue,
  type CellState,
  type CellView,
  type WorkbookState,
  type SheetOptions,
  type Visibility,
} from "./model";
export { SimOfficeError, jsonBytes } from "./context";
export { formatCellText } from "./format";
export { evaluateFormula } from "./formula";
