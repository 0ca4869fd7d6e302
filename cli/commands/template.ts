/**
 * `alliance template [-o FILE]`: a new workbook with every sheet, header, list and the plan's
 * settings; or, when FILE exists, the sheets it lacks added to it, as the task pane's « Créer le
 * gabarit » does. An existing workbook is never replaced: its sheets and cells stay as they are
 * (the template changes no staff cell, so nothing goes to the Journal), and it is written in place
 * only when the package step can carry everything it holds (design.md « Nothing lost »).
 */
import ExcelJS from 'exceljs';
import { runAction } from '../../core/actions.js';
import type { WorkbookSnapshot } from '../../core/cells.js';
import { renderIssue } from '../../core/messages/index.js';
import { resolvePlan } from '../../core/writes.js';
import { type Command, sizeOf, UsageError, write } from '../command.js';
import { applyResolved } from '../xlsx/apply.js';
import { checkOutput } from '../xlsx/in-place.js';
import { readWorkbook } from '../xlsx/read.js';

export const template: Command = {
  async run({ files, options, lang, text, now, io }) {
    // `alliance template NEW.xlsx` is understood as `-o NEW.xlsx`.
    if (files.length > 0 && options.output) throw new UsageError(text.tooManyFiles);
    const output = options.output ?? files[0] ?? 'alliance-gabarit.xlsx';

    let workbook: ExcelJS.Workbook;
    let snapshot: WorkbookSnapshot;
    let source: Buffer | undefined;
    if ((await sizeOf(output)) >= 0) {
      // A file that is not a workbook (or is protected, .xls, .ods…) stops here, untouched.
      ({ workbook, snapshot, source } = await readWorkbook(output));
    } else {
      workbook = new ExcelJS.Workbook();
      workbook.created = now;
      workbook.modified = now;
      snapshot = { sheets: [] };
    }
    const result = runAction('template', snapshot, { lang, now });
    const kept = result.issues.map((found) => `  ${renderIssue(found, lang)}`);
    if (result.plan.sheets.length === 0) {
      // Every sheet is there already: the file is not even rewritten.
      io.stdout([result.summary, ...kept].join('\n'));
      return 0;
    }
    if (source !== undefined) {
      // Written where it stands: never while open in Excel or LibreOffice, never losing a part.
      const check = await checkOutput({ input: output, output, inPlace: true, source, text });
      for (const line of check.warnings) io.stderr(line);
      if (check.refusal !== null) throw new UsageError(check.refusal);
    }
    const { resolved } = resolvePlan(result.plan, snapshot);
    applyResolved(workbook, resolved);
    await write(workbook, output, source, resolved, text);
    io.stdout([result.summary, ...kept].join('\n'));
    io.stderr(text.written(output));
    return 0;
  },
};
