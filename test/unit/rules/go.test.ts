import { expectNone, expectOne } from './helpers';

describe('rules: go', () => {
  it('finds InsecureSkipVerify: true in a composite literal', () =>
    expectOne(
      'cfg := &tls.Config{\n\tInsecureSkipVerify: true, // dev only\n}',
      'main.go',
      'go.insecure-skip-verify',
      'InsecureSkipVerify: true',
    ));
  it('finds cfg.InsecureSkipVerify = true', () =>
    expectOne(
      'tr.TLSClientConfig.InsecureSkipVerify = true',
      'main.go',
      'go.insecure-skip-verify',
      'InsecureSkipVerify = true',
    ));
  for (const code of [
    'cfg := &tls.Config{InsecureSkipVerify: false}',
    'cfg := &tls.Config{InsecureSkipVerify: *insecure}',
    '// cfg := &tls.Config{InsecureSkipVerify: true}',
    '/* InsecureSkipVerify: true */',
    'msg := "InsecureSkipVerify: true"',
    'msg := `InsecureSkipVerify: true`',
    'if cfg.InsecureSkipVerify == true { log.Print("x") }',
  ]) {
    it(`ignores: ${code}`, () => expectNone(code, 'main.go'));
  }
});
