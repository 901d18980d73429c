// The go rules as data: what each one flags, which client it affects, its fix and its examples (each
// example is a unit test and part of the docs page). The matcher that finds them lives in ../go.ts.
import { ruleFactory } from '../define';

const rule = ruleFactory('go', { surface: 'go', file: 'main.go' });

/** The Go rules. */
export const GO = {
  mysqlSkipVerify: rule('mysql-tls-skip-verify', {
    title: 'tls=skip-verify: the MySQL driver accepts any server certificate (go-sql-driver/mysql)',
    description: 'go-sql-driver/mysql with tls=skip-verify (in the DSN, or TLSConfig: "skip-verify" in a mysql.Config) encrypts the connection but accepts any certificate, so whoever answers for the database host gets the password and the data. Register a tls.Config with your CA (mysql.RegisterTLSConfig("custom", &tls.Config{RootCAs: pool})) and use tls=custom, or tls=true with a CA the system trusts.',
    concept: 'verification-off',
    client: 'go',
    notes: 'A DSN string with the `tls=skip-verify` parameter (`user:pw@tcp(db:3306)/app?tls=skip-verify`, also after `&`), and `TLSConfig: "skip-verify"` in a `mysql.Config` literal or assigned (`cfg.TLSConfig = "skip-verify"`). A message or a comment that mentions it, and `tls=true` / `tls=custom`, are not findings.',
    examples: {
      flagged: [
        'db, err := sql.Open("mysql", "app:secret@tcp(db.example.com:3306)/shop?parseTime=true&«tls=skip-verify»")',
        `cfg := mysql.Config{User: "app", Net: "tcp", Addr: "db:3306", «TLSConfig: "skip-verify"»}`,
      ],
      ok: [
        'db, err := sql.Open("mysql", "app:secret@tcp(db.example.com:3306)/shop?tls=custom")',
        'log.Printf("use tls=skip-verify only for tests")',
        '// dsn += "&tls=skip-verify"',
      ],
    },
  }),
  insecureSkipVerify: rule('insecure-skip-verify', {
    title: 'InsecureSkipVerify: true: certificate verification is off',
    description: 'A tls.Config with InsecureSkipVerify accepts any certificate for any host. Load your CA into an x509.CertPool and set RootCAs instead.',
    fix: 'go-insecure-skip-verify',
    concept: 'verification-off',
    client: 'go',
    caVars: ['SSL_CERT_FILE'],
    notes: '`InsecureSkipVerify: someFlag` is not reported (as gosec, it would be a low-confidence guess) unless the name is bound to `true` in the same file and never assigned anything else (`skip := true`, `const insecure = true`). A literal of a struct type declared in the same file (`type Options struct { InsecureSkipVerify bool }`) is the user\'s own setting, not a tls.Config: not a finding. Nor is one in a `func TestX(t *testing.T)` whose next error check is `if err == nil { t.Fatal(…) }` (a test that the code refuses it); the same holds for every rule of the family.',
    examples: {
      flagged: [`cfg := &tls.Config{«InsecureSkipVerify: true»}
tr.TLSClientConfig.«InsecureSkipVerify = true»`,
        `const skipVerify = true

func newClient() *http.Client {
	tr := &http.Transport{
		TLSClientConfig: &tls.Config{
			MinVersion:         tls.VersionTLS12,
			«InsecureSkipVerify: skipVerify»,
		},
	}
	return &http.Client{Transport: tr}
}`],
      ok: [
        `pool, _ := x509.SystemCertPool()
pool.AppendCertsFromPEM(caPEM)
cfg := &tls.Config{RootCAs: pool}`,
        'cfg := &tls.Config{InsecureSkipVerify: false}',
        'cfg := &tls.Config{InsecureSkipVerify: *insecure}',
        '// cfg := &tls.Config{InsecureSkipVerify: true}',
        'msg := "InsecureSkipVerify: true"',
        'if cfg.InsecureSkipVerify == true { log.Print("x") }',
        `type ScrapeOptions struct {
	InsecureSkipVerify bool
}

var defaults = ScrapeOptions{InsecureSkipVerify: true}`,
        'skip := true\nskip = *insecureFlag\ncfg := &tls.Config{InsecureSkipVerify: skip}',
        `func TestNewRefusesInsecureConfig(t *testing.T) {
	cfg := Config{TLS: &tls.Config{InsecureSkipVerify: true}}
	if _, err := New(&cfg); err == nil {
		t.Fatal("New accepted InsecureSkipVerify")
	}
}`,
      ],
    },
  }),
  obsoleteProtocol: rule('obsolete-tls-version', {
    title: 'Obsolete protocol allowed (MinVersion: tls.VersionTLS10)',
    description: 'A tls.Config that allows (or pins) TLS 1.0/1.1 or SSL 3 lacks modern TLS protections. Leave MinVersion unset (Go clients default to TLS 1.2) or set tls.VersionTLS12.',
    severity: 'info',
    concept: 'obsolete-protocol',
    client: 'go',
    notes: '`MinVersion` / `MaxVersion` set to `tls.VersionTLS10`, `tls.VersionTLS11` or `tls.VersionSSL30`, in a literal or an assignment. Not on a server\'s config (an `http.Server`\'s `TLSConfig`, `server.TLSConfig = …`, a config only given to `tls.Listen`/`tls.NewListener`/`tls.Server`): there it only says which old clients are still accepted.',
    examples: {
      flagged: ['cfg := &tls.Config{«MinVersion: tls.VersionTLS10»}\ncfg.«MaxVersion = tls.VersionTLS11»'],
      ok: [
        'cfg := &tls.Config{MinVersion: tls.VersionTLS12}',
        'if state.Version == tls.VersionTLS10 { log.Print("old") }',
        'srv := &http.Server{Addr: addr, TLSConfig: &tls.Config{MinVersion: tls.VersionTLS10}, Handler: mux}\nserver.TLSConfig = &tls.Config{\n\tMinVersion: tls.VersionTLS10,\n}',
      ],
    },
  }),
  kubeInsecure: rule('kube-client-insecure', {
    title: 'Kubernetes client config with Insecure / InsecureSkipTLSVerify: the API server certificate is not checked',
    description: 'A client-go rest.Config with TLSClientConfig.Insecure (or a kubeconfig cluster with InsecureSkipTLSVerify) talks to whatever answers as the API server, credentials included. Put the cluster CA in TLSClientConfig.CAData / CAFile (the kubeconfig\'s certificate-authority-data) instead.',
    concept: 'verification-off',
    client: 'kubernetes',
    notes: '`cfg.TLSClientConfig.Insecure = true`, a `rest.TLSClientConfig{Insecure: true}` literal (also nested in `rest.Config{TLSClientConfig: …}`), a variable holding a `rest.TLSClientConfig` set later (`tlsClientConfig.Insecure = true`), and `InsecureSkipTLSVerify: true` / `cluster.InsecureSkipTLSVerify = true` (clientcmd `api.Cluster`, and the same field of other Kubernetes tools). An `Insecure` field of any other struct is not a finding.',
    examples: {
      flagged: [`func insecure(config *rest.Config) *rest.Config {
	config.«TLSClientConfig.Insecure = true»
	config.TLSClientConfig.CAData = nil
	return config
}
cfg := &rest.Config{
	Host:            host,
	BearerToken:     token,
	TLSClientConfig: rest.TLSClientConfig{«Insecure: true»},
}
clusters["dev"] = &clientcmdapi.Cluster{Server: server, «InsecureSkipTLSVerify: true»}`],
      ok: [
        `cfg := &rest.Config{
	Host:            host,
	TLSClientConfig: rest.TLSClientConfig{CAData: caPEM},
}`,
        'opts := Options{Insecure: true}\nsrv.Insecure = true',
        'cfg.TLSClientConfig.Insecure = false\nif cluster.InsecureSkipTLSVerify == true { warn() }',
      ],
    },
  }),
} as const;
