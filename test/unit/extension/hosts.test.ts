import * as assert from 'assert';
import { suggestDevHosts } from '../../../src/extension/devcert/hosts';

describe('devcert: suggested hosts', () => {
  it('offers the loopback names, then the local and private hosts the workspace refers to, once each', () => {
    const referenced = [
      'api.github.com',
      'billing.test',
      '192.168.1.20',
      'LOCALHOST',
      'pypi.org',
      'app.localhost',
      '[fd00::5]',
      'billing.test',
      '8.8.8.8',
    ];
    assert.deepStrictEqual(suggestDevHosts(referenced), [
      'localhost',
      '127.0.0.1',
      '::1',
      'billing.test',
      '192.168.1.20',
      'app.localhost',
      'fd00::5',
    ]);
  });

  it('offers just the loopback names when the workspace refers to no local host', () => {
    assert.deepStrictEqual(suggestDevHosts(['example.com']), ['localhost', '127.0.0.1', '::1']);
  });
});
