import { createGoogleBridge } from './google-bridge.js';
import { mountPanel } from './panel.js';

/**
 * Entry of the Google Sheets sidebar bundle (inlined into Sidebar.html by apps-script/): mounts the
 * panel on `#alliance-panel` (or `#app`, or the body) with the `google.script.run` bridge.
 */
function start(): void {
  const root = document.getElementById('alliance-panel') ?? document.getElementById('app') ?? document.body;
  mountPanel(root, createGoogleBridge());
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
