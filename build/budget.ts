/**
 * The most any one script we ship may weigh (design.md « Performance budgets »): taskpane.js,
 * taskpane-en.js and functions.js (Code.js: below). The builds warn past it, the build tests and
 * `npm run bench` check it.
 */
export const BUNDLE_BUDGET_BYTES = 200 * 1024;

/**
 * Code.js alone gets more: Apps Script loads every script file of a project on each call, so it
 * cannot carry one language as the task pane does, and at 209 KiB (2026-12-03) it is over
 * design.md's 200 KB. A deviation, not a target: issue #16 tracks the cut (the code itself must
 * shrink; messages are a quarter of it, both languages needed for the sidebar's English).
 */
export const CODE_JS_BUDGET_BYTES = 216 * 1024;
