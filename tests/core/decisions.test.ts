import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeWorkbook } from '../../core/analysis.js';
import type { CellValue } from '../../core/cells.js';
import { renderIssue } from '../../core/messages/index.js';
import { at, sheet, workbook } from '../fixtures/workbook.js';

const TODAY = '2022-01-15';
const PROJECT_HEADERS = ['No', 'Coût total', 'Accordé 2020-2021', 'Accordé 2021-2022', 'Décision'];
const DECISION_HEADERS = ['No', 'Date', 'Décision', 'Résolution', 'Accordé 2020-2021', 'Accordé 2021-2022'];

function analyze(projects: CellValue[][], decisions?: CellValue[][]) {
  const sheets = [sheet('Projets', [PROJECT_HEADERS, ...projects])];
  if (decisions) sheets.push(sheet('Décisions', [DECISION_HEADERS, ...decisions]));
  return analyzeWorkbook(workbook(...sheets), { today: TODAY });
}

const committed = (analysis: ReturnType<typeof analyze>) =>
  analysis.ledger.years.map((y) => y.committedCents);

describe('the Décisions sheet', () => {
  // Haute-Côte-Nord, 2021: a grant in April, rescinded in May, a smaller one granted in June.
  const history: CellValue[][] = [
    ['P-1', '2021-04-13', 'Accepté', '21-04-101', 33_248, null],
    ['P-1', '2021-05-11', 'Abrogé', '21-05-130', null, null],
    ['P-1', '2021-06-08', 'Accepté', '21-06-144', 25_000, null],
  ];

  it('lets the latest decision by date drive the ledger, and warns where Projets disagrees', () => {
    // Projets still shows the first grant; the history's rows are not in date order.
    const analysis = analyze(
      [['P-1', 40_000, 33_248, null, 'Accepté']],
      [history[2], history[0], history[1]],
    );
    expect(committed(analysis)).toEqual([0, 2_500_000, 0, 0]);
    expect(analysis.projects[0]).toMatchObject({
      decision: 'Accepté',
      grantedCents: { '2020-2021': 2_500_000 },
    });
    expect(analysis.decisions?.latest.get('P-1')?.resolution).toBe('21-06-144');
    expect(at(analysis.issues, 'decision.grantDiffers')).toEqual(['decision.grantDiffers@C2']);
    const warning = analysis.issues.find((i) => i.code === 'decision.grantDiffers')!;
    expect(warning.severity).toBe('warning');
    expect(renderIssue(warning).replace(/\u00a0/g, ' ')).toBe(
      'Projet P-1 : la dernière décision (2021-06-08, feuille Décisions) accorde 25 000 $ en 2020-2021, mais la feuille Projets indique 33 248 $ ; la feuille Décisions est retenue.',
    );
  });

  it('takes « Abrogé » as the end of the grant: nothing committed, the project back under analysis', () => {
    const analysis = analyze([['P-1', 40_000, 33_248, null, 'Accepté']], history.slice(0, 2));
    expect(committed(analysis)).toEqual([0, 0, 0, 0]);
    expect(analysis.projects[0].decision).toBe('En analyse');
    expect(at(analysis.issues).filter((c) => c.startsWith('decision.'))).toEqual([
      'decision.grantDiffers@C2',
      'decision.decisionDiffers@E2',
    ]);
  });

  it('changes nothing for a project it does not name, nor when the workbook has no such sheet', () => {
    const rows: CellValue[][] = [
      ['P-1', 40_000, 33_248, null, 'Accepté'],
      ['P-2', 90_000, 20_000, 20_000, 'Accepté'],
    ];
    const without = analyze(rows);
    const april = new Date(Date.UTC(2021, 3, 13));
    const withSheet = analyze(rows, [['P-1', april, 'Accepté', '21-04-101', 33_248, null]]);
    expect(committed(withSheet)).toEqual(committed(without));
    expect(withSheet.issues).toEqual(without.issues);
    expect(without.decisions).toBeUndefined();
  });

  it('reports rows it cannot place: unknown project, no date, unknown decision', () => {
    const analysis = analyze(
      [['P-1', 40_000, 33_248, null, 'Accepté']],
      [
        ['P-9', '2021-04-13', 'Accepté', null, 1_000, null],
        ['P-1', null, 'Accepté', null, 1_000, null],
        ['P-1', '2021-04-13', 'Reporté', null, 1_000, null],
      ],
    );
    expect(at(analysis.issues).filter((c) => /^(decision|project)\./.test(c))).toEqual([
      'decision.unknownProject@A2',
      'decision.missingDate@B3',
      'project.decisionUnknown@C4',
    ]);
    // None of them counts: Projets stays the source of P-1.
    expect(committed(analysis)).toEqual([0, 3_324_800, 0, 0]);
  });

  it('gives the same ledger as the Projets grid that holds each latest decision (property)', () => {
    const decisionWord = fc.constantFrom('Accepté', 'Refusé', 'En analyse', 'Abrogé', 'Retiré');
    const amount = fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: null });
    const row = fc.record({
      project: fc.integer({ min: 1, max: 4 }),
      day: fc.integer({ min: 0, max: 40 }),
      decision: decisionWord,
      grants: fc.tuple(amount, amount),
    });
    const typed = fc.tuple(amount, amount, fc.constantFrom('Accepté', 'Refusé', 'Reçu'));
    fc.assert(
      fc.property(
        fc.array(typed, { minLength: 4, maxLength: 4 }),
        fc.array(row, { maxLength: 12 }),
        (projectsTyped, history) => {
          const ids = ['P-1', 'P-2', 'P-3', 'P-4'];
          const date = (day: number) =>
            `2021-${String(1 + Math.floor(day / 28)).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')}`;
          const projects = projectsTyped.map(([a, b, decision], i) => [ids[i], 100_000, a, b, decision]);
          const decisions = history.map((h) => [
            ids[h.project - 1],
            date(h.day),
            h.decision,
            null,
            ...h.grants,
          ]);
          // The equivalent grid: each named project's latest decision (the later row on a tie).
          const equivalent = projects.map((p) => {
            const own = history.filter((h) => ids[h.project - 1] === p[0]);
            if (own.length === 0) return p;
            const latest = own.reduce((best, h) => (h.day >= best.day ? h : best));
            if (latest.decision === 'Abrogé') return [p[0], p[1], null, null, 'En analyse'];
            return [p[0], p[1], ...latest.grants, latest.decision];
          });
          const withHistory = analyze(projects, decisions);
          const plain = analyze(equivalent);
          expect(withHistory.ledger.years).toEqual(plain.ledger.years);
          expect(withHistory.ledger.lapsedCents).toBe(plain.ledger.lapsedCents);
          expect(withHistory.ledger.projects.map((p) => [p.projectId, p.committedCents])).toEqual(
            plain.ledger.projects.map((p) => [p.projectId, p.committedCents]),
          );
          // The equivalent grid agrees with its history: no disagreement to report there.
          const agreeing = analyze(equivalent, decisions);
          expect(agreeing.issues.filter((i) => i.code.startsWith('decision.'))).toEqual([]);
        },
      ),
    );
  });
});
