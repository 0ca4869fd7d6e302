import { ACTIONS, type ActionName, changesCells, offersConversion } from '../core/action-table.js';
import type { Lang } from '../core/messages/index.js';
import {
  ISSUES_SENT_PER_SHEET,
  type PanelBridge,
  type PanelConfirmation,
  type PanelIssue,
  type PanelPreview,
  type PanelResult,
} from './bridge.js';
import {
  countBySeverity,
  errorText,
  groupIssuesBySheet,
  isNavigable,
  SEVERITIES,
  type SeverityCounts,
  unsentCounts,
} from './model.js';
import { LANGS, type PanelStrings, STRINGS } from './strings.js';

export interface PanelOptions {
  /** Starting language; otherwise the user's last choice, otherwise French. */
  lang?: Lang;
  /** Issues shown per sheet before « Et 12 autres problèmes » (the Validation sheet has them all). */
  maxIssuesPerSheet?: number;
}

/** What the panel is doing: only one action at a time. */
type Phase =
  | { kind: 'idle' }
  | { kind: 'busy'; action: ActionName; previewing: boolean }
  | { kind: 'confirming'; action: ActionName; preview: PanelPreview };

/** What the result area shows. Messages keep the language they were rendered in by the host. */
type Outcome =
  | { kind: 'none' }
  | { kind: 'result'; result: PanelResult; lang: Lang }
  | { kind: 'notice'; text: string; lang: Lang }
  | { kind: 'failure'; action: ActionName; detail: string };

const LANG_STORAGE_KEY = 'alliance.panel.lang';
/** Warnings listed in the confirmation box; the rest are counted. */
const MAX_CONFIRM_WARNINGS = 8;
const SEVERITY_ICON = { error: '✖', warning: '▲', info: 'ℹ' } as const;

type Attrs = Record<string, string | boolean | undefined>;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | undefined)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') el.className = String(value);
    else el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined) el.append(child);
  return el;
}

function storedLang(): Lang | null {
  try {
    const value = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return value === 'fr' || value === 'en' ? value : null;
  } catch {
    // Storage can be blocked in the Apps Script sandbox iframe: the choice just isn't remembered.
    return null;
  }
}

function rememberLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // See storedLang.
  }
}

/** Sets the light/dark hook the stylesheet reads (`html.alliance-theme-dark`); null follows the system. */
export function setPanelTheme(theme: 'light' | 'dark' | null, doc: Document = document): void {
  const root = doc.documentElement;
  root.classList.toggle('alliance-theme-dark', theme === 'dark');
  root.classList.toggle('alliance-theme-light', theme === 'light');
}

/**
 * Builds the panel inside `root` and wires it to the host through `bridge`. The same code runs in
 * the Excel task pane and the Google Sheets sidebar.
 */
export function mountPanel(root: HTMLElement, bridge: PanelBridge, options: PanelOptions = {}): void {
  const wanted: Lang = options.lang ?? storedLang() ?? 'fr';
  // French is always there; another language the host loads first is switched to once it is.
  let lang: Lang = bridge.loadLanguage ? 'fr' : wanted;
  let phase: Phase = { kind: 'idle' };
  let outcome: Outcome = { kind: 'none' };
  const maxPerSheet = options.maxIssuesPerSheet ?? ISSUES_SENT_PER_SHEET;
  const t = (): PanelStrings => STRINGS[lang];

  // Static skeleton; texts are filled by render() so the language switch only re-renders.
  const title = h('h1', { class: 'ap-title' });
  const subtitle = h('p', { class: 'ap-subtitle' });
  const langGroup = h('div', { class: 'ap-lang', role: 'group' });
  const langButtons = new Map<Lang, HTMLButtonElement>();
  LANGS.forEach((code, index) => {
    if (index > 0) langGroup.append(h('span', { class: 'ap-lang-sep', 'aria-hidden': 'true' }, '|'));
    const button = h('button', { type: 'button', class: 'ap-lang-button', lang: code }, code.toUpperCase());
    button.addEventListener('click', () => void switchLang(code));
    langButtons.set(code, button);
    langGroup.append(button);
  });

  const actionsHeading = h('h2', { class: 'ap-visually-hidden', id: 'ap-actions-heading' });
  const actionButtons = new Map<
    ActionName,
    { button: HTMLButtonElement; label: HTMLElement; hint: HTMLElement }
  >();
  const actionList = h('div', { class: 'ap-actions-list' });
  for (const action of ACTIONS) {
    const label = h('span', { class: 'ap-action-label' });
    const hint = h('span', { class: 'ap-action-hint' });
    const button = h(
      'button',
      {
        type: 'button',
        class: `ap-action${action === 'validate' ? ' ap-action-primary' : ''}`,
        'data-action': action,
      },
      label,
      hint,
    );
    button.addEventListener('click', () => void startAction(action));
    actionButtons.set(action, { button, label, hint });
    actionList.append(button);
  }

  const progressText = h('span', { class: 'ap-progress-text' });
  const progress = h(
    'div',
    { class: 'ap-progress' },
    h('progress', { class: 'ap-progress-bar', 'aria-hidden': 'true' }),
    progressText,
  );

  const confirmText = h('p', { class: 'ap-confirm-text', id: 'ap-confirm-text' });
  // Cells staff changed since (Annuler): listed before the user confirms, restored only if asked.
  const confirmWarnings = h('ul', { class: 'ap-confirm-warnings' });
  const restoreBox = h('input', { type: 'checkbox', class: 'ap-confirm-check', id: 'ap-restore-changed' });
  const restoreLabel = h('label', { for: 'ap-restore-changed' });
  const restoreRow = h('p', { class: 'ap-confirm-restore', hidden: true }, restoreBox, ' ', restoreLabel);
  const confirmButton = h('button', { type: 'button', class: 'ap-button ap-button-primary' });
  const cancelButton = h('button', { type: 'button', class: 'ap-button' });
  confirmButton.addEventListener('click', () => void confirmPending());
  cancelButton.addEventListener('click', cancelPending);
  const confirmBox = h(
    'div',
    { class: 'ap-confirm', role: 'group', 'aria-labelledby': 'ap-confirm-text', hidden: true },
    confirmText,
    confirmWarnings,
    restoreRow,
    h('div', { class: 'ap-confirm-buttons' }, confirmButton, cancelButton),
  );
  confirmBox.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') cancelPending();
  });

  // The live region announces the outcome in one sentence; the issue list itself is not live
  // (reading hundreds of issues aloud on every run would drown the user).
  const resultHeading = h('h2', { class: 'ap-result-heading', id: 'ap-result-heading' });
  const live = h('div', { class: 'ap-live', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const failure = h('div', { class: 'ap-failure', role: 'alert', hidden: true });
  const groupsBox = h('div', { class: 'ap-groups' });
  const resultSection = h(
    'section',
    { class: 'ap-result', 'aria-labelledby': 'ap-result-heading' },
    resultHeading,
    live,
    failure,
    groupsBox,
  );

  const panel = h(
    'div',
    { class: 'alliance-panel' },
    h('header', { class: 'ap-header' }, h('div', { class: 'ap-heading' }, title, subtitle), langGroup),
    h(
      'section',
      { class: 'ap-actions', 'aria-labelledby': 'ap-actions-heading' },
      actionsHeading,
      actionList,
      confirmBox,
    ),
    resultSection,
  );
  root.replaceChildren(panel);
  render();
  if (wanted !== lang) void switchLang(wanted);

  async function switchLang(next: Lang): Promise<void> {
    if (next === lang) return;
    try {
      await bridge.loadLanguage?.(next);
    } catch (error) {
      showFailure(t().languageFailed, errorText(error, t().hostProblem));
      return;
    }
    lang = next;
    rememberLang(next);
    render();
  }

  async function startAction(action: ActionName): Promise<void> {
    if (phase.kind !== 'idle') return;
    outcome = { kind: 'none' };
    if (!changesCells(action) && !offersConversion(action)) {
      await runAction(action);
      return;
    }
    phase = { kind: 'busy', action, previewing: true };
    render();
    try {
      const preview = await bridge.preview(action, lang);
      if (preview.changedCells > 0 || preview.optionalCells > 0) {
        phase = { kind: 'confirming', action, preview };
        restoreBox.checked = false;
        render();
        confirmButton.focus();
        return;
      }
      // Nothing to offer: the previewed sheet is written as it is.
      if (offersConversion(action)) {
        await runAction(action, { token: preview.token, restoreChanged: false });
        return;
      }
      phase = { kind: 'idle' };
      outcome = { kind: 'notice', text: preview.summary || t().nothingToChange, lang };
    } catch (error) {
      phase = { kind: 'idle' };
      outcome = { kind: 'failure', action, detail: errorText(error, t().hostProblem) };
    }
    render();
  }

  async function confirmPending(): Promise<void> {
    if (phase.kind !== 'confirming') return;
    const { action, preview } = phase;
    await runAction(action, { token: preview.token, restoreChanged: restoreBox.checked });
  }

  function cancelPending(): void {
    if (phase.kind !== 'confirming') return;
    const { action } = phase;
    phase = { kind: 'idle' };
    outcome = { kind: 'notice', text: t().cancelled, lang };
    render();
    actionButtons.get(action)?.button.focus();
  }

  async function runAction(action: ActionName, confirmation?: PanelConfirmation): Promise<void> {
    phase = { kind: 'busy', action, previewing: false };
    render();
    try {
      const result = await bridge.run(action, lang, confirmation);
      outcome = { kind: 'result', result, lang };
    } catch (error) {
      outcome = { kind: 'failure', action, detail: errorText(error, t().hostProblem) };
    }
    phase = { kind: 'idle' };
    render();
    // Keep the keyboard where the user was: back on the button they pressed.
    actionButtons.get(action)?.button.focus();
  }

  async function selectIssue(
    issue: PanelIssue & { sheet: string; cell: string },
    item: HTMLElement,
  ): Promise<void> {
    groupsBox.querySelectorAll('[aria-current]').forEach((current) => {
      current.removeAttribute('aria-current');
    });
    item.setAttribute('aria-current', 'true');
    try {
      await bridge.selectCell(issue.sheet, issue.cell);
      failure.hidden = true;
    } catch (error) {
      showFailure(t().selectFailed(issue.sheet, issue.cell), errorText(error, t().hostProblem));
    }
  }

  function showFailure(headline: string, detail: string, hint?: string): void {
    const s = t();
    const parts: Node[] = [h('p', { class: 'ap-failure-text' }, headline)];
    if (hint) parts.push(h('p', { class: 'ap-failure-hint' }, hint));
    parts.push(
      h(
        'details',
        { class: 'ap-failure-detail' },
        h('summary', {}, s.errorDetail),
        h('code', {}, detail || s.unknownError),
      ),
    );
    failure.replaceChildren(...parts);
    failure.hidden = false;
  }

  function render(): void {
    const s = t();
    panel.setAttribute('lang', s.locale);
    title.textContent = s.title;
    subtitle.textContent = s.subtitle;
    langGroup.setAttribute('aria-label', s.languageSwitch);
    for (const [code, button] of langButtons) {
      button.setAttribute('aria-pressed', String(code === lang));
      button.title = s.languageName[code];
      button.setAttribute('aria-label', s.languageName[code]);
    }
    actionsHeading.textContent = s.actionsHeading;
    resultHeading.textContent = s.resultHeading;

    const busy = phase.kind === 'busy';
    const locked = phase.kind !== 'idle';
    for (const [action, { button, label, hint }] of actionButtons) {
      label.textContent = s.action[action];
      hint.textContent = s.actionHint[action];
      button.disabled = locked;
      button.classList.toggle('ap-action-running', phase.kind !== 'idle' && phase.action === action);
    }
    panel.setAttribute('aria-busy', String(busy));
    resultSection.setAttribute('aria-busy', String(busy));

    confirmBox.hidden = phase.kind !== 'confirming';
    if (phase.kind === 'confirming') {
      const { preview } = phase;
      const converting = offersConversion(phase.action);
      confirmText.textContent = converting
        ? s.confirmConversion(preview.optionalCells)
        : s.confirmChanges(preview.changedCells);
      const changedSince = preview.warnings.slice(0, MAX_CONFIRM_WARNINGS);
      confirmWarnings.replaceChildren(
        ...changedSince.map((w) =>
          h('li', {}, w.sheet && w.cell ? `${w.sheet}!${w.cell} — ${w.message}` : w.message),
        ),
      );
      const warnings = preview.warningCount ?? preview.warnings.length;
      if (warnings > changedSince.length) {
        confirmWarnings.append(h('li', {}, s.moreWarnings(warnings - changedSince.length)));
      }
      confirmWarnings.hidden = changedSince.length === 0;
      restoreRow.hidden = preview.optionalCells === 0;
      restoreLabel.textContent = (converting ? s.convertFirst : s.restoreChanged)(preview.optionalCells);
      confirmButton.textContent = s.confirm;
      cancelButton.textContent = s.cancel;
    }

    renderOutcome(s, busy);
  }

  function renderOutcome(s: PanelStrings, busy: boolean): void {
    groupsBox.replaceChildren();
    failure.hidden = true;
    live.removeAttribute('lang');
    if (busy && phase.kind === 'busy') {
      progressText.textContent = phase.previewing
        ? s.previewBusy(s.action[phase.action])
        : s.busy[phase.action];
      live.replaceChildren(progress);
      return;
    }
    if (phase.kind === 'confirming') {
      // The confirmation box under the buttons has the focus and says it all.
      live.replaceChildren();
      return;
    }
    switch (outcome.kind) {
      case 'none':
        live.replaceChildren(h('p', { class: 'ap-idle' }, s.idle));
        return;
      case 'notice':
        live.setAttribute('lang', STRINGS[outcome.lang].locale);
        live.replaceChildren(h('p', { class: 'ap-summary' }, outcome.text));
        return;
      case 'failure':
        live.replaceChildren();
        showFailure(s.actionFailed(s.action[outcome.action]), outcome.detail, s.retryHint);
        return;
      case 'result':
        renderResult(s, outcome.result, outcome.lang);
        return;
    }
  }

  function renderResult(s: PanelStrings, result: PanelResult, resultLang: Lang): void {
    // The host sends the first lines of each sheet and counts the others (`unsent`).
    const counts = countBySeverity(result.issues);
    for (const unsent of result.unsent ?? []) for (const sev of SEVERITIES) counts[sev] += unsent.counts[sev];
    const totals = SEVERITIES.filter((sev) => counts[sev] > 0).map((sev) =>
      h('span', { class: `ap-count ap-sev-${sev}` }, s.severityCount[sev](counts[sev])),
    );
    const lines: Node[] = [];
    if (result.summary) {
      lines.push(
        h(
          'p',
          { class: `ap-summary${result.ok ? '' : ' ap-summary-notok'}`, lang: STRINGS[resultLang].locale },
          result.summary,
        ),
      );
    }
    if (result.changedCells > 0)
      lines.push(h('p', { class: 'ap-changed' }, s.changedCells(result.changedCells)));
    lines.push(
      totals.length > 0
        ? h('p', { class: 'ap-totals' }, ...totals)
        : h('p', { class: 'ap-totals ap-none' }, s.noIssues),
    );
    live.replaceChildren(...lines);

    for (const group of groupIssuesBySheet(result.issues)) {
      const sheetName = group.sheet ?? s.generalGroup;
      const unsent = unsentCounts(result, group.sheet);
      const all: SeverityCounts = { ...group.counts };
      for (const sev of SEVERITIES) all[sev] += unsent[sev];
      const groupCounts = SEVERITIES.filter((sev) => all[sev] > 0).map((sev) =>
        h('span', { class: `ap-count ap-sev-${sev}` }, s.severityCount[sev](all[sev])),
      );
      const list = h('ul', { class: 'ap-issues', lang: STRINGS[resultLang].locale });
      for (const issue of group.issues.slice(0, maxPerSheet)) list.append(renderIssue(s, issue));
      // Problems not listed here, each line counting the issues it gathers: the Validation sheet has them.
      const hidden = countTotal(countBySeverity(group.issues.slice(maxPerSheet))) + countTotal(unsent);
      const details = h(
        'details',
        { class: 'ap-group', open: true, 'data-sheet': group.sheet ?? '' },
        h(
          'summary',
          { class: 'ap-group-summary' },
          h('span', { class: 'ap-group-name' }, sheetName),
          h('span', { class: 'ap-group-counts' }, ...groupCounts),
        ),
        list,
        hidden > 0 ? h('p', { class: 'ap-more' }, s.moreIssues(hidden)) : null,
      );
      groupsBox.append(details);
    }
  }

  function renderIssue(s: PanelStrings, issue: PanelIssue): HTMLLIElement {
    const icon = h('span', { class: 'ap-sev-icon', 'aria-hidden': 'true' }, SEVERITY_ICON[issue.severity]);
    const severity = h('span', { class: 'ap-visually-hidden' }, s.severityPrefix[issue.severity]);
    const message = h('span', { class: 'ap-issue-message' }, issue.message);
    const cell = issue.cell ? h('span', { class: 'ap-issue-cell' }, issue.cell) : null;
    if (isNavigable(issue)) {
      const button = h(
        'button',
        {
          type: 'button',
          class: `ap-issue ap-sev-${issue.severity}`,
          'data-sheet': issue.sheet,
          'data-cell': issue.cell,
          title: s.goToCell(issue.sheet, issue.cell),
        },
        icon,
        severity,
        cell,
        message,
      );
      button.addEventListener('click', () => void selectIssue(issue, button));
      return h('li', {}, button);
    }
    return h(
      'li',
      {},
      h('div', { class: `ap-issue ap-issue-static ap-sev-${issue.severity}` }, icon, severity, cell, message),
    );
  }
}

function countTotal(counts: SeverityCounts): number {
  return counts.error + counts.warning + counts.info;
}
