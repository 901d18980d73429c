// The csharp rules as data: what each one flags, which client it affects, its fix and its examples (each
// example is a unit test and part of the docs page). The matcher that finds them lives in ../csharp.ts.
import { ruleFactory } from '../define';

const rule = ruleFactory('csharp', { surface: 'csharp', file: 'Client.cs' });

/** The C# rules. */
export const CS = {
  callback: rule('validation-callback-accepts-all', {
    title: 'Certificate validation callback that returns true: any certificate is accepted',
    description: 'A ServerCertificate(Custom)ValidationCallback that returns true skips chain and host name checks. Return true only when errors == SslPolicyErrors.None, or validate against your CA with X509Chain and CustomTrustStore.',
    severity: 'error',
    concept: 'trust-all-manager',
    client: 'dotnet',
    notes: 'Lambdas and anonymous delegates assigned to `ServerCertificateCustomValidationCallback` / `ServerCertificateValidationCallback` (also `+=`, and without a receiver inside an HttpClientHandler subclass) or passed to `new RemoteCertificateValidationCallback(…)` or as the callback argument of `new SslStream(inner, leaveOpen, …)`, and methods written to be such a callback whose body is only `return true;` (after nothing but logging calls, `Debug.WriteLine(…);`, `_logger.LogWarning(…);`, and local variables, `string key = certificate?.GetPublicKeyString();`): a `bool` method with an `SslPolicyErrors` parameter, or ICertificatePolicy\'s `CheckValidationResult(ServicePoint …)`. Such a method registered by name in the file (`ServerCertificateValidationCallback += Accept`, `new RemoteCertificateValidationCallback(Accept)`) is found at each registration, the method as related information. A lambda written on the line after `+=` is found on its own line. A body that looks at the errors is not a finding.',
    examples: {
      flagged: [
        `handler.«ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => true»;
ServicePointManager.«ServerCertificateValidationCallback += delegate { return true; }»;`,
        `public static bool «AcceptAll(object sender, X509Certificate certificate, X509Chain chain,
    SslPolicyErrors sslPolicyErrors)
{
    // self-signed test servers
    return true;
}»
class TrustEveryone : ICertificatePolicy
{
    public bool «CheckValidationResult(ServicePoint srvPoint, X509Certificate certificate,
        WebRequest request, int certificateProblem) { return true; }»
}`,
        'var ssl = new SslStream(tcp.GetStream(), false, «(sender, certificate, chain, errors) => true»);\nvar ssl2 = new SslStream(stream, leaveInnerStreamOpen: true, userCertificateValidationCallback: «delegate { return true; }»);',
      ],
      ok: [
        `handler.ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) =>
{
    if (errors == SslPolicyErrors.None) return true;
    chain!.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
    chain.ChainPolicy.CustomTrustStore.Add(devCa);
    return chain.Build(cert!);
};`,
        'handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None;',
        'handler.ServerCertificateCustomValidationCallback = ValidateAgainstPrivateCa;',
        '// handler.ServerCertificateCustomValidationCallback = (a, b, c, d) => true;',
        `static bool Validate(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors)
{
    if (errors == SslPolicyErrors.None) return true;
    return false;
}`,
      ],
    },
  }),
  dangerous: rule('dangerous-accept-any-certificate', {
    title: 'DangerousAcceptAnyServerCertificateValidator: any certificate is accepted',
    description: 'This validator accepts every certificate. Trust your CA (X509Chain with CustomTrustStore, or the OS store) instead.',
    severity: 'error',
    concept: 'trust-all-manager',
    client: 'dotnet',
    examples: {
      flagged: ['handler.ServerCertificateCustomValidationCallback = «HttpClientHandler.DangerousAcceptAnyServerCertificateValidator»;'],
      ok: [
        '// Trust the CA in the OS store, or validate with X509Chain and CustomTrustStore (see csharp.validation-callback-accepts-all).',
        'var doc = "DangerousAcceptAnyServerCertificateValidator";',
      ],
    },
  }),
  obsoleteProtocol: rule('obsolete-tls-version', {
    title: 'Obsolete protocol pinned (SecurityProtocolType.Tls, SslProtocols.Tls11, Ssl3)',
    description: 'Pinning SSL 3, TLS 1.0 or TLS 1.1 fails against servers that only speak modern TLS and lacks its protections. Leave the protocol to the OS (SslProtocols.None / SystemDefault), or pin Tls12 | Tls13.',
    severity: 'info',
    concept: 'obsolete-protocol',
    client: 'dotnet',
    notes: '`SecurityProtocolType.Ssl3`, `.Tls`, `.Tls11` and `SslProtocols.Ssl2`, `.Ssl3`, `.Tls`, `.Tls11`, where they are set: after `=`, `|`, `(` or `,` (assignments to `ServicePointManager.SecurityProtocol`, `SslProtocols = …`, `AuthenticateAsClient` arguments). Comparisons and `case` labels are not findings. `Tls12`, `Tls13`, `SystemDefault` and `None` are not findings. A number cast to either type (`(SecurityProtocolType)768`, `(SslProtocols)0x300`) counts when it holds an obsolete bit. A `|` chain continued on later lines is one finding, on its first line. A `const`/`static readonly` holding an obsolete value is found where it is set (`SecurityProtocol = Tls12 | Tls10`), with the constant as related information; one set nowhere in the file is found on its value.',
    examples: {
      flagged: [`ServicePointManager.SecurityProtocol = «SecurityProtocolType.Tls» | «SecurityProtocolType.Tls11» | SecurityProtocolType.Tls12;
var handler = new HttpClientHandler { SslProtocols = «SslProtocols.Tls» };`,
        'ServicePointManager.SecurityProtocol = «(SecurityProtocolType)768» | (SecurityProtocolType)3072;'],
      ok: [
        'ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;',
        'ServicePointManager.SecurityProtocol = (SecurityProtocolType)3072;',
        'var handler = new HttpClientHandler { SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 };',
        'if (stream.SslProtocol == SslProtocols.Tls) Log("old client");\nswitch (p) { case SslProtocols.Tls11: break; }',
      ],
    },
  }),
} as const;
