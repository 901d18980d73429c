// The "first problem after activation" phase of `npm run bench:vscode` (bench/vscode.mjs firstProblem()): loaded by
// the extension host as the extensionTestsPath of a fresh window (nothing persisted) on the bench's tree, with the
// settings a user has (the scan on activation on). Nothing is run here: the extension activates on its own
// (package.json activation events) and scans the workspace by itself; this only watches. Times are epoch ms on one
// clock: VS Code's own performance marks of this extension host (Date.now() based in Node) and Date.now() here.
// Prints one line `__TLS_DOCTOR_BENCH_FIRST__ {json}` for the runner.
/* global exports */
const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');

const MARK = '__TLS_DOCTOR_BENCH_FIRST__';
const SCREENSHOT_MARKER = '__TLS_DOCTOR_SCREENSHOT__'; // scripts/vscode-test/browser.mjs serves it
const EXTENSION_ID = 'tls-doctor.tls-doctor';
const WAIT_MS = 60_000;
const INACTIVE_MS = 15_000;
/** No diagnostics change for this long: the workspace scan is over. */
const SETTLED_MS = 3000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'TLS Doctor');

/** VS Code's marks for this extension host (code/timeOrigin, code/extHost/willActivateExtension/<id>, ...). */
function marks() {
  const m = globalThis.MonacoPerformanceMarks?.getMarks?.() ?? [];
  const at = (name) => m.find((x) => x.name === name)?.startTime;
  return {
    hostStart: at('code/timeOrigin'),
    hostReady: at('code/extHost/ready'),
    willLoadCode: at(`code/extHost/willLoadExtensionCode/${EXTENSION_ID}`),
    willActivate: at(`code/extHost/willActivateExtension/${EXTENSION_ID}`),
    didActivate: at(`code/extHost/didActivateExtension/${EXTENSION_ID}`),
  };
}

/** Every TLS Doctor diagnostic published so far: [file, message] pairs. */
function allOurs() {
  return vscode.languages
    .getDiagnostics()
    .flatMap(([uri, ds]) => ds.filter((d) => d.source === 'TLS Doctor').map((d) => [uri.fsPath, d.message]));
}

/** Asks the runner for a PNG of the workbench (test-results/screenshots/<name>.png); resolves when written. */
async function screenshot(name) {
  const ack = path.join(os.tmpdir(), `tls-doctor-bench-shot-${process.pid}-${Date.now()}.ack`);
  console.log(`${SCREENSHOT_MARKER} ${JSON.stringify({ name, ack })}`);
  for (let i = 0; i < 300 && !fs.existsSync(ack); i++) await sleep(100);
  const saved = fs.existsSync(ack) ? fs.readFileSync(ack, 'utf8') : 'error: no answer from the runner';
  fs.rmSync(ack, { force: true });
  return saved;
}

exports.run = async function run() {
  const harnessAt = Date.now();
  let first;
  let firstUri;
  // Subscribed before anything else: the first publication after this point is seen as it happens.
  let lastChange;
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    lastChange = Date.now();
    if (first !== undefined) return;
    const uri = e.uris.find((u) => ours(u).length);
    if (uri) {
      first = Date.now();
      firstUri = uri;
    }
  });
  // Published before this module ran: only an upper bound is known (the time this module started).
  const already = allOurs();
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  const activeAtHarness = Boolean(ext?.isActive);
  const start = Date.now();
  // Not active after INACTIVE_MS: nothing woke it (no activation event matched the folder), nothing will come.
  const waiting = () =>
    first === undefined &&
    !already.length &&
    Date.now() - start < WAIT_MS &&
    (ext?.isActive || Date.now() - start < INACTIVE_MS);
  while (waiting()) await sleep(20);
  // Then until the problems stop changing (the scan ended): a scan process left running when this window closes
  // would still be reading the tree while the next phase measures.
  const settleStart = Date.now();
  while (ext?.isActive && Date.now() - (lastChange ?? start) < SETTLED_MS && Date.now() - settleStart < WAIT_MS) {
    await sleep(100);
  }
  sub.dispose();
  // The activation marks exist once the extension activated (on its own: nothing here activates it).
  for (let i = 0; i < 100 && ext?.isActive && !marks().willActivate; i++) await sleep(50);
  const m = marks();
  const entry = await vscode.commands.executeCommand('tlsDoctor.entry.state').then(
    (s) => s,
    () => undefined,
  );
  // The user's view: the Problems panel, opened by hand after the window opened (no TLS Doctor command run).
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await sleep(1500);
  const shot = process.env.TLS_DOCTOR_BENCH_SHOT ? await screenshot(process.env.TLS_DOCTOR_BENCH_SHOT) : undefined;
  const out = {
    marks: m,
    harnessAt,
    activeAtHarness,
    firstAt: first ?? (already.length ? harnessAt : null),
    firstBeforeHarness: first === undefined && already.length > 0,
    firstFile: firstUri ? firstUri.fsPath : (already[0]?.[0] ?? null),
    problemsAtEnd: allOurs().length,
    lastChangeAt: lastChange ?? null,
    sample: allOurs().slice(0, 3),
    entry,
    screenshot: shot,
  };
  console.log(`${MARK} ${JSON.stringify(out)}`);
};
