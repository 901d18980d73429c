// The client ids alone, so the precedence table (precedence.ts) and the client table (clients.ts) share them without
// importing each other.

/** Stable ids of the clients an explanation can name (also the keys of the fix table). */
// prettier-ignore
export type ExplainClientId =
  | 'pip' | 'conda' | 'poetry' | 'uv' | 'httpx' | 'aiohttp' | 'aws' | 'gcloud' | 'az'
  | 'python-requests' | 'python-urllib3' | 'python-ssl'
  | 'npm' | 'yarn' | 'pnpm' | 'bun' | 'deno' | 'electron' | 'axios' | 'node'
  | 'composer' | 'guzzle' | 'php' | 'cargo' | 'curl' | 'wget' | 'git'
  | 'gradle' | 'maven' | 'java'
  | 'docker' | 'kubectl' | 'helm' | 'terraform' | 'go'
  | 'powershell' | 'dotnet' | 'ruby' | 'rust' | 'openssl' | 'chrome' | 'firefox' | 'schannel';
