/**
 * The most any one script we ship may weigh (design.md « Performance budgets »): Code.js of the
 * bound script and of the editor add-on, taskpane.js, taskpane-en.js and functions.js. The builds
 * warn past it, the build tests and `npm run bench` check it.
 */
export const BUNDLE_BUDGET_BYTES = 200 * 1024;
