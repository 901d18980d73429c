// Verification of the cloud CLIs and the other runtimes: the command each runs and how its answers are read (the real
// aws and gcloud runs are in test/e2e/trust.test.ts, when they are on PATH).
import * as assert from 'node:assert';
import { checkCommand, classify } from '../../../src/core/trust/verify';

describe('trust: verify commands for aws, gcloud, deno, bun', () => {
  it('each targets the URL (the origin for endpoints), never asks, never retries', () => {
    const aws = checkCommand('aws', 'https://proxy.example:8443/some/path') ?? '';
    assert.match(aws, /aws s3 ls --endpoint-url 'https:\/\/proxy\.example:8443' --no-sign-request/);
    assert.match(aws, /AWS_EC2_METADATA_DISABLED=true AWS_MAX_ATTEMPTS=1/);
    const gcloud = checkCommand('gcloud', 'https://proxy.example/') ?? '';
    assert.match(gcloud, /CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER='https:\/\/proxy\.example\/'/);
    assert.match(gcloud, /CLOUDSDK_CORE_DISABLE_PROMPTS=1/);
    assert.match(gcloud, /--access-token-file=/);
    assert.match(
      checkCommand('deno', 'https://proxy.example/') ?? '',
      /^deno eval '.*fetch\("https:\/\/proxy\.example\/"\)/,
    );
    assert.match(
      checkCommand('bun', 'https://proxy.example/') ?? '',
      /^bun -e '.*fetch\("https:\/\/proxy\.example\/"\)/,
    );
    assert.strictEqual(checkCommand('docker', 'https://proxy.example/'), undefined, 'instructions only');
  });

  it("reads their answers: an endpoint's refusal after TLS is tls-ok, their TLS errors fail", () => {
    assert.deepStrictEqual(
      classify(
        255,
        'An error occurred (500) when calling the ListBuckets operation (reached max retries: 0): Internal Server Error',
      ),
      {
        status: 'tls-ok',
        detail:
          'An error occurred (500) when calling the ListBuckets operation (reached max retries: 0): Internal Server Error',
      },
    );
    assert.strictEqual(
      classify(1, 'ERROR: (gcloud.projects.describe) Projects instance [verify-check-project] not found: not found')
        .status,
      'tls-ok',
    );
    const aws = classify(
      255,
      'SSL validation failed for https://127.0.0.1:1/ [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)',
    );
    assert.strictEqual(aws.status, 'fail');
    assert.match(aws.detail ?? '', /^SSL validation failed/);
    const gcloud = classify(
      1,
      "ERROR: gcloud crashed (SSLError): HTTPSConnectionPool(host='127.0.0.1', port=1): Max retries exceeded (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed')))\ngcloud's default CA certificates failed to verify your connection",
    );
    assert.strictEqual(gcloud.status, 'fail');
    assert.match(gcloud.detail ?? '', /CERTIFICATE_VERIFY_FAILED/);
  });
});
