/// <reference types="custom-functions-runtime" />
/**
 * Entry of `functions.js`: registers the catalog's functions with Excel's runtime. In the shared
 * runtime it runs in the task pane page (taskpane.html loads it before taskpane.js).
 */
/// <reference types="office-js" />
import { CATALOG } from '../core/catalog/catalog.js';
import { readDateSystem } from './excel-adapter.js';
import { askDateSystem, associateFunctions, type CustomFunctionsRuntime } from './functions.js';

if (typeof CustomFunctions !== 'undefined') {
  // In the shared runtime the functions may use Excel's API: they ask the date system once.
  const dateSystem = askDateSystem(() => Office.onReady().then(() => Excel.run(readDateSystem)));
  associateFunctions(CustomFunctions as unknown as CustomFunctionsRuntime, CATALOG, 'fr', dateSystem);
}
