// The lightbulb is cheap: provideCodeActions reads only what the FindingStore and the BundleIndex already know. With
// counting dependencies injected, asking for the actions again and again reads no directory, resolves no endpoint and
// analyses no fix; the edit is built only in resolveCodeAction. Runs the provider class directly, in the real host.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { scanText } from '../../src/core/scan/index';
import { toDiagnostic } from '../../src/extension/convert';
import { coreAnalysis, FindingAnalysis, FindingStore } from '../../src/extension/findings';
import { BundleIndex } from '../../src/extension/fixes/bundleIndex';
import { TlsFixProvider } from '../../src/extension/fixes/provider';
import { activateExtension, workspacePath } from './helpers';

const REL = 'fixes/unverified_ctx.py';
const RULE = 'python.unverified-context';

/** The core analysis, counting each call. */
function countingAnalysis(): {
  analysis: FindingAnalysis;
  calls: { endpoint: number; removable: number; trust: number };
} {
  const calls = { endpoint: 0, removable: 0, trust: 0 };
  const analysis: FindingAnalysis = {
    endpoint: (...a) => {
      calls.endpoint++;
      return coreAnalysis.endpoint(...a);
    },
    removable: (...a) => {
      calls.removable++;
      return coreAnalysis.removable(...a);
    },
    trust: (...a) => {
      calls.trust++;
      return coreAnalysis.trust(...a);
    },
  };
  return { analysis, calls };
}

describe('quick-fixes: the lightbulb reads only what is known', () => {
  let store: FindingStore;
  let bundles: BundleIndex;

  before(async () => {
    await activateExtension();
  });
  afterEach(() => {
    store?.dispose();
    bundles?.dispose();
  });

  it('provideCodeActions reads no directory, resolves no endpoint and builds no edit; resolveCodeAction builds it', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(workspacePath(REL)));
    const text = doc.getText();
    const findings = scanText(text, REL, { languageId: doc.languageId }).filter((f) => f.ruleId === RULE);
    assert.strictEqual(findings.length, 1, 'the fixture has one finding of the rule');
    const { analysis, calls } = countingAnalysis();
    store = new FindingStore(analysis);
    let reads = 0;
    const bundle = vscode.Uri.file(workspacePath('fixes/certs/bundle.pem'));
    bundles = new BundleIndex(() => {
      reads++;
      return [bundle];
    });
    let verdictAsks = 0;
    let bundleChecks = 0;
    const verifications: string[] = [];
    const provider = new TlsFixProvider({
      findings: store,
      bundles,
      probes: {
        verdictFor: (_d, _f, ep) => {
          verdictAsks++;
          assert.ok(ep, 'the endpoint comes resolved');
          return undefined;
        },
        bundleCheck: () => {
          bundleChecks++;
          return undefined;
        },
        refusal: () => undefined,
        // Never settles: the check is under way for all five requests, so none may start another.
        verifyBundle: (ep, file) => {
          verifications.push(`${ep.host}:${ep.port} ${file}`);
          return new Promise(() => undefined);
        },
      },
    });

    store.record(doc.uri, findings, REL, text);
    bundles.refresh(doc.uri);
    assert.deepStrictEqual(
      [calls, reads],
      [{ endpoint: 1, removable: 1, trust: 1 }, 1],
      'one analysis per finding when recorded, one listing',
    );

    const context: vscode.CodeActionContext = {
      diagnostics: [toDiagnostic(findings[0], doc.uri)],
      only: undefined,
      triggerKind: vscode.CodeActionTriggerKind.Automatic,
    };
    let actions: vscode.CodeAction[] = [];
    for (let i = 0; i < 5; i++) actions = provider.provideCodeActions(doc, new vscode.Range(3, 0, 3, 0), context);
    assert.deepStrictEqual(
      [calls, reads],
      [{ endpoint: 1, removable: 1, trust: 1 }, 1],
      'five lightbulb requests: no new analysis, no directory read',
    );
    assert.strictEqual(
      verdictAsks,
      5,
      'the probe verdict is read from the cache once per request, with the known endpoint',
    );
    assert.strictEqual(bundleChecks, 5, 'the bundle check is read from the cache once per request');
    assert.deepStrictEqual(
      verifications,
      [`localhost:8443 ${bundle.fsPath}`],
      'one check of the bundle against the endpoint for five requests',
    );
    assert.deepStrictEqual(
      actions.map((a) => [a.title, a.isPreferred === true]),
      [
        ['Trust a CA bundle instead (fixes/certs/bundle.pem, not verified against localhost)', true],
        ['Use an environment variable instead (SSL_CERT_FILE)', false],
        ['Create a development certificate for localhost', false],
        ['Suppress python.unverified-context on this line', false],
        ['Show documentation for python.unverified-context', false],
      ],
    );
    assert.strictEqual(actions[0].edit, undefined, 'no edit is built when the lightbulb asks');

    const resolved = await provider.resolveCodeAction(actions[0]);
    const edits = resolved.edit?.get(doc.uri) ?? [];
    assert.strictEqual(edits.length, 2, 'resolve builds the edit: the import and the anchored call');
    assert.strictEqual(edits[0].newText, 'from pathlib import Path\n');
    assert.match(
      edits[1].newText,
      /create_default_context\(cafile=str\(Path\(__file__\)\.resolve\(\)\.parent \/ "certs\/bundle\.pem"\)\)/,
    );
    assert.deepStrictEqual(
      [calls, reads],
      [{ endpoint: 1, removable: 1, trust: 1 }, 1],
      'resolving reads no directory either',
    );
    assert.strictEqual(
      await provider.resolveCodeAction(actions[1]),
      actions[1],
      'a command action is returned as it is',
    );
  });

  it('a re-render without text (new severities) keeps the facts: no second analysis', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(workspacePath(REL)));
    const findings = scanText(doc.getText(), REL, { languageId: doc.languageId });
    const { analysis, calls } = countingAnalysis();
    store = new FindingStore(analysis);
    bundles = new BundleIndex(() => []);
    store.record(doc.uri, findings, REL, doc.getText());
    const after = { ...calls };
    store.record(
      doc.uri,
      findings.map((f) => ({ ...f, severity: 'error' as const })),
      REL,
    );
    assert.deepStrictEqual(calls, after);
    assert.strictEqual(store.get(doc.uri, findings[0])?.finding.severity, 'error', 'the re-rendered finding is stored');
    assert.strictEqual(store.get(doc.uri, findings[0])?.endpoint?.host, 'localhost', 'its endpoint is kept');
  });
});
