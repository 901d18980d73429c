import * as assert from 'assert';
import { Limiter, mapLimited, ResultCache } from '../../../src/core/endpoints/cache';

describe('endpoints/cache', () => {
  it('serves a fresh value without recomputing, and recomputes after the TTL', async () => {
    let clock = 1000;
    const cache = new ResultCache<number>(500, () => clock);
    let calls = 0;
    const compute = async () => ++calls;
    assert.strictEqual(await cache.get('h:443', compute), 1);
    clock += 499;
    assert.strictEqual(await cache.get('h:443', compute), 1);
    clock += 1;
    assert.strictEqual(await cache.get('h:443', compute), 2);
    assert.deepStrictEqual(cache.last('h:443'), { value: 2, at: 1500 });
  });

  it('shares one computation between concurrent callers of the same key', async () => {
    const cache = new ResultCache<string>(1000);
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const compute = async () => {
      calls++;
      await gate;
      return 'report';
    };
    const all = Promise.all([cache.get('a:1', compute), cache.get('a:1', compute), cache.get('a:1', compute, true)]);
    assert.strictEqual(cache.pending('a:1'), true);
    release();
    assert.deepStrictEqual(await all, ['report', 'report', 'report']);
    assert.strictEqual(calls, 1);
    assert.strictEqual(cache.pending('a:1'), false);
  });

  it('does not cache a failure', async () => {
    const cache = new ResultCache<number>(1000);
    await assert.rejects(
      cache.get('x', async () => {
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.strictEqual(cache.last('x'), undefined);
    assert.strictEqual(await cache.get('x', async () => 7), 7);
  });

  it('force recomputes a fresh key', async () => {
    const cache = new ResultCache<number>(60_000);
    let n = 0;
    await cache.get('k', async () => ++n);
    assert.strictEqual(await cache.get('k', async () => ++n, true), 2);
  });

  it('never runs more than the limit at once and keeps result order', async () => {
    let active = 0;
    let peak = 0;
    const results = await mapLimited([30, 5, 20, 1, 10, 2, 15], 3, async (ms, i) => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, ms));
      active--;
      return i;
    });
    assert.deepStrictEqual(results, [0, 1, 2, 3, 4, 5, 6]);
    assert.strictEqual(peak, 3);
  });

  it("a newcomer cannot jump a finishing task's slot", async () => {
    const limiter = new Limiter(1);
    let active = 0;
    let peak = 0;
    const task = async () => {
      active++;
      peak = Math.max(peak, active);
      await Promise.resolve();
      active--;
    };
    const first = limiter.run(task);
    const second = limiter.run(task);
    await first;
    const third = limiter.run(task);
    await Promise.all([second, third]);
    assert.strictEqual(peak, 1);
  });

  it('rejects a limit that is not a positive whole number', () => {
    assert.throws(() => new Limiter(0), /positive whole number/);
  });
});
