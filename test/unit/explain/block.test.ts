// The error block a terminal link explains: which lines get a link, and how far the block around one reaches.
import * as assert from 'assert';
import corpus from '../../fixtures/explain/corpus.json';
import { errorBlock, errorBlockText, isPromptLine, isTlsErrorLine, plainLines } from '../../../src/core/explain/block';
import { explain } from '../../../src/core/explain/index';

const TRACEBACK = [
  'Traceback (most recent call last):',
  '  File "/venv/lib/python3.12/site-packages/urllib3/connectionpool.py", line 466, in _make_request',
  '    self._validate_conn(conn)',
  'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:1000)',
  '',
  'During handling of the above exception, another exception occurred:',
  '',
  'Traceback (most recent call last):',
  '  File "/venv/lib/python3.12/site-packages/requests/adapters.py", line 667, in send',
  "requests.exceptions.SSLError: HTTPSConnectionPool(host='127.0.0.1', port=8443): Max retries exceeded with url: / (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:1000)')))",
];

describe('explain: error blocks', () => {
  it('links TLS error lines, not frames, prompts, network-only errors or huge lines', () => {
    assert.ok(isTlsErrorLine(TRACEBACK[3]));
    assert.ok(isTlsErrorLine(TRACEBACK[9]));
    assert.ok(isTlsErrorLine('curl: (60) SSL certificate problem: unable to get local issuer certificate'));
    assert.ok(isTlsErrorLine('Get "https://r.corp/v2/": x509: certificate signed by unknown authority'));
    for (const l of [
      TRACEBACK[0],
      TRACEBACK[1],
      '',
      'user@box:~/app$ python3 fetch.py',
      'curl: (28) Connection timed out after 5001 milliseconds',
      'Error: getaddrinfo ENOTFOUND api.corp',
      `x509: certificate signed by unknown authority ${'A'.repeat(5000)}`,
    ]) {
      assert.ok(!isTlsErrorLine(l), l.slice(0, 60));
    }
  });

  it('recognises shell prompts, not output that happens to hold $ or >', () => {
    for (const p of [
      'user@box:~/app$ python3 fetch.py',
      '$ curl https://x',
      '(venv) $ pip install x',
      'bash-5.2# git clone https://g',
      'PS C:\\src> iwr https://x',
      'me@mac % brew install x',
    ]) {
      assert.ok(isPromptLine(p), p);
    }
    for (const o of [
      '> Task :app:compileJava',
      '  File "x.py", line 3',
      'npm ERR! code SELF_SIGNED_CERT_IN_CHAIN',
      'cost: $5 total',
      '#5 [2/3] RUN pip install x',
    ]) {
      assert.ok(!isPromptLine(o), o);
    }
  });

  it('takes the whole chained traceback (one blank line inside), from the prompt that started it to the next prompt', () => {
    const lines = [
      'older output',
      '',
      '',
      'user@box:~/app$ python3 fetch.py',
      ...TRACEBACK,
      'user@box:~/app$ ',
      'later',
    ];
    for (const at of [7, 13]) {
      const { start, end } = errorBlock(lines, at);
      assert.deepStrictEqual([start, end], [3, 14], `from line ${at}`);
    }
    const x = explain(errorBlockText(lines, 7));
    assert.deepStrictEqual(
      [x.client?.id, x.host, x.port],
      ['python-requests', '127.0.0.1', 8443],
      'the block names what the line alone does not',
    );
    assert.strictEqual(explain(lines[7]).client?.id, 'python-ssl', 'the line alone is plain ssl wording');
  });

  it('stops at two blank lines and at the reach, and trims blank edges', () => {
    const lines = ['a', '', '', 'b', 'x509: certificate signed by unknown authority', 'c', '', '', 'd'];
    assert.deepStrictEqual(errorBlock(lines, 4), { start: 3, end: 6 });
    const long = [
      ...Array.from({ length: 50 }, (_, i) => `  at frame ${i}`),
      'Error: self-signed certificate',
      ...Array.from({ length: 50 }, (_, i) => `  at next ${i}`),
    ];
    assert.deepStrictEqual(errorBlock(long, 50, 30), { start: 20, end: 81 });
    assert.deepStrictEqual(errorBlock(['', 'Error: self-signed certificate', ''], 1), { start: 1, end: 2 });
  });

  it('every TLS message of the corpus has a linkable line, and the block around it, printed between prompts, is the message', () => {
    let linked = 0;
    const tls = (corpus as { cause: string; text: string }[]).filter(
      (e) => !['connection-refused', 'timeout', 'dns-failure'].includes(e.cause),
    );
    for (const e of tls) {
      // Messages with runs of blank lines are several blocks by design; the corpus keeps them as pasted.
      const lines = e.text.replace(/\n{3,}/g, '\n\n').split('\n');
      const at = lines.findIndex(isTlsErrorLine);
      if (at < 0) continue;
      linked++;
      if (lines.length > 30) continue; // beyond the reach by design
      const screen = ['me@box:~$ run', ...lines.filter((l) => !isPromptLine(l)), 'me@box:~$ '];
      const block = errorBlockText(screen, screen.indexOf(lines[at]));
      const missing = screen.slice(1, -1).filter((l) => l.trim() && !block.split('\n').includes(l));
      assert.deepStrictEqual(missing, [], e.text.slice(0, 80));
    }
    assert.ok(linked >= tls.length * 0.95, `${linked} of ${tls.length} messages have a line that gets a link`);
  });
});

describe('explain: terminal output as lines', () => {
  it('drops colours, cursor moves and shell-integration marks, and lets a carriage return overwrite', () => {
    const raw =
      '\x1b]633;C\x07\x1b[31mTraceback\x1b[0m (most recent call last):\r\n  File "x.py"\r\nDownloading 10%\rDownloading 100%\r\n\x1b[?25lssl.SSLError: bad\x1b[K\r\n';
    assert.deepStrictEqual(plainLines(raw), [
      'Traceback (most recent call last):',
      '  File "x.py"',
      'Downloading 100%',
      'ssl.SSLError: bad',
      '',
    ]);
    assert.deepStrictEqual(
      plainLines('abcdef\rXY'),
      ['XYcdef'],
      'a shorter overwrite keeps the rest of the line, as a terminal does',
    );
  });
});
