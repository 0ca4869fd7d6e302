/**
 * Entry of `dist/addin-test/fake-office.js`: installs the fake Office host over the sample
 * workbook (inlined at build time) before the task pane scripts run. A page may set
 * `window.__allianceSampleOverride` to another WorkbookSnapshot first.
 */
import type { WorkbookSnapshot } from '../../../core/cells.js';
import { installFakeOffice } from './index.js';

declare const __ALLIANCE_SAMPLE__: WorkbookSnapshot;

const target = window as unknown as Record<string, unknown>;
const snapshot = (target.__allianceSampleOverride as WorkbookSnapshot | undefined) ?? __ALLIANCE_SAMPLE__;
installFakeOffice(target, snapshot);
