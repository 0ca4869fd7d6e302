/// <reference types="custom-functions-runtime" />
/**
 * Entry of `functions.js`: registers the catalog's functions with Excel's runtime. In the shared
 * runtime it runs in the task pane page (taskpane.html loads it before taskpane.js).
 */
import { associateFunctions, type CustomFunctionsRuntime } from './functions.js';

if (typeof CustomFunctions !== 'undefined') {
  associateFunctions(CustomFunctions as unknown as CustomFunctionsRuntime);
}
