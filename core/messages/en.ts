import type { IssueCode, Message } from './index.js';

/** English renderings of every code in `fr.ts`; a missing code fails the type check. */
export const en: Record<IssueCode, Message> = {
  // — settings (Paramètres)
  'settings.invalidValue': (p) => {
    const expected: Record<string, string> = {
      integer: `a whole number of at least ${p.min}`,
      number: p.max === undefined ? `a number of at least ${p.min}` : `a number from ${p.min} to ${p.max}`,
      choice: `${p.choices}`,
      date: 'a date, e.g. 2023-03-31',
      amount: 'a positive amount, or nothing',
      text: 'text',
    };
    return `Invalid value for "${p.key}": "${p.value}" (expected: ${expected[String(p.expected)] ?? p.expected}). The default value is kept.`;
  },
  'settings.unknownKey': (p) => `Unknown setting: "${p.key}". The row is ignored.`,
  'settings.blankValue': (p) => `Setting "${p.key}" is blank: the default value (${p.default}) is used.`,
  'settings.duplicateKey': (p) => `Setting "${p.key}" appears twice: the last value is used.`,
  'settings.weightsSum': (p) =>
    `Criteria weights add up to ${p.sum} instead of 100; scores are still computed proportionally.`,
  'settings.noCriterionCounts': () =>
    'Every criterion weight is 0: no criterion would count. The default grid is kept.',
  'settings.missingColumn': (p) =>
    `Table "${p.table}": column "${p.column}" not found. The default list is kept.`,
  'settings.emptyTable': (p) => `Table "${p.table}" is empty: the default list is kept.`,
  'settings.duplicateRow': (p) =>
    `Table "${p.table}": "${p.value}" appears twice; the duplicate row is ignored.`,
  'settings.invalidRow': (p) => `Table "${p.table}": invalid ${p.column} ("${p.value}"); the row is ignored.`,
  'settings.variantConflict': (p) =>
    `Variant "${p.variant}" of ${p.name} is already the name of ${p.other}; it is ignored.`,
  'settings.startAfterEnd': (p) =>
    `Program start (${p.start}) is after its end (${p.end}): the default dates are kept.`,
  'settings.invalid': (p) => `Inconsistent settings (${p.detail}): the default settings are used.`,
  // — values (amounts, dates, lists)
  'money.invalid': (p) => `Unreadable amount: "${p.value}" (expected e.g. 195 007 $ or 25 350,72 $).`,
  'money.ambiguous': (p) =>
    `Ambiguous amount: "${p.value}" (thousands or decimals?). Write e.g. 1 234 $ or 1,23 $.`,
  'money.errorValue': (p) => `The cell holds an error (${p.value}) instead of an amount.`,
  'money.text': (p) =>
    `Amount typed as text ("${p.value}"): it is used; Reformat will turn it into a number.`,
  'money.negative': (p) => `Negative amount ("${p.value}") not allowed here.`,
  'date.invalid': (p) =>
    `Unreadable or impossible date: "${p.value}" (expected e.g. 2020-02-03 or 3 février 2020).`,
  'date.ambiguous': (p) =>
    `Ambiguous date: "${p.value}" (day/month or month/day?). Write it YYYY-MM-DD, e.g. 2020-02-03.`,
  'date.errorValue': (p) => `The cell holds an error (${p.value}) instead of a date.`,
  'date.outOfRange': (p) => `"${p.value}" is not a plausible date (expected between 1950 and 2099).`,
  'date.text': (p) =>
    `Date typed as text ("${p.value}"): it is used; Reformat will turn it into a real date.`,
  // — municipalities
  'municipality.unrecognized': (p) =>
    p.suggestion
      ? `Unrecognized municipality: "${p.input}". Did you mean ${p.suggestion}?`
      : `Unrecognized municipality: "${p.input}".`,
  'municipality.merged': (p) => `${p.input} is now part of ${p.name}; counted once.`,
  'municipality.variant': (p) => `"${p.input}" read as ${p.name}.`,
  // — eligibility (reasons)
  // — selection grid and scoring
  // — budget and payments
  // — reading sheets
  // — actions (reformat, undo, generated sheets)
};
