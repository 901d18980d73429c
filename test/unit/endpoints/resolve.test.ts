import * as assert from 'assert';
import { resolveEndpoint } from '../../../src/core/endpoints/resolve';
import { TextIndex } from '../../../src/core/text/lines';
import type { Range } from '../../../src/core/rules/types';

/**
 * Resolves the endpoint of a finding marked in `src`: «…» is the finding's range and ⟦…⟧ (optional) its context,
 * as the detection core reports them.
 */
function resolve(src: string) {
  const marks: Record<string, number> = {};
  let text = '';
  for (const ch of src) {
    if ('«»⟦⟧'.includes(ch)) marks[ch] = text.length;
    else text += ch;
  }
  assert.ok(marks['«'] !== undefined && marks['»'] !== undefined, 'test source needs «finding»');
  const idx = new TextIndex(text);
  const range: Range = idx.rangeOf(marks['«'], marks['»']);
  const context = marks['⟦'] !== undefined ? idx.rangeOf(marks['⟦'], marks['⟧']) : undefined;
  return resolveEndpoint(text, { range, context });
}

function url(src: string): string | undefined {
  return resolve(src)?.url;
}

describe('endpoints/resolve', () => {
  describe('a URL in the same call', () => {
    it('takes the URL literal of a requests call', () => {
      const e = resolve(
        'import requests\n⟦requests.get("https://api.corp.example/v1/items?token=s3cret", «verify=False»)⟧\n',
      );
      assert.deepStrictEqual(e, {
        url: 'https://api.corp.example/v1/items',
        host: 'api.corp.example',
        port: 443,
        via: 'literal',
      });
    });
    it('keeps a non-default port and drops credentials', () => {
      assert.strictEqual(
        url("r = ⟦httpx.get('https://user:pw@127.0.0.1:8443/x#frag', «verify=False»)⟧"),
        'https://127.0.0.1:8443/x',
      );
    });
    it('reads the second argument of request(method, url)', () => {
      assert.strictEqual(
        url('⟦requests.request("POST", "https://h.example:9443/p", «verify=False»)⟧'),
        'https://h.example:9443/p',
      );
    });
    it('reads url= keyword arguments', () => {
      assert.strictEqual(url('⟦requests.get(url="https://kw.example/a", «verify=False»)⟧'), 'https://kw.example/a');
    });
    it('handles IPv6 literals', () => {
      const e = resolve('⟦requests.get("https://[::1]:8443/", «verify=False»)⟧');
      assert.deepStrictEqual([e?.host, e?.port, e?.url], ['::1', 8443, 'https://[::1]:8443/']);
    });
  });

  describe('constants, concatenation, f-strings and templates', () => {
    it('resolves a module constant plus a path', () => {
      const e = resolve(
        'API = "https://billing.corp.example:8443"\n\ndef pay():\n    ⟦requests.post(API + "/invoices", «verify=False»)⟧\n',
      );
      assert.deepStrictEqual([e?.url, e?.via], ['https://billing.corp.example:8443/invoices', 'constant']);
    });
    it('resolves a Python f-string prefix', () => {
      assert.strictEqual(
        url('BASE = "https://f.example"\nr = ⟦requests.get(f"{BASE}/x/{item}", «verify=False»)⟧'),
        'https://f.example/x/',
      );
    });
    it('resolves a JS template literal prefix', () => {
      assert.strictEqual(
        url(
          "const BASE = 'https://t.example:7443';\nfetch(`${BASE}/users/${id}`, ⟦{ agent: new https.Agent({ «rejectUnauthorized: false» }) }⟧);",
        ),
        'https://t.example:7443/users/',
      );
    });
    it('follows one constant through another', () => {
      assert.strictEqual(
        url('HOST_URL = "https://chain.example"\nAPI = HOST_URL + "/api"\n⟦requests.get(API, «verify=False»)⟧'),
        'https://chain.example/api',
      );
    });
    it('resolves urljoin(BASE, path) to the base origin', () => {
      assert.strictEqual(
        url('BASE = "https://j.example/v1/"\n⟦requests.get(urljoin(BASE, "items"), «verify=False»)⟧'),
        'https://j.example/',
      );
    });
    it('gives up when the host itself is computed', () => {
      assert.strictEqual(resolve('⟦requests.get("https://" + host + "/x", «verify=False»)⟧'), undefined);
      assert.strictEqual(resolve('⟦requests.get(f"https://{host}/x", «verify=False»)⟧'), undefined);
      assert.strictEqual(
        resolve(
          '⟦axios.get(`https://api.${domain}/x`, { httpsAgent: new https.Agent({ «rejectUnauthorized: false» }) })⟧',
        ),
        undefined,
      );
      assert.strictEqual(
        resolve('BASE = "https://p.example:"\n⟦requests.get(BASE + port, «verify=False»)⟧'),
        undefined,
      );
    });
    it('gives up when the constant is assigned twice', () => {
      assert.strictEqual(
        resolve(
          'API = "https://a.example"\nif prod:\n    API = "https://b.example"\n⟦requests.get(API, «verify=False»)⟧',
        ),
        undefined,
      );
    });
    it('gives up when the name is a function parameter that may shadow the constant', () => {
      assert.strictEqual(
        resolve('url = "https://module.example"\ndef fetch(url):\n    return ⟦requests.get(url, «verify=False»)⟧'),
        undefined,
      );
    });
    it('does not take a value from the environment with a default', () => {
      assert.strictEqual(
        resolve('API = os.environ.get("API", "https://default.example")\n⟦requests.get(API, «verify=False»)⟧'),
        undefined,
      );
    });
    it('ignores plain http URLs (no TLS to probe)', () => {
      assert.strictEqual(resolve('⟦requests.get("http://plain.example/", «verify=False»)⟧'), undefined);
    });
  });

  describe('client construction', () => {
    it('reads base_url on an httpx client', () => {
      const e = resolve('BASE = "https://hx.example:9000"\nclient = ⟦httpx.Client(base_url=BASE, «verify=False»)⟧');
      assert.deepStrictEqual([e?.url, e?.via], ['https://hx.example:9000/', 'base-url']);
    });
    it('reads baseURL on axios.create around the agent', () => {
      const e = resolve(
        'const api = axios.create({\n  baseURL: "https://ax.example/api",\n  httpsAgent: ⟦new https.Agent({ «rejectUnauthorized: false» })⟧,\n});',
      );
      assert.deepStrictEqual([e?.url, e?.via], ['https://ax.example/api', 'base-url']);
    });
    it('reads a host/port pair in options', () => {
      const e = resolve('const s = ⟦tls.connect({ host: "db.example", port: 6380, «rejectUnauthorized: false» })⟧;');
      assert.deepStrictEqual([e?.url, e?.via], ['https://db.example:6380/', 'host-port']);
    });
    it('does not guess for STARTTLS ports (PostgreSQL)', () => {
      assert.strictEqual(
        resolve('new Client(⟦{ host: "pg.example", port: 5432, ssl: { «rejectUnauthorized: false» } }⟧)'),
        undefined,
      );
    });
    it('reads HTTPSConnection(host, port)', () => {
      assert.strictEqual(
        url('c = ⟦http.client.HTTPSConnection("legacy.example", 4443, «context=ssl._create_unverified_context()»)⟧'),
        'https://legacy.example:4443/',
      );
    });
    it('reads Guzzle base_uri in a PHP array', () => {
      assert.strictEqual(
        url("$c = ⟦new Client(['base_uri' => 'https://php.example/', «'verify' => false»])⟧;"),
        'https://php.example/',
      );
    });
    it('a URL in the request payload is not the endpoint', () => {
      assert.strictEqual(
        url('⟦requests.post("https://a.example/", data={"url": "https://b.example/"}, «verify=False»)⟧'),
        'https://a.example/',
      );
    });
    it('two different URLs in one call are ambiguous', () => {
      assert.strictEqual(
        resolve('⟦httpx.Client(base_url="https://a.example", url="https://b.example", «verify=False»)⟧'),
        undefined,
      );
    });
  });

  describe('variables that carry the insecure setting', () => {
    it('follows an unverified context into urlopen', () => {
      const e = resolve(
        '⟦ctx = «ssl._create_unverified_context()»⟧\nresp = urllib.request.urlopen("https://ctx.example:8443/health", context=ctx)\n',
      );
      assert.deepStrictEqual([e?.url, e?.via], ['https://ctx.example:8443/health', 'variable']);
    });
    it('follows a session whose verify is turned off', () => {
      assert.strictEqual(
        url(
          's = requests.Session()\n⟦s.verify = «False»⟧\ns.get("https://sess.example/a")\ns.post("https://sess.example/b")\n',
        ),
        'https://sess.example/a',
      );
    });
    it('gives up when the session talks to two hosts', () => {
      assert.strictEqual(
        resolve(
          's = requests.Session()\n⟦s.verify = «False»⟧\ns.get("https://one.example/")\ns.get("https://two.example/")\n',
        ),
        undefined,
      );
    });
    it('gives up when one use is not knowable', () => {
      assert.strictEqual(
        resolve('s = requests.Session()\n⟦s.verify = «False»⟧\ns.get("https://one.example/")\ns.get(other)\n'),
        undefined,
      );
    });
    it('follows a Node agent passed as { agent }', () => {
      assert.strictEqual(
        url(
          'const agent = ⟦new https.Agent({ «rejectUnauthorized: false» })⟧;\nhttps.get("https://agent.example:9443/", { agent }, (res) => {});\n',
        ),
        'https://agent.example:9443/',
      );
    });
    it('follows `with httpx.Client(verify=False) as c`', () => {
      assert.strictEqual(
        url('with ⟦httpx.Client(«verify=False»)⟧ as c:\n    c.get("https://with.example/")\n'),
        'https://with.example/',
      );
    });
  });

  describe('shell commands', () => {
    it('takes the URL of curl -k', () => {
      const e = resolve('#!/bin/sh\n⟦curl «-k» -H "Host: x" https://sh.example:8443/health⟧\n');
      assert.deepStrictEqual([e?.url, e?.via], ['https://sh.example:8443/health', 'shell']);
    });
    it('only reads the segment holding the flag', () => {
      assert.strictEqual(
        url('curl https://other.example/ && curl «--insecure» https://mine.example/x\n'),
        'https://mine.example/x',
      );
    });
    it('skips option values such as a proxy URL', () => {
      assert.strictEqual(
        url('curl -x https://proxy.example:3128 «-k» https://target.example/\n'),
        'https://target.example/',
      );
    });
    it('resolves a shell variable', () => {
      assert.strictEqual(url('BASE=https://var.example:8443\ncurl «-k» "$BASE/x"\n'), 'https://var.example:8443/x');
    });
    it('reads wget and git clone, in a Dockerfile RUN and a package.json script', () => {
      assert.strictEqual(
        url('RUN wget «--no-check-certificate» -O /tmp/a https://w.example/a.tgz\n'),
        'https://w.example/a.tgz',
      );
      assert.strictEqual(
        url('RUN git «-c http.sslVerify=false» clone https://git.example/r.git\n'),
        'https://git.example/r.git',
      );
      assert.strictEqual(
        url('{ "scripts": { "fetch": "curl «-k» https://json.example:9443/data.json -o data.json" } }'),
        'https://json.example:9443/data.json',
      );
    });
    it('gives up on a computed host', () => {
      assert.strictEqual(resolve('curl «-k» "https://$HOST/x"\n'), undefined);
    });
  });

  it('finds nothing for a call without an endpoint', () => {
    assert.strictEqual(resolve('⟦model.fit(data, «verify=False»)⟧'), undefined);
    assert.strictEqual(resolve('⟦ssl._create_default_https_context = «ssl._create_unverified_context»⟧'), undefined);
  });
});
