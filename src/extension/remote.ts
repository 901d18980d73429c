// Remote awareness: under Remote-SSH, WSL, dev containers, Codespaces (and the VS Code server) the extension host
// runs on the remote machine, so checks connect from there and certificates are written and trusted there. These
// strings tell the user which machine that is and what it means for the browser on their own computer.
import * as vscode from 'vscode';

/** vscode.env.remoteName (`ssh-remote`, `wsl`, `dev-container`, `codespaces`…), undefined in a local window. */
export function remoteName(): string | undefined {
  return vscode.env.remoteName || undefined;
}

/** What "Create Development Certificate" means in a remote window; undefined in a local one. */
export function devCertRemoteNote(): string | undefined {
  const remote = remoteName();
  if (!remote) return undefined;
  return vscode.l10n.t(
    'This window runs on the remote machine ({0}): the certificate and its CA are created there, and "Install Development CA" trusts the CA on that machine only. A browser on your local computer trusts the certificate only after you install the CA on your computer too.',
    remote,
  );
}
