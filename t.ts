import { readWorkbook } from './cli/xlsx/read.js';
import { runAction } from './core/actions.js';
import { renderIssue } from './core/messages/index.js';
const { snapshot } = await readWorkbook('examples/alliance-exemple.xlsx');
const r = runAction('summary', snapshot, { now: new Date() });
console.log(r.plan.changedCells, r.plan.operation?.changes.length, r.plan.operation?.changes.map(c=>`${c.sheet}!${c.cell}=${JSON.stringify(c.before.value)}->${JSON.stringify(c.after)}`));
for (const i of r.issues.filter(i=>i.code==='summary.toolFigure')) console.log(renderIssue(i));
console.log(r.plan.sheets[0].blocks.filter(b=>b.fill).map(b=>[b.row,b.col,b.values[0][0]]));
