// The go rules as data: what each one flags, which client it affects, its fix and its examples (each
// example is a unit test and part of the docs page). The matcher that finds them lives in ../go.ts.
import { ruleFactory } from '../define';

const rule = ruleFactory('go', { surface: 'go', file: 'main.go' });

/** The Go rules. */
export const GO = {
  insecureSkipVerify: rule('insecure-skip-verify', {
    title: 'InsecureSkipVerify: true: certificate verification is off',
    description: 'A tls.Config with InsecureSkipVerify accepts any certificate for any host. Load your CA into an x509.CertPool and set RootCAs instead.',
    fix: 'go-insecure-skip-verify',
    concept: 'verification-off',
    client: 'go',
    caVars: ['SSL_CERT_FILE'],
    notes: '`InsecureSkipVerify: someFlag` is not reported (as gosec, it would be a low-confidence guess).',
    examples: {
      flagged: [`cfg := &tls.Config{«InsecureSkipVerify: true»}
tr.TLSClientConfig.«InsecureSkipVerify = true»`],
      ok: [
        `pool, _ := x509.SystemCertPool()
pool.AppendCertsFromPEM(caPEM)
cfg := &tls.Config{RootCAs: pool}`,
        'cfg := &tls.Config{InsecureSkipVerify: false}',
        'cfg := &tls.Config{InsecureSkipVerify: *insecure}',
        '// cfg := &tls.Config{InsecureSkipVerify: true}',
        'msg := "InsecureSkipVerify: true"',
        'if cfg.InsecureSkipVerify == true { log.Print("x") }',
      ],
    },
  }),
} as const;
