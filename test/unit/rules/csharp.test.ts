import { expectNone, expectOne } from './helpers';

describe('rules: csharp', () => {
  const positives: [string, string, string][] = [
    [
      'handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true;',
      'csharp.validation-callback-accepts-all',
      'ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true',
    ],
    [
      'handler.ServerCertificateCustomValidationCallback = (_, _, _, _) => { return true; };',
      'csharp.validation-callback-accepts-all',
      'ServerCertificateCustomValidationCallback = (_, _, _, _) => { return true; }',
    ],
    [
      'ServicePointManager.ServerCertificateValidationCallback += delegate { return true; };',
      'csharp.validation-callback-accepts-all',
      'ServerCertificateValidationCallback += delegate { return true; }',
    ],
    [
      'var cb = new RemoteCertificateValidationCallback((s, c, ch, e) => true);',
      'csharp.validation-callback-accepts-all',
      'RemoteCertificateValidationCallback((s, c, ch, e) => true',
    ],
    [
      'handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;',
      'csharp.dangerous-accept-any-certificate',
      'HttpClientHandler.DangerousAcceptAnyServerCertificateValidator',
    ],
  ];
  for (const [code, id, value] of positives) {
    it(`finds ${id} in: ${code}`, () => expectOne(code, 'Program.cs', id, value));
  }
  for (const code of [
    'handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None;',
    'handler.ServerCertificateCustomValidationCallback = ValidateAgainstPrivateCa;',
    '// handler.ServerCertificateCustomValidationCallback = (a, b, c, d) => true;',
    'var doc = @"ServerCertificateValidationCallback = (a, b, c, d) => true";',
    'var doc = "DangerousAcceptAnyServerCertificateValidator";',
  ]) {
    it(`ignores: ${code}`, () => expectNone(code, 'Program.cs'));
  }
});
