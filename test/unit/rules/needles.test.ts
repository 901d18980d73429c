import * as assert from 'assert';
import { NeedleHits, probeStart } from '../../../src/core/rules/needles';
import { defineFamily } from '../../../src/core/rules/define';

describe('needles: the shared search', () => {
  it('starts each needle at its rarest character with two more after it', () => {
    assert.strictEqual(probeStart('ertifi'), 3, '`ifi`: i is rarer than e, r and t');
    assert.strictEqual(probeStart('ation_mode'), 5, '`_mode`');
    assert.strictEqual(probeStart('Server'), 0, 'upper case first');
    assert.strictEqual(probeStart('kipTLSVerify'), 6, '`Verify`: V is the rarest');
    assert.strictEqual(probeStart('ssl'), 0, 'three characters: the whole needle');
    assert.strictEqual(probeStart('ab'), 0);
  });

  const family = (id: string, needles: string[]) =>
    defineFamily({ id, rules: {}, prefilter: /x/, needles, appliesTo: () => true, scan: () => [] });

  it('answers for each family whether the text holds one of its needles, as text and as bytes', () => {
    const a = family('t-a', ['xyzSslErr', 'Qqq']);
    const b = family('t-b', ['Ssl']);
    const none = defineFamily({ id: 't-c', rules: {}, prefilter: /x/, appliesTo: () => true, scan: () => [] });
    for (const raw of ['conn.onSslError()', Buffer.from('conn.onSslError()')]) {
      const hits = new NeedleHits(raw);
      assert.strictEqual(hits.any(a), false);
      assert.strictEqual(hits.any(b), true);
      assert.strictEqual(hits.any(none), true, 'a family without needles always passes');
    }
    const hits = new NeedleHits('ab xyzSslErr');
    assert.strictEqual(hits.any(a), true);
    assert.strictEqual(hits.any(b), true, 'a part of a found needle is found');
    assert.strictEqual(new NeedleHits('erSsl at the end: xyzSsl').any(a), false, 'the probe without the needle');
    assert.strictEqual(new NeedleHits(Buffer.from('zSslE')).any(a), false, 'a probe near the start');
  });

  it('searches needles that share a probe once, and tells each of them apart', () => {
    const a = family('t-d', ['rustServer']);
    const b = family('t-e', ['yServer']);
    const c = family('t-f', ['Server']);
    for (const raw of ['verifyServerCertificate=false; Server', Buffer.from('verifyServerCertificate=false; Server')]) {
      const hits = new NeedleHits(raw);
      assert.strictEqual(hits.any(a), false, 'Server found, but not after rust');
      assert.strictEqual(hits.any(b), true);
      assert.strictEqual(hits.any(c), true);
    }
    const hits = new NeedleHits('TrustServerCertificate=True');
    assert.strictEqual(hits.any(b), false);
    assert.strictEqual(hits.any(a), true);
  });

  it('answers for a text asked about again after other texts were (state kept per thread, not per text)', () => {
    const a = family('t-g', ['Ssl']);
    const b = family('t-h', ['Trust']);
    const first = new NeedleHits('conn.onSslError()');
    assert.strictEqual(first.any(a), true);
    const second = new NeedleHits(Buffer.from('TrustManager'));
    assert.strictEqual(second.any(a), false, 'the second text has no Ssl');
    assert.strictEqual(second.any(b), true);
    // The first text again: what the second one learnt must not leak into its answers.
    assert.strictEqual(first.any(a), true);
    assert.strictEqual(first.any(b), false);
    assert.strictEqual(second.any(a), false);
  });

  it('takes a probe found nowhere as the absence of every longer probe that contains it, and only then', () => {
    const inner = family('t-i', ['slVeri']); // probe `Veri`
    const outer = family('t-j', ['Verify-']); // probe `Verify`, which contains `Veri`
    for (const [text, expected] of [
      ['nothing of the kind', false],
      ['a Verify- flag, nothing else', true], // `Veri` occurs (not as slVeri): `Verify` must still be searched
      ['only Verif here', false],
    ] as const) {
      for (const raw of [text, Buffer.from(text)]) {
        const hits = new NeedleHits(raw);
        assert.strictEqual(hits.any(inner), false, text);
        assert.strictEqual(hits.any(outer), expected, text);
      }
    }
  });
});
