import { expectNone, expectOne } from './helpers';

describe('rules: ruby', () => {
  const positives: [string, string, string][] = [
    ['http.verify_mode = OpenSSL::SSL::VERIFY_NONE', 'ruby.verify-none', 'OpenSSL::SSL::VERIFY_NONE'],
    [
      'RestClient::Resource.new(u, verify_ssl: OpenSSL::SSL::VERIFY_NONE)',
      'ruby.verify-none',
      'OpenSSL::SSL::VERIFY_NONE',
    ],
    ['conn = Faraday.new(url: u, ssl: { verify: false })', 'ruby.verify-false', 'verify: false'],
    ['conn = Faraday.new(u, :ssl => { :verify => false })', 'ruby.verify-false', ':verify => false'],
    ['HTTParty.get(u, verify: false)', 'ruby.verify-false', 'verify: false'],
    ['HTTParty.get u, verify: false', 'ruby.verify-false', 'verify: false'],
    ['Excon.get(u, ssl_verify_peer: false)', 'ruby.excon-ssl-verify-peer-false', 'ssl_verify_peer: false'],
    ['Excon.new(u, :ssl_verify_peer => false)', 'ruby.excon-ssl-verify-peer-false', ':ssl_verify_peer => false'],
  ];
  for (const [code, id, value] of positives) {
    it(`finds ${id} in: ${code}`, () => expectOne(code, 'client.rb', id, value));
  }
  for (const code of [
    'http.verify_mode = OpenSSL::SSL::VERIFY_PEER',
    '# http.verify_mode = OpenSSL::SSL::VERIFY_NONE',
    '=begin\nhttp.verify_mode = OpenSSL::SSL::VERIFY_NONE\n=end',
    'puts "use OpenSSL::SSL::VERIFY_NONE only in tests"',
    'validate(record, verify: false)',
    'conn = Faraday.new(url: u, ssl: { verify: true })',
    'Excon.get(u, ssl_verify_peer: true)',
  ]) {
    it(`ignores: ${code.replace(/\n/g, ' ')}`, () => expectNone(code, 'client.rb'));
  }
});
