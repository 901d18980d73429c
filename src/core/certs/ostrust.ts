// The exact commands that add the development CA to (or remove it from) the operating system's trust store.
// Pure: TLS Doctor shows them and runs them in a visible terminal only after the user confirms. One entry per
// platform, like mkcert's truststore_<platform>.go files.
import { shellWord } from '../text/quote';

/** Commands for one platform. `install`/`uninstall` are single shell lines for that platform's default shell. */
export interface TrustCommands {
  platform: string;
  install: string;
  uninstall: string;
  /** What the commands do not cover, or need (admin rights, a browser restart…). */
  notes: string[];
}

/** What the commands need to know about the CA. */
export interface CaIdentity {
  /** Path of the CA certificate (PEM). */
  certPath: string;
  /** SHA-256 fingerprint, hex without colons: a unique, stable file name for Linux anchors. */
  sha256: string;
  /** SHA-1 fingerprint, hex without colons: how macOS `security delete-certificate -Z` names it. */
  sha1: string;
  /** Serial number in hex: how Windows `certutil -delstore` names it. */
  serial: string;
}

const NSS_NOTE =
  'Firefox and Chromium on Linux use their own NSS databases: import ca.pem in their certificate settings (or with certutil from libnss3-tools).';
const CLIENT_NOTE =
  'Node and Python requests ignore the OS store: use the bundle environment variables (NODE_EXTRA_CA_CERTS, REQUESTS_CA_BUNDLE) for them.';

/** Linux families, told apart by /etc/os-release (ID and ID_LIKE). */
export type LinuxFamily = 'debian' | 'fedora' | 'arch' | 'suse';

/** Reads the distribution family from the text of /etc/os-release; Debian-like when unknown. */
export function linuxFamily(osRelease: string): LinuxFamily {
  const ids = [...osRelease.matchAll(/^(?:ID|ID_LIKE)=["']?([^"'\n]+)/gm)].flatMap((m) =>
    m[1].toLowerCase().split(/\s+/),
  );
  if (ids.some((i) => ['fedora', 'rhel', 'centos', 'rocky', 'almalinux', 'amzn'].includes(i))) return 'fedora';
  if (ids.some((i) => ['arch', 'manjaro', 'endeavouros'].includes(i))) return 'arch';
  if (ids.some((i) => i.includes('suse'))) return 'suse';
  return 'debian';
}

function linuxCommands(ca: CaIdentity, family: LinuxFamily): TrustCommands {
  const name = `tls-doctor-${ca.sha256.slice(0, 16).toLowerCase()}`;
  const anchor = (dir: string, ext: string, refresh: string, platform: string): TrustCommands => ({
    platform,
    // update-ca-certificates only picks up files ending in .crt (Debian); the fingerprint keeps names unique.
    install: `sudo install -m 0644 ${shellWord(ca.certPath)} ${dir}/${name}${ext} && sudo ${refresh}`,
    uninstall: `sudo rm -f ${dir}/${name}${ext} && sudo ${refresh}${refresh === 'update-ca-certificates' ? ' --fresh' : ''}`,
    notes: [NSS_NOTE, CLIENT_NOTE],
  });
  switch (family) {
    case 'fedora':
      return anchor('/etc/pki/ca-trust/source/anchors', '.pem', 'update-ca-trust', 'Linux (Fedora/RHEL)');
    case 'suse':
      return anchor('/etc/pki/trust/anchors', '.pem', 'update-ca-certificates', 'Linux (openSUSE)');
    case 'arch':
      return {
        platform: 'Linux (Arch)',
        install: `sudo trust anchor --store ${shellWord(ca.certPath)}`,
        uninstall: `sudo trust anchor --remove ${shellWord(ca.certPath)}`,
        notes: [NSS_NOTE, CLIENT_NOTE],
      };
    default:
      return anchor('/usr/local/share/ca-certificates', '.crt', 'update-ca-certificates', 'Linux (Debian/Ubuntu)');
  }
}

function macCommands(ca: CaIdentity): TrustCommands {
  const keychain = '/Library/Keychains/System.keychain';
  return {
    platform: 'macOS',
    // -d: admin trust settings; -r trustRoot: trusted as a root (mkcert's truststore_darwin.go does the same).
    install: `sudo security add-trusted-cert -d -r trustRoot -k ${keychain} ${shellWord(ca.certPath)}`,
    uninstall: `sudo security delete-certificate -Z ${ca.sha1} ${keychain}`,
    notes: ['Firefox uses its own store unless security.enterprise_roots.enabled is set.', CLIENT_NOTE],
  };
}

function windowsCommands(ca: CaIdentity): TrustCommands {
  return {
    platform: 'Windows',
    // The current user's Root store needs no admin rights; Windows shows its own confirmation dialog.
    install: `certutil -addstore -user Root "${ca.certPath}"`,
    uninstall: `certutil -delstore -user Root ${ca.serial}`,
    notes: ['Windows asks for confirmation in a dialog of its own.', CLIENT_NOTE],
  };
}

/** The install/uninstall commands for `platform` (Node's process.platform values), e.g. `trustCommands('linux', ca, osRelease)`. */
export function trustCommands(platform: NodeJS.Platform, ca: CaIdentity, osRelease = ''): TrustCommands {
  if (platform === 'darwin') return macCommands(ca);
  if (platform === 'win32') return windowsCommands(ca);
  if (platform === 'linux') return linuxCommands(ca, linuxFamily(osRelease));
  throw new Error(`installing a CA into the trust store of ${platform} is not supported; trust ${ca.certPath} by hand`);
}
