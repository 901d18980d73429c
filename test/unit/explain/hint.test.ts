// With no client recognised, the weaker evidence a paste carries orders the fixes, and the explanation says that it
// does not know the client. Short examples written here.
import * as assert from 'assert';
import { render } from '../../../src/cli/explain';
import { clientHint, explain, hintFor, unrecognisedLabel } from '../../../src/core/explain/index';

const leading = (text: string) => explain(text).causes[0]?.fixes[0]?.client;

describe('explain: an unrecognised client, and the order its fixes take', () => {
  it('reads the language of a traceback and leads with that language’s usual client', () => {
    const cases: [string, string, string][] = [
      ['Traceback (most recent call last):\n  File "job.py", line 3, in <module>', 'python', 'python-requests'],
      ['Error: boom\n    at connect (/srv/app/lib/net.js:10:5)', 'node', 'node'],
      ['\tat com.acme.Sync.run(Sync.java:42)', 'java', 'java'],
      ['   at Acme.Sync.Run() in C:\\src\\Sync.cs:line 12', 'dotnet', 'dotnet'],
      ['goroutine 1 [running]:\nmain.main()\n\t/src/main.go:12 +0x1d', 'go', 'go'],
      ["/srv/app/sync.rb:12:in `connect'", 'ruby', 'ruby'],
      ['#0 /var/www/sync.php(12): connect()', 'php', 'php'],
      ["thread 'main' panicked at src/main.rs:4:5", 'rust', 'rust'],
    ];
    for (const [text, family, first] of cases) {
      const h = clientHint(text);
      assert.strictEqual(h.family, family, text);
      assert.strictEqual(h.order[0], first, text);
    }
  });

  it('a registry in a URL puts the tool that fetches from it first; OS paths are named', () => {
    assert.strictEqual(clientHint('GET https://registry.npmjs.org/left-pad').order[0], 'npm');
    assert.strictEqual(clientHint('https://files.pythonhosted.org/packages/x.whl').order[0], 'pip');
    assert.strictEqual(clientHint('https://repo1.maven.org/maven2/x.pom').order[0], 'maven');
    assert.strictEqual(clientHint('C:\\Users\\me\\x').os, 'windows');
    assert.deepStrictEqual(clientHint('C:\\Users\\me\\x').order.slice(0, 2), ['schannel', 'powershell']);
    assert.strictEqual(clientHint('/Users/me/x').os, 'macos');
  });

  it('with nothing to go on, the common list, and the server’s fix first as before', () => {
    const h = clientHint('unable to get local issuer certificate');
    assert.deepStrictEqual(h.reasons, []);
    assert.deepStrictEqual(h.order, ['python-requests', 'node', 'curl', 'git', 'pip', 'java']);
    assert.strictEqual(leading('unable to get local issuer certificate'), 'server');
    assert.strictEqual(unrecognisedLabel(h), 'not recognised (fixes for common clients below)');
  });

  it('says the client is not recognised, orders by the hint, and never turns the hint into a client', () => {
    const text =
      'Traceback (most recent call last):\n  File "C:\\Users\\me\\app.py", line 3\nX: certificate verify failed: unable to get local issuer certificate';
    const x = explain(text);
    assert.strictEqual(x.client, null);
    assert.strictEqual(hintFor(text)?.family, 'python');
    assert.strictEqual(leading(text), 'python-requests');
    assert.strictEqual(
      unrecognisedLabel(hintFor(text)),
      'not recognised (a Python traceback, Windows paths: fixes for python-requests, python-ssl, pip first)',
    );
    // A cure on the server's side keeps the server's fix first, whatever the hint.
    assert.strictEqual(
      leading(
        'Traceback (most recent call last):\n  File "a.py", line 1\nX: certificate verify failed: certificate has expired',
      ),
      'server',
    );
  });

  it('a recognised client has no hint, and the JSON keeps its documented keys (client: null says it)', () => {
    assert.ok(!('clientHint' in explain('unable to get local issuer certificate')));
    assert.strictEqual(hintFor('curl: (60) SSL certificate problem: unable to get local issuer certificate'), null);
  });

  it("the CLI's text names the hint beside 'not recognised'", () => {
    const text = 'Error: x\n    at go (/srv/app/net.js:1:2)\nunable to get local issuer certificate';
    assert.match(
      render(explain(text), hintFor(text)),
      /^Client: {3}not recognised \(a JavaScript stack: fixes for node, npm, axios first\)/,
    );
    assert.match(render(explain(text)), /^Client: {3}not recognised \(fixes for common clients below\)/);
  });
});
