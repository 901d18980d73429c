// Accessibility checks of a webview inside the real workbench, asked for by an integration test (the extension host
// cannot reach the page): the test logs `__TLS_DOCTOR_AXE__ {"selector", "ack"}`, this finds the (nested) webview
// frame whose document matches `selector`, runs axe-core in it, walks it with the Tab key, and writes the result as
// JSON to `ack` (with `openAll`, after opening every <details>). Without axe-core installed the ack says so and the test skips with that reason.
/* global document */ // the functions passed to frame.evaluate() run inside the webview page
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const AXE_MARKER = '__TLS_DOCTOR_AXE__';

function axeSource() {
  try {
    const file = require.resolve('axe-core/axe.min.js');
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** The frame (webviews are iframes inside iframes) whose document has an element matching `selector`. */
async function findFrame(page, selector, timeoutMs = 15_000) {
  for (const end = Date.now() + timeoutMs; Date.now() < end;) {
    for (const frame of page.frames()) {
      if (await frame.evaluate((s) => !!document.querySelector(s), selector).catch(() => false)) return frame;
    }
    await page.waitForTimeout(200);
  }
  return undefined;
}

/** Presses Tab from the top of the frame's document and records what gets focus, until focus leaves or repeats. */
async function tabWalk(page, frame, max = 60) {
  await frame.evaluate(() => {
    for (const el of document.querySelectorAll('[data-tab-seen]')) delete el.dataset.tabSeen; // an earlier walk's marks
    document.body.tabIndex = -1;
    document.body.focus();
  });
  const seen = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    // Each element reached is marked, so the walk ends when focus comes back round (or leaves the page).
    const d = await frame
      .evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body || el.dataset.tabSeen) return undefined;
        el.dataset.tabSeen = '1';
        const name = el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 60) || '';
        return `${el.tagName.toLowerCase()}${el.dataset.action ? `[${el.dataset.action}]` : ''}: ${name}`;
      })
      .catch(() => undefined);
    if (!d) break;
    seen.push(d);
  }
  return seen;
}

/** Runs the checks for one request and writes the ack. */
export async function runAxe(page, request, log) {
  const write = (v) => writeFileSync(request.ack, JSON.stringify(v));
  try {
    const src = axeSource();
    if (!src) return write({ skipped: 'axe-core is not installed (npm install --save-dev axe-core)' });
    const frame = await findFrame(page, request.selector);
    if (!frame) return write({ error: `no webview frame has an element matching ${request.selector}` });
    // evaluate() goes through the DevTools protocol, which the webview's CSP does not restrict (a <script> tag would be).
    // `openAll`: every disclosure open first, so axe sees (and Tab must reach) what is folded away.
    if (request.openAll) {
      await frame.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
    }
    await frame.evaluate(src);
    const result = await frame.evaluate(async () => {
      const r = await globalThis.axe.run(document, { resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 12),
      }));
    });
    const tabOrder = await tabWalk(page, frame);
    const buttons = await frame.evaluate(
      () => [...document.querySelectorAll('button:not([disabled]), summary, a[href]')].length,
    );
    log(
      `[runner] axe: ${result.length} violation(s) in ${request.selector}; ${tabOrder.length} elements reached by Tab`,
    );
    write({ violations: result, tabOrder, focusable: buttons });
  } catch (e) {
    write({ error: e.message });
  }
}
