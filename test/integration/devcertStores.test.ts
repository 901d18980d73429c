// "Install / Uninstall Development CA…" and "Development CA Status" in a real VS Code, against a real NSS database
// (certutil from libnss3-tools) in a temp HOME: the extension host shares this process's environment, so HOME and
// XDG_DATA_HOME point at temp folders for the suite and are restored afterwards. Only the nss store is ever changed
// here: the system store would need sudo, and Java's cacerts may be a real JDK's (the tests never pass `java`).
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  activateExtension,
  canScreenshot,
  clearNotifications,
  SCREENSHOT_MARKER,
  selfSignedCert,
  sleep,
  waitFor,
  workspacePath,
} from './helpers';

interface StoreOutcome {
  store: string;
  target: string;
  action: string;
  message: string;
}
interface TrustResult {
  caDir: string;
  caSha256?: string;
  stores: string[];
  outcomes: StoreOutcome[];
  ran: boolean;
  message?: string;
  refused?: string;
  command?: string;
}
interface StatusResult {
  caDir: string;
  caSha256?: string;
  statuses: { store: string; present: boolean; trusted: boolean; targets: { target: string; trusted?: boolean }[] }[];
  message: string;
}

const CERTUTIL = '/usr/bin/certutil';

/** A screenshot that keeps the toasts (helpers.screenshot clears them first): the notification is what is shown. */
async function shotWithToasts(name: string, wait = 1500): Promise<void> {
  if (!canScreenshot()) return;
  await sleep(wait);
  const ack = path.join(os.tmpdir(), `tls-doctor-shot-${process.pid}-${Date.now()}-${name}.ack`);
  console.log(`${SCREENSHOT_MARKER} ${JSON.stringify({ name, ack })}`);
  const saved = await waitFor(() => fs.existsSync(ack) && fs.readFileSync(ack, 'utf8'), 30_000, `screenshot ${name}`);
  fs.rmSync(ack, { force: true });
  assert.ok(!saved.startsWith('error:'), saved);
}

/** The nicknames in an NSS database, as certutil lists them. */
function nssNicknames(db: string): string {
  const r = spawnSync(CERTUTIL, ['-L', '-d', `sql:${db}`], { encoding: 'utf8', env: { PATH: process.env.PATH } });
  return r.stdout ?? '';
}

(fs.existsSync(CERTUTIL) ? describe : describe.skip)(
  'devcert: trust stores from VS Code (NSS in a temp HOME)',
  function () {
    this.timeout(120_000);
    let tmp: string;
    let home: string;
    let caDir: string;
    const saved: Record<string, string | undefined> = {};

    before(async () => {
      await activateExtension();
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tlsd-it-stores-'));
      home = path.join(tmp, 'home');
      caDir = path.join(tmp, 'ca');
      fs.mkdirSync(home);
      for (const k of ['HOME', 'XDG_DATA_HOME', 'TLS_DOCTOR_CAROOT', 'JAVA_HOME']) saved[k] = process.env[k];
      process.env.HOME = home;
      process.env.XDG_DATA_HOME = path.join(home, '.local', 'share');
      process.env.TLS_DOCTOR_CAROOT = caDir;
      delete process.env.JAVA_HOME;
    });
    after(() => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      fs.rmSync(tmp, { recursive: true, force: true });
    });

    it('Install Development CA… opens a multi-select picker of the stores; dismissing it changes nothing', async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await clearNotifications();
      const run = vscode.commands.executeCommand<TrustResult | undefined>('tlsDoctor.installCa', { caDir });
      await sleep(4000); // the CA is created and the stores are read before the picker opens
      await shotWithToasts('devcert-install-picker');
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.strictEqual(await run, undefined, 'dismissed: nothing installed');
      assert.ok(fs.existsSync(path.join(caDir, 'rootCA.pem')), 'the CA was created, as `devcert --install` does');
      assert.strictEqual(nssNicknames(path.join(home, '.pki', 'nssdb')), '', 'no NSS database was touched');
    });

    it('installs into ~/.pki/nssdb (created), idempotently, and says so in one notification', async () => {
      await clearNotifications();
      const r = await vscode.commands.executeCommand<TrustResult>('tlsDoctor.installCa', { caDir, stores: ['nss'] });
      assert.ok(r.caSha256, JSON.stringify(r));
      const shared = r.outcomes.find((o) => o.target === `sql:${path.join(home, '.pki', 'nssdb')}`);
      assert.strictEqual(shared?.action, 'installed', JSON.stringify(r.outcomes));
      assert.deepStrictEqual(r.stores, ['nss']);
      assert.strictEqual(r.ran, false, 'no terminal for the nss store');
      const nick = `TLS Doctor development CA ${r.caSha256.slice(0, 16).toLowerCase()}`;
      assert.ok(nssNicknames(path.join(home, '.pki', 'nssdb')).includes(nick), 'certutil lists the entry');
      assert.match(
        r.message ?? '',
        /^TLS Doctor: development CA SHA-256 [0-9A-F:]{11}…: installed into NSS \(Chromium, Firefox profiles\)\.$/,
      );
      await sleep(500);
      await shotWithToasts('devcert-install-result');
      const again = await vscode.commands.executeCommand<TrustResult>('tlsDoctor.installCa', {
        caDir,
        stores: ['nss'],
      });
      assert.deepStrictEqual(
        again.outcomes.map((o) => o.action),
        ['already-installed'],
      );
      assert.match(again.message ?? '', /: already in NSS/);
    });

    it('Development CA Status lists which stores trust the CA, by fingerprint', async () => {
      await clearNotifications();
      const s = await vscode.commands.executeCommand<StatusResult>('tlsDoctor.devCaStatus', { caDir });
      const nss = s.statuses.find((x) => x.store === 'nss');
      assert.strictEqual(nss?.trusted, true, JSON.stringify(s.statuses));
      assert.ok(nss.targets.some((t) => t.trusted && t.target.endsWith('.pki/nssdb')));
      assert.strictEqual(s.statuses.find((x) => x.store === 'system')?.trusted, false, 'the OS store was not touched');
      const fp = (s.caSha256 ?? '').slice(0, 2);
      assert.match(
        s.message,
        new RegExp(`^TLS Doctor: development CA SHA-256 ${fp}:.*Trusted by: NSS \\(Chromium, Firefox profiles\\)\\.`),
      );
      await sleep(500);
      await shotWithToasts('devcert-status');
    });

    it('uninstalls exactly its entry, and the status says so', async () => {
      const db = path.join(home, '.pki', 'nssdb');
      // Another CA's entry in the same database must survive.
      const other = selfSignedCert(fs.mkdtempSync(path.join(tmp, 'other-')), { cn: 'Someone Else CA' });
      const add = spawnSync(
        CERTUTIL,
        ['-A', '-d', `sql:${db}`, '-t', 'C,,', '-n', 'someone-else', '-i', other.certFile],
        {
          encoding: 'utf8',
          env: { PATH: process.env.PATH },
        },
      );
      assert.strictEqual(add.status, 0, add.stderr);
      const u = await vscode.commands.executeCommand<TrustResult>('tlsDoctor.uninstallCa', { caDir, stores: ['nss'] });
      assert.deepStrictEqual(
        u.outcomes.map((o) => o.action),
        ['removed'],
      );
      assert.strictEqual(nssNicknames(db).includes('TLS Doctor development CA'), false);
      assert.ok(nssNicknames(db).includes('someone-else'), 'the other CA stays');
      assert.ok(nssNicknames(db).includes('someone-else'), 'the other CA stays');
      assert.match(u.message ?? '', /: removed from NSS/);
      const s = await vscode.commands.executeCommand<StatusResult>('tlsDoctor.devCaStatus', { caDir });
      assert.strictEqual(s.statuses.find((x) => x.store === 'nss')?.trusted, false);
      assert.match(s.message, /Trusted by: none\./);
    });

    it('refuses a CA folder inside the workspace or a git work tree, for install and for Create Development Certificate', async () => {
      const inWorkspace = workspacePath('devcert/ca-in-workspace');
      const r = await vscode.commands.executeCommand<TrustResult>('tlsDoctor.installCa', {
        caDir: inWorkspace,
        stores: ['nss'],
      });
      assert.match(r.refused ?? '', /overlaps the workspace/, JSON.stringify(r));
      assert.strictEqual(fs.existsSync(inWorkspace), false, 'no CA was created there');
      const repo = path.join(tmp, 'repo');
      fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
      const inGit = await vscode.commands.executeCommand<{ refused?: string; cert?: string }>(
        'tlsDoctor.createDevCert',
        {
          hosts: ['localhost'],
          folder: workspacePath('devcert'),
          caDir: path.join(repo, 'ca'),
        },
      );
      assert.match(inGit.refused ?? '', /inside the git work tree/, JSON.stringify(inGit));
      assert.strictEqual(inGit.cert, undefined);
      assert.strictEqual(fs.existsSync(path.join(repo, 'ca')), false);
    });
  },
);
