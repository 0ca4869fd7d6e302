import { describe, expect, it } from 'vitest';
import { enPanel } from '../../core/messages/en.js';
import { frPanel } from '../../core/messages/fr.js';
import {
  countBySeverity,
  errorText,
  groupIssuesBySheet,
  HostError,
  isNavigable,
  normalizePreview,
  normalizeResult,
} from '../../panel/model.js';
import { panelIssue, VALIDATION_ISSUES } from './fixtures.js';

describe('groupIssuesBySheet', () => {
  const groups = groupIssuesBySheet(VALIDATION_ISSUES);

  it('puts workbook-wide issues first, then sheets in the order they first appear', () => {
    expect(groups.map((g) => g.sheet)).toEqual([null, 'Projets', 'Grille de sélection']);
  });

  it('counts each severity per sheet', () => {
    expect(groups[1].counts).toEqual({ error: 2, warning: 1, info: 1 });
    expect(groups[2].counts).toEqual({ error: 1, warning: 0, info: 0 });
    expect(groups[0].counts).toEqual({ error: 0, warning: 1, info: 0 });
  });

  it('lists errors first, then warnings and infos, each by row then column', () => {
    expect(groups[1].issues.map((i) => `${i.severity} ${i.cell}`)).toEqual([
      'error C3',
      'error F7',
      'warning K4',
      'info F5',
    ]);
  });

  it('orders row 10 after row 9 and column AA after Z (not as text)', () => {
    const issues = ['AA2', 'B10', 'Z2', 'B9'].map((cell) =>
      panelIssue('error', 'money.invalid', cell, { sheet: 'Versements', cell }),
    );
    expect(groupIssuesBySheet(issues)[0].issues.map((i) => i.cell)).toEqual(['Z2', 'AA2', 'B9', 'B10']);
  });

  it('keeps the host order for issues on the same cell and puts issues without a cell last', () => {
    const issues = [
      panelIssue('warning', 'budget.deficit', 'sans cellule', { sheet: 'Budget prévisionnel' }),
      panelIssue('warning', 'money.text', 'premier', { sheet: 'Budget prévisionnel', cell: 'C5' }),
      panelIssue('warning', 'money.ambiguous', 'second', { sheet: 'Budget prévisionnel', cell: 'C5' }),
    ];
    expect(groupIssuesBySheet(issues)[0].issues.map((i) => i.message)).toEqual([
      'premier',
      'second',
      'sans cellule',
    ]);
  });

  it('loses no issue and returns no group for an empty list', () => {
    expect(groups.flatMap((g) => g.issues)).toHaveLength(VALIDATION_ISSUES.length);
    expect(groupIssuesBySheet([])).toEqual([]);
  });
});

describe('countBySeverity and isNavigable', () => {
  it('counts the whole list', () => {
    expect(countBySeverity(VALIDATION_ISSUES)).toEqual({ error: 3, warning: 2, info: 1 });
  });

  it('counts each issue a line gathers, and keeps the count across the bridge', () => {
    const gathered = {
      ...panelIssue('warning', 'cell.moneyAsText', '14 montants saisis comme texte', {
        sheet: 'Projets',
        cell: 'C5',
      }),
      count: 14,
    };
    expect(countBySeverity([...VALIDATION_ISSUES, gathered])).toEqual({ error: 3, warning: 16, info: 1 });
    const result = normalizeResult(
      { ok: true, summary: '', issues: [gathered], changedCells: 0 },
      'validate',
    );
    expect(result.issues[0].count).toBe(14);
    expect(groupIssuesBySheet(result.issues)[0].counts.warning).toBe(14);
  });

  it('offers navigation only for issues with a sheet and a cell', () => {
    expect(VALIDATION_ISSUES.map(isNavigable)).toEqual([true, true, true, true, true, false]);
    expect(isNavigable(panelIssue('error', 'budget.deficit', 'x', { sheet: 'Budget prévisionnel' }))).toBe(
      false,
    );
  });
});

describe('normalizeResult', () => {
  it('fills what google.script.run dropped and keeps the rest', () => {
    const raw = {
      ok: true,
      summary: '2 problèmes trouvés.',
      issues: [
        {
          severity: 'error',
          code: 'money.invalid',
          sheet: 'Projets',
          cell: 'K3',
          message: 'Montant illisible.',
        },
        { severity: 'warning', code: 'settings.blankValue', sheet: null, cell: null, message: 'Préréglage.' },
        { severity: 'info', code: 'x' },
      ],
      sheet: 'Validation',
    };
    expect(normalizeResult(raw, 'validate')).toEqual({
      action: 'validate',
      ok: true,
      summary: '2 problèmes trouvés.',
      issues: [
        {
          severity: 'error',
          code: 'money.invalid',
          sheet: 'Projets',
          cell: 'K3',
          message: 'Montant illisible.',
        },
        { severity: 'warning', code: 'settings.blankValue', message: 'Préréglage.' },
      ],
      changedCells: 0,
      sheet: 'Validation',
    });
  });

  it('keeps ok false (nothing to undo) and an unknown severity shows as an error', () => {
    const result = normalizeResult(
      { ok: false, summary: 'Rien à annuler.', issues: [{ severity: 'fatal', code: 'c', message: 'm' }] },
      'undo',
    );
    expect(result.ok).toBe(false);
    expect(result.issues[0].severity).toBe('error');
  });

  it('rejects an empty answer with a host problem the panel says in its language, instead of a blank panel', () => {
    for (const answer of [() => normalizeResult(null, 'summary'), () => normalizePreview(undefined)]) {
      expect(answer).toThrow(HostError);
      try {
        answer();
      } catch (error) {
        expect(errorText(error, frPanel.hostProblem)).toMatch(/^Réponse vide/);
        expect(errorText(error, enPanel.hostProblem)).toMatch(/^Empty reply/);
      }
    }
  });

  it('reads a preview', () => {
    const warning = {
      severity: 'warning',
      code: 'journal.changedSince',
      sheet: 'Projets',
      cell: 'C2',
      message: 'm',
    };
    expect(
      normalizePreview({
        changedCells: 23,
        optionalCells: 1,
        summary: 's',
        warnings: [warning, 7],
        token: 't',
      }),
    ).toEqual({ changedCells: 23, optionalCells: 1, summary: 's', warnings: [warning], token: 't' });
    expect(normalizePreview({ changedCells: 'many' })).toEqual({
      changedCells: 0,
      optionalCells: 0,
      summary: '',
      warnings: [],
      token: '',
    });
  });
});

describe('errorText', () => {
  it('reads Error, Office-like and Apps Script-like errors and strings', () => {
    expect(errorText(new Error(' Délai dépassé '))).toBe('Délai dépassé');
    expect(errorText({ name: 'RichApi.Error', message: 'The requested resource does not exist.' })).toBe(
      'The requested resource does not exist.',
    );
    expect(errorText({ name: 'ScriptError' })).toBe('ScriptError');
    expect(errorText('Exception: Service Spreadsheets failed')).toBe(
      'Exception: Service Spreadsheets failed',
    );
    expect(errorText(undefined)).toBe('');
  });
});
