import { describe, expect, it } from 'vitest';
import { runAction } from '../../core/actions.js';
import { areaAddress, chartPlace, columnPixels, headerFooterCode, pageSetup } from '../../core/print.js';
import { sampleWorkbook } from './plans/fixture.js';

// 03:30 UTC on 2 March is still 1 March in Montréal (UTC-5).
const LATE_EVENING = new Date(Date.UTC(2022, 2, 2, 3, 30, 0));

describe('page setup of the generated sheets', () => {
  it('footer: the program, the day produced in Montréal, « page N de M »', () => {
    const setup = pageSetup({
      lang: 'fr',
      now: LATE_EVENING,
      program: 'Alliance pour la solidarité 2019-2023',
      orientation: 'landscape',
    });
    expect(setup.footer).toEqual({
      left: ['Alliance pour la solidarité 2019-2023'],
      center: ['Produit le 2022-03-01'],
      right: ['page ', { field: 'page' }, ' de ', { field: 'pages' }],
    });
    expect(setup.fitToPagesWide).toBe(1);
    const english = pageSetup({ lang: 'en', now: LATE_EVENING, program: 'P', orientation: 'portrait' });
    expect(english.footer.center).toEqual(['Produced on 2022-03-01']);
    expect(headerFooterCode(english.footer.right)).toBe('page &P of &N');
  });

  it('writes the footer in Excel’s codes, a literal & doubled', () => {
    expect(headerFooterCode(['Bâtir & partager — ', { field: 'page' }, '/', { field: 'pages' }])).toBe(
      'Bâtir && partager — &P/&N',
    );
  });

  it('places a chart over whole cells and sizes it as those cells', () => {
    const place = chartPlace(20, 0, 2, 10, [
      { col: 0, width: 30 },
      { col: 2, width: 10 },
    ]);
    expect(place).toEqual({
      anchor: 'A21',
      end: 'C30',
      width: columnPixels(30) + columnPixels(8.43) + columnPixels(10),
      height: 200,
    });
    expect(areaAddress(39, 6)).toBe('A1:G40');
  });

  it('every sheet an action generates declares how it prints: landscape, one page wide, a footer', () => {
    const snapshot = sampleWorkbook();
    for (const action of ['validate', 'summary', 'rank'] as const) {
      const generated = runAction(action, snapshot, { now: LATE_EVENING }).plan.sheets.filter(
        (s) => s.mode === 'replace',
      );
      expect(generated.length, action).toBe(1);
      for (const sheet of generated) {
        expect(sheet.pageSetup?.orientation, sheet.sheet).toBe('landscape');
        expect(sheet.pageSetup?.fitToPagesWide, sheet.sheet).toBe(1);
        expect(sheet.pageSetup?.titleRows, sheet.sheet).toBeDefined();
        expect(sheet.pageSetup?.printArea, sheet.sheet).toMatch(/^A1:[A-Z]+\d+$/);
        expect(sheet.pageSetup?.footer.left, sheet.sheet).toEqual(['Alliance pour la solidarité 2019-2023']);
      }
    }
  });
});
