/** The template's Priorités column says, where a drop-down cannot, that a cell may hold several. */
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { runActionInExcel } from '../../addin/excel-bridge.js';
import { allianceRun } from '../../apps-script/main.js';
import { applyPlan } from '../../cli/xlsx/apply.js';
import { snapshotOf } from '../../cli/xlsx/read.js';
import { runAction } from '../../core/actions.js';
import { PROJECTS_CONTRACT } from '../../core/grids/contracts.js';
import { createFakeExcel } from '../fakes/excel/index.js';
import { FakeSpreadsheet, fakeServices } from '../fakes/spreadsheet-app.js';

const NOW = () => new Date(Date.UTC(2026, 11, 3, 15, 0, 0));
const PROMPT = PROJECTS_CONTRACT.find((column) => column.field === 'priorities')?.prompt?.fr ?? '';
/** Priorités is the seventh column of the template's Projets. */
const RANGE = 'G2:G501';

describe('the template’s Priorités prompt, in every host', () => {
  afterEach(() => {
    for (const name of Object.keys(fakeServices(new FakeSpreadsheet())))
      delete (globalThis as Record<string, unknown>)[name];
  });

  it('is declared once, in French first', () => {
    expect(PROMPT).toMatch(/séparés par « ; »/);
  });

  it('Excel: an input message on the drop-down', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Feuil1', values: [] }] });
    const { result } = await runActionInExcel('template', 'fr', { run: fake.run, now: NOW });
    expect(result.ok).toBe(true);
    const validation = fake.model.sheet('Projets').validations.find((v) => v.range === RANGE);
    expect(validation?.prompt).toEqual({ showPrompt: true, title: '', message: PROMPT });
  });

  it('Google Sheets: the rule’s help text', () => {
    const book = FakeSpreadsheet.fromSnapshot({ sheets: [{ name: 'Feuille 1', values: [] }] });
    Object.assign(globalThis, fakeServices(book));
    expect(allianceRun('template', 'fr').ok).toBe(true);
    const validation = book.sheet('Projets').validations.find((v) => v.range === RANGE);
    expect(validation?.rule.helpText).toBe(PROMPT);
  });

  it('.xlsx: the data validation’s input message', () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Feuil1');
    const { plan } = runAction('template', snapshotOf(workbook), { now: NOW() });
    applyPlan(workbook, plan);
    const model = (workbook.getWorksheet('Projets') as unknown as { dataValidations: { model: object } })
      .dataValidations.model as Record<string, { prompt?: string; showInputMessage?: boolean }>;
    expect(model[RANGE]).toMatchObject({ showInputMessage: true, prompt: PROMPT });
  });
});
