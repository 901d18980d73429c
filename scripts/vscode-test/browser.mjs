// Opens the VS Code web workbench in Debian's headless Chromium (through playwright-core, which drives a browser it
// did not download), forwards the extension host's console, serves screenshot requests and waits for the
// workbench's codeAutomationExit(code) call that ends a test run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { format } from 'node:util';
import { AXE_MARKER, runAxe } from './axe.mjs';

const require = createRequire(import.meta.url);

export const CHROMIUM = process.env.TLS_DOCTOR_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
const SCREENSHOT_MARKER = '__TLS_DOCTOR_SCREENSHOT__';
const TERMINAL_MARKER = '__TLS_DOCTOR_TERMINAL_HOVER__'; // see helpers.terminalHover()
const PAGE_MARKER = '__TLS_DOCTOR_PAGE__'; // see helpers.pageSteps()

/** The workbench URL that opens `folder` and runs the tests module in the extension host. */
export function workbenchUrl(port, folder, extensionPath, testsPath) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionPath)],
    ['extensionTestsPath', remote(testsPath)],
  ];
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Launches Chromium with a fresh profile in `profileDir`; returns the persistent context and its page. */
export async function launchBrowser(profileDir) {
  const { chromium } = require('playwright-core');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

// The remote extension host's console reaches the page through the workbench's log service, as
// console.log('%c INFO', 'color: …', format, ...args) (ERR/WARN alike); mocha's reporter uses printf-style formats.
// Returns the formatted text and whether it came through the log service (browser-native messages do not).
async function consoleText(msg) {
  const values = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => undefined)));
  const head = values[0];
  if (typeof head !== 'string' || !head.startsWith('%c')) return { text: msg.text(), logService: false };
  const rest = values.slice(2);
  const text =
    typeof rest[0] === 'string'
      ? format(...rest)
      : rest.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' ');
  return { text, logService: true, level: head.slice(2).trim() };
}

async function takeScreenshot(page, request, imagesDir, log) {
  const file = `${imagesDir}/${request.name}.png`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    await page.waitForTimeout(300); // let the last layout and paint land
    await page.screenshot({ path: file });
    log(`[runner] screenshot saved: ${file}`);
    writeFileSync(request.ack, file);
  } catch (e) {
    writeFileSync(request.ack, `error: ${e.message}`);
  }
}

/**
 * Hovers the first terminal row holding `request.text` (the DOM renderer: tests turn GPU acceleration off), reports
 * the hover text the workbench shows, and with `click` ctrl+clicks there (what activates a terminal link).
 */
/* global document */
async function terminalHover(page, request, log) {
  try {
    const box = await page.evaluate((needle) => {
      const row = [...document.querySelectorAll('.terminal .xterm-rows > div')].find((r) =>
        r.textContent.includes(needle),
      );
      const b = row?.getBoundingClientRect();
      return b ? { x: b.x + 40, y: b.y + b.height / 2 } : undefined;
    }, request.text);
    if (!box) throw new Error(`no terminal row shows "${request.text}"`);
    await page.mouse.move(box.x, box.y);
    await page.waitForTimeout(1500); // the workbench's hover delay
    const hover = await page.evaluate(() =>
      [...document.querySelectorAll('.workbench-hover, .monaco-hover')].map((e) => e.textContent).join('\n'),
    );
    if (request.click) {
      await page.keyboard.down('Control');
      await page.mouse.click(box.x, box.y);
      await page.keyboard.up('Control');
    }
    log(`[runner] terminal hover on "${request.text}": ${hover || '(no hover)'}`);
    writeFileSync(request.ack, JSON.stringify({ hover }));
  } catch (e) {
    writeFileSync(request.ack, JSON.stringify({ error: e.message }));
  }
}

/**
 * A locator for a step: a CSS selector, narrowed to the first match whose text matches `hasText` (a regex source). With
 * `anyFrame` it is looked for in every frame (a webview is an iframe inside an iframe), waiting up to `timeout` for one.
 */
async function locate(page, s, timeout) {
  const opts = s.hasText ? { hasText: new RegExp(s.hasText) } : {};
  if (!s.anyFrame) return page.locator(s.selector, opts).first();
  for (const end = Date.now() + timeout; ;) {
    for (const frame of page.frames()) {
      const l = frame.locator(s.selector, opts).first();
      if ((await l.count().catch(() => 0)) > 0) return l;
    }
    if (Date.now() > end) throw new Error(`no frame has ${s.selector}${s.hasText ? ` with text /${s.hasText}/` : ''}`);
    await page.waitForTimeout(200);
  }
}

/**
 * Runs the steps a test asked for (helpers.pageSteps): wait for, click, hover, press a key, type, read texts. The ack file gets
 * `{ texts }` (one array per `read` step) or `{ error }`.
 */
async function pageSteps(page, request, log) {
  const texts = [];
  try {
    for (const s of request.steps) {
      const timeout = s.timeoutMs ?? 20_000;
      if (s.do === 'wait') await (await locate(page, s, timeout)).waitFor({ timeout });
      else if (s.do === 'click') await (await locate(page, s, timeout)).click({ timeout });
      else if (s.do === 'hover') await (await locate(page, s, timeout)).hover({ timeout });
      else if (s.do === 'press') await page.keyboard.press(s.key);
      else if (s.do === 'type') await page.keyboard.type(s.text);
      else if (s.do === 'read') texts.push(await page.locator(s.selector).allTextContents());
      else throw new Error(`unknown step ${JSON.stringify(s)}`);
    }
    writeFileSync(request.ack, JSON.stringify({ texts }));
  } catch (e) {
    log(`[runner] page steps failed: ${e.message}`);
    writeFileSync(request.ack, JSON.stringify({ error: e.message }));
  }
}

/**
 * Wires the page: codeAutomationExit, console forwarding (`onConsole({ text, logService, level })`), screenshots. Resolves the
 * returned `{ exited }` promise with the exit code the workbench reports.
 */
export async function wirePage(page, { imagesDir, onConsole, log }) {
  let reportExit;
  const exited = new Promise((resolve) => {
    reportExit = resolve;
  });
  await page.exposeFunction('codeAutomationExit', (code) => {
    reportExit(Number(code) || 0);
  });
  const handle = async (msg) => {
    const line = await consoleText(msg);
    const p = line.text.indexOf(PAGE_MARKER);
    if (p >= 0) return pageSteps(page, JSON.parse(line.text.slice(p + PAGE_MARKER.length)), log);
    const t = line.text.indexOf(TERMINAL_MARKER);
    if (t >= 0) return terminalHover(page, JSON.parse(line.text.slice(t + TERMINAL_MARKER.length)), log);
    const a = line.text.indexOf(AXE_MARKER);
    if (a >= 0) return runAxe(page, JSON.parse(line.text.slice(a + AXE_MARKER.length)), log);
    const i = line.text.indexOf(SCREENSHOT_MARKER);
    if (i < 0) return onConsole(line);
    await takeScreenshot(page, JSON.parse(line.text.slice(i + SCREENSHOT_MARKER.length)), imagesDir, log);
  };
  // A queue keeps the forwarded lines in the order the page logged them (reading arguments is asynchronous).
  let queue = Promise.resolve();
  page.on('console', (msg) => {
    queue = queue.then(() => handle(msg)).catch((e) => log(`[runner] console: ${e.message}`));
  });
  page.on('pageerror', (e) => log(`[page error] ${e.message}`));
  page.on('crash', () => {
    log('[runner] the page crashed');
    reportExit(1);
  });
  return { exited }; // wrapped: an async function returning the bare promise would make callers await the exit
}
