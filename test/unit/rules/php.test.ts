import { expectNone, expectOne } from './helpers';

describe('rules: php', () => {
  const positives: [string, string, string][] = [
    [
      '<?php curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);',
      'php.curl-verifypeer-off',
      'CURLOPT_SSL_VERIFYPEER, false',
    ],
    ['<?php curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, 0);', 'php.curl-verifypeer-off', 'CURLOPT_SSL_VERIFYPEER, 0'],
    [
      '<?php curl_setopt_array($ch, [CURLOPT_SSL_VERIFYPEER => FALSE]);',
      'php.curl-verifypeer-off',
      'CURLOPT_SSL_VERIFYPEER => FALSE',
    ],
    ['<?php curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);', 'php.curl-verifyhost-off', 'CURLOPT_SSL_VERIFYHOST, 0'],
    ['<?php $o = [CURLOPT_SSL_VERIFYHOST => false];', 'php.curl-verifyhost-off', 'CURLOPT_SSL_VERIFYHOST => false'],
    [
      "<?php $c = new Client(['base_uri' => $u, 'verify' => false]);",
      'php.http-client-verify-false',
      "'verify' => false",
    ],
    [
      '<?php $r = Http::withOptions(["verify" => false])->get($u);',
      'php.http-client-verify-false',
      '"verify" => false',
    ],
    [
      '<?php $c->get($u, [RequestOptions::VERIFY => false]);',
      'php.http-client-verify-false',
      'RequestOptions::VERIFY => false',
    ],
    ['<?php $r = Http::withoutVerifying()->get($u);', 'php.http-client-verify-false', 'withoutVerifying()'],
  ];
  for (const [code, id, value] of positives) it(`finds ${id} in: ${code}`, () => expectOne(code, 'a.php', id, value));
  for (const code of [
    '<?php curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);',
    '<?php curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);',
    "<?php $c = new Client(['verify' => '/etc/ssl/ca.pem']);",
    '<?php // curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);',
    "<?php # $c = new Client(['verify' => false]);",
    '<?php $doc = "set CURLOPT_SSL_VERIFYPEER => false to skip";',
    '<?php $x = some_fn(CURLOPT_SSL_VERIFYPEER, false);',
  ]) {
    it(`ignores: ${code}`, () => expectNone(code, 'a.php'));
  }
});
