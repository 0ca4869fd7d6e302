import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES, type IssueCode, type IssueParams, PARAM_KINDS } from '../../../core/messages/codes.js';
import { en } from '../../../core/messages/en.js';
import { FORMATS } from '../../../core/messages/format.js';
import { fr } from '../../../core/messages/fr.js';
import { type Lang, renderIssue } from '../../../core/messages/index.js';

type Schema = { _zod: { def: { type: string; innerType?: Schema; shape?: Record<string, Schema> } } };

/** A value per parameter kind, chosen so a wrong format shows: cents with thousands, a decimal with a fraction. */
const SAMPLES = new Map<unknown, unknown>([
  [PARAM_KINDS.cents, 19_500_700],
  [PARAM_KINDS.count, 2],
  [PARAM_KINDS.decimal, 7.5],
  [PARAM_KINDS.isoDate, '2021-03-31'],
  [PARAM_KINDS.year, '2020-2021'],
  [PARAM_KINDS.list, ['Saint-Pie', 'Saint-Damase']],
  [PARAM_KINDS.project, 'P7'],
  [PARAM_KINDS.text, 'abc'],
]);

function sample(schema: Schema): unknown {
  if (SAMPLES.has(schema)) return SAMPLES.get(schema);
  const { type, innerType } = schema._zod.def;
  if (innerType) return sample(innerType);
  if (type === 'boolean') return true;
  if (type === 'enum') return 'integer';
  throw new Error(`no sample for a parameter of type ${type}`);
}

function sampleParams(code: IssueCode): Record<string, unknown> {
  const shape = (ISSUE_CODES[code] as unknown as Schema)._zod.def.shape ?? {};
  return Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, sample(field)]));
}

function hasMoney(code: IssueCode): boolean {
  const shape = (ISSUE_CODES[code] as unknown as Schema)._zod.def.shape ?? {};
  return Object.values(shape).some((field) => field === PARAM_KINDS.cents);
}

const codes = Object.keys(ISSUE_CODES) as IssueCode[];
const render = (code: IssueCode, lang: Lang) =>
  renderIssue({ code, params: sampleParams(code) as IssueParams }, lang);

describe('issue codes', () => {
  it('have a French and an English text for every declared code, and no other', () => {
    expect(Object.keys(fr).sort()).toEqual([...codes].sort());
    expect(Object.keys(en).sort()).toEqual([...codes].sort());
  });

  it('accept the samples the tests fill them with', () => {
    for (const code of codes)
      expect(ISSUE_CODES[code].safeParse(sampleParams(code)).success, code).toBe(true);
  });

  it.each<Lang>(['fr', 'en'])('render every code in %s with every parameter written', (lang) => {
    for (const code of codes) {
      const text = render(code, lang);
      expect(text, code).not.toMatch(/undefined|NaN|null|\[object|true|false/);
      expect(text.length, code).toBeGreaterThan(5);
    }
  });

  it('write amounts the French way in French and the English way in English', () => {
    const moneyCodes = codes.filter(hasMoney);
    expect(moneyCodes.length).toBeGreaterThan(15);
    for (const code of moneyCodes) {
      expect(render(code, 'fr'), code).toContain('195\u00a0007\u00a0$');
      expect(render(code, 'en'), code).toContain('$195,007');
    }
  });

  it('leave no French number in an English text', () => {
    for (const code of codes) {
      const text = render(code, 'en');
      // « 195 007 $ », « 7,5 »: a French amount or decimal.
      expect(text, code).not.toMatch(/\d[\s\u00a0]\d{3}|\d[\s\u00a0]\$|\d,\d(?!\d{2})/);
    }
  });

  it('share one writer per language for amounts, decimals, plurals and lists', () => {
    expect(FORMATS.en.money(2_535_072)).toBe('$25,350.72');
    expect(FORMATS.en.money(-123_400)).toBe('-$1,234');
    expect(FORMATS.fr.money(-123_400)).toBe('-1\u00a0234\u00a0$');
    expect(FORMATS.fr.money(49, { cents: false })).toBe('0\u00a0$');
    expect(FORMATS.fr.decimal(55.25)).toBe('55,25');
    expect(FORMATS.en.decimal(55.25)).toBe('55.25');
    expect([FORMATS.fr.plural(0, 'projet', 'projets'), FORMATS.en.plural(0, 'project', 'projects')]).toEqual([
      'projet',
      'projects',
    ]);
    expect(FORMATS.en.list(['a', 'b'])).toBe('a, b');
  });

  it('keep the codes and the locale tables out of a cycle with issues.ts', () => {
    const importsOf = (file: string) =>
      [
        ...readFileSync(new URL(`../../../core/${file}`, import.meta.url), 'utf8').matchAll(
          /from '([^']+)'/g,
        ),
      ].map((m) => m[1]);
    expect(importsOf('messages/codes.ts')).toEqual(['zod/mini']);
    expect(importsOf('messages/format.ts')).toEqual([]);
    for (const file of ['messages/fr.ts', 'messages/en.ts', 'messages/index.ts']) {
      expect(
        importsOf(file).filter((path) => path.includes('issues')),
        file,
      ).toEqual([]);
    }
  });
});
