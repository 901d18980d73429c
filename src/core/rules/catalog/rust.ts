// The rust rules as data: what each one flags, which client it affects, its fix and its examples (each
// example is a unit test and part of the docs page). The matcher that finds them lives in ../rust.ts.
import { ruleFactory } from '../define';

const rule = ruleFactory('rust', { surface: 'rust', file: 'main.rs' });

/** The Rust rules. */
export const RS = {
  invalidCerts: rule('danger-accept-invalid-certs', {
    title: 'danger_accept_invalid_certs(true): certificate verification is off',
    description: 'The client accepts any certificate, so anyone on the path can read and change the traffic. Add your CA with add_root_certificate(Certificate::from_pem(...)) instead.',
    concept: 'verification-off',
    client: 'rust',
    examples: {
      flagged: ['let client = reqwest::Client::builder().«danger_accept_invalid_certs(true)».build()?;'],
      ok: [
        `let ca = reqwest::Certificate::from_pem(&std::fs::read("/path/to/ca.pem")?)?;
let client = reqwest::Client::builder().add_root_certificate(ca).build()?;`,
        'builder.danger_accept_invalid_certs(false)',
        'builder.danger_accept_invalid_certs(insecure)',
        'let s = "danger_accept_invalid_certs(true)";',
      ],
    },
  }),
  invalidHostnames: rule('danger-accept-invalid-hostnames', {
    title: 'danger_accept_invalid_hostnames(true): host names are not checked',
    description: 'The client accepts a valid certificate issued for any host. Issue the server a certificate for the name clients use instead.',
    concept: 'hostname-check-off',
    client: 'rust',
    examples: {
      flagged: ['let client = reqwest::Client::builder().«danger_accept_invalid_hostnames(true)».build()?;'],
      ok: [
        '// Issue the server a certificate for the name clients use, and drop the call.',
        'builder.danger_accept_invalid_hostnames(false)',
      ],
    },
  }),
} as const;
