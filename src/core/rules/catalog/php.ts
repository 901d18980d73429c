// The php rules as data: what each one flags, which client it affects, its fix and its examples (each
// example is a unit test and part of the docs page). The matcher that finds them lives in ../php.ts.
import { ruleFactory } from '../define';

const rule = ruleFactory('php', { surface: 'php', file: 'client.php' });

/** The PHP rules. */
export const PHP = {
  verifyPeer: rule('curl-verifypeer-off', {
    title: 'CURLOPT_SSL_VERIFYPEER off: certificate verification is off',
    description: 'curl accepts any certificate with CURLOPT_SSL_VERIFYPEER false. Keep it true and point CURLOPT_CAINFO at a CA bundle that includes your CA.',
    concept: 'verification-off',
    client: 'php-curl',
    examples: {
      flagged: [`curl_setopt($ch, «CURLOPT_SSL_VERIFYPEER, false»);
curl_setopt_array($ch, [«CURLOPT_SSL_VERIFYPEER => 0»]);
curl_setopt ($curl_handle, «CURLOPT_SSL_VERIFYPEER, 0»); // a blank before the parenthesis`],
      ok: [
        'curl_setopt($ch, CURLOPT_CAINFO, \'/path/to/ca-bundle.pem\');',
        '<?php curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);',
        '<?php // curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);',
        '<?php $x = some_fn(CURLOPT_SSL_VERIFYPEER, false);',
      ],
    },
  }),
  verifyHost: rule('curl-verifyhost-off', {
    title: 'CURLOPT_SSL_VERIFYHOST off: host names are not checked',
    description: 'With CURLOPT_SSL_VERIFYHOST 0 curl accepts a valid certificate issued for any host. Use 2 (the default).',
    concept: 'hostname-check-off',
    client: 'php-curl',
    examples: {
      flagged: ['curl_setopt($ch, «CURLOPT_SSL_VERIFYHOST, 0»);'],
      ok: [
        'curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2); // the default',
        '<?php curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);',
      ],
    },
  }),
  verifyOption: rule('http-client-verify-false', {
    title: '\'verify\' => false: the HTTP client accepts any certificate',
    description: 'Guzzle, Symfony and Laravel HTTP clients skip certificate checks with \'verify\' => false or withoutVerifying(). Pass \'verify\' => \'/path/to/ca-bundle.pem\' instead.',
    concept: 'verification-off',
    client: 'php',
    examples: {
      flagged: ['$client = new GuzzleHttp\\Client([«\'verify\' => false»]);\n$r = Http::«withoutVerifying()»->get($url);\n$r = Http::withOptions([«\'verify\' => false»])->get($url);\n// Guzzle 5\n$client->«setDefaultOption(\'verify\', false)»;'],
      ok: [
        '$client = new GuzzleHttp\\Client([\'verify\' => \'/path/to/ca-bundle.pem\']);',
        '<?php # $c = new Client([\'verify\' => false]);',
        '<?php\n// e-mail verification routes, not TLS:\nAuth::routes([\'verify\' => false]);',
        "<?php\nreturn [\n    'driver' => 'bcrypt',\n    'bcrypt' => [\n        'rounds' => 10,\n        'verify' => false,\n    ],\n    'argon' => ['memory' => 65536, 'verify' => false],\n];",
      ],
    },
  }),
  streamVerifyPeer: rule('stream-verify-peer-off', {
    title: '\'verify_peer\' => false: the stream or socket accepts any certificate',
    description: 'In the ssl options of stream_context_create (file_get_contents, fopen, stream_socket_client, SoapClient) and of PHPMailer\'s SMTPOptions, verify_peer false accepts any certificate and verify_peer_name false any host name. Set \'cafile\' => \'/path/to/ca-bundle.pem\' (or openssl.cafile in php.ini) instead.',
    concept: 'verification-off',
    client: 'php',
    notes: '`\'verify_peer\' => false`, `\'verify_peer_name\' => false` and Symfony HttpClient\'s `\'verify_host\' => false` (also `0`, double quotes) in any array, and `stream_context_set_option($ctx, \'ssl\', \'verify_peer\', false)`, code only: commented-out options are not findings. `allow_self_signed` alone is not matched.',
    examples: {
      flagged: [
        `$context = stream_context_create([
    'ssl' => [
        «'verify_peer' => false»,
        «'verify_peer_name' => false»,
    ],
]);
$mail->SMTPOptions = ['ssl' => [«'verify_peer' => false», 'allow_self_signed' => true]];`,
        "<?php\n«stream_context_set_option($ctx, 'ssl', 'verify_peer', false)»;\n$client = HttpClient::create([«'verify_host' => false»]);",
      ],
      ok: [
        "$context = stream_context_create(['ssl' => ['cafile' => '/etc/ssl/corp-ca.pem', 'verify_peer' => true]]);",
        "<?php\n// $opts = ['ssl' => ['verify_peer' => false]];",
      ],
    },
  }),
  wpSslverify: rule('wp-sslverify-false', {
    title: '\'sslverify\' => false: the WordPress HTTP API accepts any certificate',
    description: 'wp_remote_get, wp_remote_post and wp_remote_request skip certificate checks with sslverify false, so the response (license checks, updates, API data) can be forged in transit. Leave sslverify on and point \'sslcertificates\' at a CA bundle (or fix the server\'s chain) instead.',
    concept: 'verification-off',
    client: 'php',
    notes: '`\'sslverify\' => false` (also `0`, double quotes) in any array, `$args[\'sslverify\'] = false`, and the `https_ssl_verify` / `https_local_ssl_verify` filters made to return false (`__return_false`, a closure or arrow function returning false), in code: commented-out options are not findings.',
    examples: {
      flagged: [
        `$response = wp_remote_get( $url, array(
    'timeout'   => 15,
    «'sslverify' => false»,
) );
if ( $settings->httpProto === 'https' ) {
    $args['sslverify'] = false;
}
$response = wp_remote_post( $endpoint, «$args» );`,
        "<?php\n«add_filter( 'https_ssl_verify', '__return_false' )»;\n«add_filter('https_local_ssl_verify', fn() => false)»;",
      ],
      ok: [
        "$response = wp_remote_get( $url, array( 'timeout' => 15, 'sslcertificates' => '/etc/ssl/corp-ca.pem' ) );",
        "<?php\nadd_filter( 'https_ssl_verify', '__return_true' );\n$args = array(\n    'timeout' => 15,\n    // 'sslverify' => false, // local only\n);\nif ( $args['sslverify'] === false ) { log_insecure(); }",
      ],
    },
  }),
} as const;
