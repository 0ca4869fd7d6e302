/** `alliance template [-o FILE]`: a fresh workbook with every sheet, header, list and the plan's settings. */
import ExcelJS from 'exceljs';
import { runAction } from '../../core/actions.js';
import type { WorkbookSnapshot } from '../../core/cells.js';
import { resolvePlan } from '../../core/writes.js';
import { type Command, sizeOf, UsageError, write } from '../command.js';
import { applyResolved } from '../xlsx/apply.js';

export const template: Command = {
  async run({ files, options, lang, text, now, io }) {
    // `alliance template NEW.xlsx` is understood as `-o NEW.xlsx`.
    if (files.length > 0 && options.output) throw new UsageError(text.tooManyFiles);
    const output = options.output ?? files[0] ?? 'alliance-gabarit.xlsx';
    // A fresh template never replaces a workbook that is already there, unless asked to.
    if (!options.yes && (await sizeOf(output)) >= 0) throw new UsageError(text.outputExists(output));
    const snapshot: WorkbookSnapshot = { sheets: [] };
    const result = runAction('template', snapshot, { lang, now });
    const workbook = new ExcelJS.Workbook();
    workbook.created = now;
    workbook.modified = now;
    const { resolved } = resolvePlan(result.plan, snapshot);
    applyResolved(workbook, resolved);
    await write(workbook, output, undefined, resolved, text);
    io.stdout(result.summary);
    io.stderr(text.written(output));
    return 0;
  },
};
