// Classes of switches (and look-alikes) the fresh held-out set check5 showed on the config surfaces (issue 18):
// each with the forms seen in public code, written here as fixtures with exact places, and the look-alikes that must
// stay quiet. Sink fixtures: [rule, line, column, text, origin line, origin text] (see sinks.test.ts).
import * as assert from 'assert';
import { expectNone, hitsFrom } from './helpers';

describe('real-code classes conf 7: Elastic verification_mode on a TLS listener is not a client switch', () => {
  it("a Beats input that listens on a host with its own certificate; the output's mode stays a finding", () =>
    assert.deepStrictEqual(
      hitsFrom(
        `filebeat.inputs:
  - type: tcp
    host: "0.0.0.0:6514"
    ssl.enabled: true
    ssl.certificate: "/etc/filebeat/certs/input.crt"
    ssl.key: "/etc/filebeat/certs/input.key"
    ssl.verification_mode: none
  - type: syslog
    host: ":9004"
    ssl:
      certificate: /etc/beat/syslog.crt
      key: /etc/beat/syslog.key
      verification_mode: none
output.logstash:
  hosts: ["ls.lan:5044"]
  ssl.certificate: "/etc/filebeat/client.crt"
  ssl.key: "/etc/filebeat/client.key"
  ssl.verification_mode: none
`,
        'filebeat.yml',
      ),
      [['config.insecure-skip-verify', 18, 3, 'ssl.verification_mode: none', '-', '-']],
    ));

  it("Elasticsearch's HTTP layer and Kibana's server ask no client certificate; transport and client modes stay", () => {
    assert.deepStrictEqual(
      hitsFrom(
        `cluster.name: logs
xpack.security.http.ssl.enabled: true
xpack.security.http.ssl.verification_mode: none
xpack.security.transport.ssl.verification_mode: none
`,
        'config/elasticsearch.yml',
      ),
      [['config.insecure-skip-verify', 4, 1, 'xpack.security.transport.ssl.verification_mode: none', '-', '-']],
    );
    assert.deepStrictEqual(
      hitsFrom(
        'server.ssl.enabled: true\nserver.ssl.verificationMode: none\nelasticsearch.ssl.verificationMode: none\n',
        'kibana.yml',
      ),
      [['config.insecure-skip-verify', 3, 1, 'elasticsearch.ssl.verificationMode: none', '-', '-']],
    );
  });

  it('a listener with no certificate of its own beside the mode is not recognised as one', () =>
    assert.deepStrictEqual(
      hitsFrom('- type: http\n  host: "localhost:8080"\n  ssl.verification_mode: none\n', 'heartbeat.yml'),
      [['config.insecure-skip-verify', 3, 3, 'ssl.verification_mode: none', '-', '-']],
    ));
});

describe('real-code classes conf 7: option values that reach a call (the sink rule)', () => {
  it('PHP: an excerpt that begins inside array(…) of options handed to curl_setopt_array', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `                    CURLOPT_URL => $base . '/status',
                    CURLOPT_RETURNTRANSFER => true,
                    CURLOPT_SSL_VERIFYPEER => false,
                    CURLOPT_TIMEOUT => 10
                );
                curl_setopt_array($ch, $curlOptions);
                $body = curl_exec($ch);
`,
        'lib/status.php',
      ),
      [['php.curl-verifypeer-off', 6, 40, '$curlOptions', 3, 'CURLOPT_SSL_VERIFYPEER => false']],
    ));

  it('Ruby: an SDK Configuration built from a hash reaches Client.new', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `require "archivesspace/client"

config = ArchivesSpace::Configuration.new(
  {
    base_uri: ENV.fetch("ASPACE_URL"),
    username: "admin",
    verify_ssl: false
  }
)
client = ArchivesSpace::Client.new(config).login
puts config
`,
        'scripts/import.rb',
      ),
      [['ruby.verify-false', 10, 36, 'config', 7, 'verify_ssl: false']],
    ));

  it('Ruby: a method whose value is the option hash, spread into a client with **', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `class StorageClients
  def sqs_client
    @sqs_client ||= Aws::SQS::Client.new(
      region: region,
      **ssl_options
    )
  end

  def ssl_options
    return {} unless Rails.env.development?

    { ssl_verify_peer: false }
  end
end
`,
        'app/services/storage_clients.rb',
      ),
      [['ruby.excon-ssl-verify-peer-false', 5, 7, '**ssl_options', 12, 'ssl_verify_peer: false']],
    ));

  it('Ruby: a hash returned by a method nobody calls in the file stays where it is written', () =>
    assert.deepStrictEqual(hitsFrom('def ssl_options\n  { ssl_verify_peer: false }\nend\n', 'lib/opts.rb'), [
      ['ruby.excon-ssl-verify-peer-false', 2, 5, 'ssl_verify_peer: false', '-', '-'],
    ]));

  it('C#: a field holding the connection string reaches UseSqlServer; printing it is not a sink', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `public class ReportFixture
{
    private readonly string _cs;

    public ReportFixture()
    {
        _cs = $"Server=localhost;Database={Name};Integrated Security=True;TrustServerCertificate=True";
    }

    public ReportContext Create() =>
        new ReportContext(new DbContextOptionsBuilder<ReportContext>().UseSqlServer(_cs).Options);

    public void Log() => Console.WriteLine(_cs);
}
`,
        'tests/ReportFixture.cs',
      ),
      [['connection.sqlserver-trust-server-certificate', 11, 85, '_cs', 7, 'TrustServerCertificate=True']],
    ));

  it('C#: a verbatim string in a local reaches new SqlConnection', () =>
    assert.deepStrictEqual(
      hitsFrom(
        'var cs = @"Server=db;Encrypt=True;TrustServerCertificate=True";\nusing var conn = new SqlConnection(cs);\n',
        'Db.cs',
      ),
      [['connection.sqlserver-trust-server-certificate', 2, 36, 'cs', 1, 'TrustServerCertificate=True']],
    ));
});

describe('real-code classes conf 7: Kafka client properties with an empty endpoint identification algorithm', () => {
  it('Java: props reaching KafkaConsumer and AdminClient.create are found at each client (one per sink)', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `Properties props = new Properties();
props.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SSL");
props.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG , "");
props.setProperty("ssl.endpoint.identification.algorithm", "");
KafkaConsumer<String, String> consumer = new KafkaConsumer<String, String>(props);
Admin admin = AdminClient.create(props);
log.debug("props {}", props);
`,
        'src/main/java/iot/Consumer.java',
      ),
      [
        [
          'jvm.kafka-endpoint-identification-off',
          5,
          76,
          'props',
          3,
          'SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG , ""',
        ],
        [
          'jvm.kafka-endpoint-identification-off',
          6,
          34,
          'props',
          3,
          'SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG , ""',
        ],
      ],
    ));

  it('Java: props that reach no client in the file stay on the setting', () =>
    assert.deepStrictEqual(
      hitsFrom(
        'props.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "");\nreturn props;\n',
        'ProducerFactory.java',
      ),
      [
        [
          'jvm.kafka-endpoint-identification-off',
          1,
          11,
          'SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, ""',
          '-',
          '-',
        ],
      ],
    ));

  it('Kotlin: put in an apply block, `to ""` in mapOf, an indexed set; a comparison is not a setting', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `val cfg = Properties().apply {
    put(SslConfigs.SSL_KEY_PASSWORD_CONFIG, env.password)
    put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "")
}
fun schemaProps(): Map<String, Any> = mapOf(
    SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG to env.password,
    SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG to ""
)
props[SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG] = ""
check(props[SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG] == "")
`,
        'src/main/kotlin/KafkaConfig.kt',
      ),
      [
        [
          'jvm.kafka-endpoint-identification-off',
          3,
          9,
          'SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, ""',
          '-',
          '-',
        ],
        [
          'jvm.kafka-endpoint-identification-off',
          7,
          5,
          'SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG to ""',
          '-',
          '-',
        ],
        [
          'jvm.kafka-endpoint-identification-off',
          9,
          7,
          'SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG] = ""',
          '-',
          '-',
        ],
      ],
    ));

  it('https, a value from configuration, and comments are not findings', () =>
    expectNone(
      `props.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "https");
props.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, cfg.getString("kafka.algo"));
// props.put(SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG, "");
/* props.put("ssl.endpoint.identification.algorithm", ""); */
new KafkaProducer<>(props);`,
      'Producer.java',
    ));
});

describe('real-code classes conf 7: skopeo and APT switches where the program or the file is out of sight', () => {
  it("skopeo's --src-tls-verify / --dest-tls-verify on continuation lines of a cut command, and through a wrapper", () =>
    assert.deepStrictEqual(
      hitsFrom(
        `      --all docker://"$src" docker://"$dest" \\
      --src-tls-verify=false \\
      --dest-tls-verify=false \\
      --retry-times 3 2>&1)
runAndLogSkopeo --insecure-policy copy "--dest-tls-verify=false" "$@"
echo "--src-tls-verify=false is for the lab only"
skopeo copy --src-tls-verify=false docker://a docker://b
skopeo copy --src-tls-verify=true docker://a docker://b
`,
        'scripts/mirror.sh',
      ),
      [
        ['shell.container-tls-verify-false', 2, 7, '--src-tls-verify=false', '-', '-'],
        ['shell.container-tls-verify-false', 3, 7, '--dest-tls-verify=false', '-', '-'],
        ['shell.container-tls-verify-false', 5, 40, '"--dest-tls-verify=false"', '-', '-'],
        ['shell.container-tls-verify-false', 7, 13, '--src-tls-verify=false', '-', '-'],
      ],
    ));

  it("printf '%s\\n' with one apt.conf line per continuation line, redirected into apt.conf.d", () =>
    assert.deepStrictEqual(
      hitsFrom(
        `FROM ubuntu:22.04
RUN set -eux; \\
    printf '%s\\n' \\
      'Acquire::http::Timeout "30";' \\
      'Acquire::https::Verify-Peer "false";' \\
      'Acquire::https::Verify-Host "false";' \\
      > /etc/apt/apt.conf.d/99proxy; \\
    apt-get update
RUN printf '%s\\n' 'Acquire::https::Verify-Peer "true";' 'Acquire::Retries "5";' > /etc/apt/apt.conf.d/99ok
`,
        'Dockerfile',
      ),
      [
        ['config.apt-verify-peer-off', 5, 8, 'Acquire::https::Verify-Peer "false"', '-', '-'],
        ['config.apt-verify-peer-off', 6, 8, 'Acquire::https::Verify-Host "false"', '-', '-'],
      ],
    ));

  it('Kotlin appendLine of apt.conf lines; "true" and a log message are not findings', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `fun aptConf(): String = buildString {
    appendLine("Acquire::AllowInsecureRepositories \\"true\\";")
    appendLine("Acquire::https::Verify-Peer \\"false\\";")
    appendLine("Acquire::https::Verify-Host \\"false\\";")
}
fun ok() = buildString { appendLine("Acquire::https::Verify-Peer \\"true\\";") }
fun doc() = log.info("set Acquire::https::Verify-Peer \\"false\\"; only behind the proxy")
`,
        'app/src/main/java/com/example/AptConfig.kt',
      ),
      [
        ['config.apt-verify-peer-off', 3, 17, 'Acquire::https::Verify-Peer \\"false', '-', '-'],
        ['config.apt-verify-peer-off', 4, 17, 'Acquire::https::Verify-Host \\"false', '-', '-'],
      ],
    ));

  it('a Dockerfile ENV holding an apt command line is found where RUN runs it; unused, echoed or commented: not', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `FROM debian:12
ENV MY_APT='apt -o "Acquire::https::Verify-Peer=false" -o "Acquire::Retries=3"'
ENV NOT_RUN='apt-get -o Acquire::https::Verify-Host=false'

RUN $MY_APT update && $MY_APT install -y software-properties-common
RUN \${MY_APT} install -y git
# RUN $MY_APT install -y curl
RUN echo "$MY_APT"
`,
        'Dockerfile',
      ),
      [
        ['shell.apt-verify-peer-off', 5, 5, '$MY_APT', 2, '-o "Acquire::https::Verify-Peer=false"'],
        ['shell.apt-verify-peer-off', 5, 23, '$MY_APT', 2, '-o "Acquire::https::Verify-Peer=false"'],
        ['shell.apt-verify-peer-off', 6, 5, '${MY_APT}', 2, '-o "Acquire::https::Verify-Peer=false"'],
      ],
    ));
});

describe('real-code classes conf 7: Ruby calls without parentheses and echo texts with joined quotes', () => {
  it('an ssl_options hash reaches Kubeclient::Client.new written without parentheses; puts is not a sink', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `ssl_options = { client_cert: cert,
  verify_ssl: OpenSSL::SSL::VERIFY_NONE }

client = Kubeclient::Client.new master_url, "v1", ssl_options: ssl_options
puts ssl_options
`,
        'automate/add_role.rb',
      ),
      [['ruby.verify-none', 4, 51, 'ssl_options: ssl_options', 2, 'OpenSSL::SSL::VERIFY_NONE']],
    ));

  it('an excerpt that begins inside the hash takes the name the next call without parentheses is given', () =>
    assert.deepStrictEqual(
      hitsFrom(
        '  verify_ssl: OpenSSL::SSL::VERIFY_NONE }\n\nclient = Kubeclient::Client.new master_url, "v1", ssl_options: ssl_options\n',
        'automate/add_role.rb',
      ),
      [['ruby.verify-none', 3, 51, 'ssl_options: ssl_options', 1, 'OpenSSL::SSL::VERIFY_NONE']],
    ));

  it('echo\'s text with quotes the shell joins to it (`tags: ["web"]"`) is still judged as the YAML it writes', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `echo "- type: http
  hosts: ['localhost:26657']
  ssl:
    verification_mode: none
  tags: ["node"]" >> /etc/heartbeat/heartbeat.yml
echo "  tags: ["a"]" >> /etc/heartbeat/heartbeat.yml
`,
        'install_monitoring.sh',
      ),
      [['config.insecure-skip-verify', 4, 5, 'verification_mode: none', '-', '-']],
    ));
});

describe("real-code classes conf 7: Elastic's verification-mode variable set to none on a container", () => {
  it('a Kubernetes env var built in Java; full, a listener variable and a comment are not findings', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `container
        .addEnvItem(new V1EnvVar()
                .name("ELASTICSEARCH_SSL_VERIFICATIONMODE")
                .value("none"))
        .addEnvItem(new EnvVarBuilder().withName("ELASTICSEARCH_SSL_VERIFICATIONMODE").withValue("full").build())
        .addEnvItem(new V1EnvVar().name("SERVER_SSL_VERIFICATIONMODE").value("none"));
// .addEnvItem(new V1EnvVar().name("ELASTICSEARCH_SSL_VERIFICATIONMODE").value("none"))
`,
        'src/main/java/operator/KibanaBuilder.java',
      ),
      [['env.tool-verify-off', 4, 18, 'value("none")', '-', '-']],
    ));

  it('Helm --set name/value entries of one list item, on continuation lines of a cut command', () =>
    assert.deepStrictEqual(
      hitsFrom(
        `  --set extraEnvs[0].name=ELASTICSEARCH_HOSTS \\
  --set extraEnvs[0].value=https://es.logging.svc:9200 \\
  --set extraEnvs[1].name=ELASTICSEARCH_SSL_VERIFICATIONMODE \\
  --set extraEnvs[1].value=none \\
  --wait
helm upgrade kb elastic/kibana --set extraEnvs[0].name=ELASTICSEARCH_SSL_VERIFICATIONMODE --set extraEnvs[0].value=certificate
helm upgrade kb elastic/kibana --set extraEnvs[0].name=ELASTICSEARCH_SSL_VERIFICATIONMODE --set extraEnvs[1].value=none
`,
        'scripts/fix-kibana.sh',
      ),
      [['env.tool-verify-off', 4, 9, 'extraEnvs[1].value=none', '-', '-']],
    ));

  it("a compose file's variable; the server's own is not a finding", () =>
    assert.deepStrictEqual(
      hitsFrom(
        'services:\n  kibana:\n    environment:\n      ELASTICSEARCH_SSL_VERIFICATIONMODE: none\n      SERVER_SSL_VERIFICATIONMODE: none\n',
        'docker-compose.yml',
      ),
      [['env.tool-verify-off', 4, 7, 'ELASTICSEARCH_SSL_VERIFICATIONMODE: none', '-', '-']],
    ));
});
