// Java keeps its own trust store (a JDK's lib/security/cacerts) and ignores the OS and NSS ones. Like mkcert, the
// CA goes into $JAVA_HOME's cacerts, but only when that file is writable by the user; otherwise into a per-user
// truststore seeded with the JDK's roots (so public sites keep working, like bundle.pem does for Python and Node),
// which Java reads when pointed at it with -Djavax.net.ssl.trustStore. The alias holds the CA's fingerprint, so
// uninstall and status touch only this CA's entry.
import * as fs from 'fs';
import * as path from 'path';
import { failureText, isExecutable, run, which } from './run';
import { entryName, StoreContext, StoreStatus, TrustStore } from './types';

/** The default password of every JDK's cacerts, which Java's own tools assume; the store holds no secrets. */
export const STORE_PASSWORD = 'changeit';

/** The keystore the CA goes into and why that one. */
export interface JavaTarget {
  keystore: string;
  kind: 'jdk-cacerts' | 'user-truststore';
  /** The JDK cacerts to seed a new user truststore from (public roots), when one was found. */
  seedFrom?: string;
}

/** keytool from $JAVA_HOME/bin, else from PATH. */
export function findKeytool(ctx: Pick<StoreContext, 'env'>): string | undefined {
  const home = ctx.env.JAVA_HOME;
  const inHome = home ? path.join(home, 'bin', process.platform === 'win32' ? 'keytool.exe' : 'keytool') : undefined;
  return inHome && isExecutable(inHome) ? inHome : which('keytool', ctx.env);
}

/** The JDK cacerts that goes with `keytool` ($JAVA_HOME's, else the one beside the resolved keytool). */
function jdkCacerts(ctx: StoreContext, keytool: string): string | undefined {
  const homes = [ctx.env.JAVA_HOME, path.dirname(path.dirname(realpath(keytool)))].filter((h): h is string =>
    Boolean(h),
  );
  return homes.map((h) => path.join(h, 'lib', 'security', 'cacerts')).find((f) => fs.existsSync(f));
}

function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** The per-user truststore: `$XDG_DATA_HOME/tls-doctor/java-truststore.p12` (≈ ~/.local/share/…). */
export function userTruststore(ctx: Pick<StoreContext, 'env' | 'home'>): string {
  const data =
    ctx.env.XDG_DATA_HOME && path.isAbsolute(ctx.env.XDG_DATA_HOME)
      ? ctx.env.XDG_DATA_HOME
      : path.join(ctx.home, '.local', 'share');
  return path.join(data, 'tls-doctor', 'java-truststore.p12');
}

/** Where the CA goes: $JAVA_HOME's cacerts when the user may write it (mkcert's choice), else the user truststore. */
export function javaTarget(ctx: StoreContext, keytool: string): JavaTarget {
  const cacerts = ctx.env.JAVA_HOME ? path.join(ctx.env.JAVA_HOME, 'lib', 'security', 'cacerts') : undefined;
  if (cacerts && writable(cacerts)) return { keystore: cacerts, kind: 'jdk-cacerts' };
  return { keystore: userTruststore(ctx), kind: 'user-truststore', seedFrom: jdkCacerts(ctx, keytool) };
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** How Java programs use the target: nothing for cacerts, the system properties for the user truststore. */
export function javaUsage(t: JavaTarget): string {
  return t.kind === 'jdk-cacerts'
    ? `the JDK's cacerts ${t.keystore} (every Java program of that JDK trusts it)`
    : `the user truststore ${t.keystore}; Java uses it with -Djavax.net.ssl.trustStore=${t.keystore} -Djavax.net.ssl.trustStorePassword=${STORE_PASSWORD} (e.g. in JAVA_TOOL_OPTIONS)`;
}

const opts = (ctx: StoreContext) => ({ env: ctx.env, timeoutMs: ctx.timeoutMs ?? 60_000 });
/** keytool is a JVM start each time: the C1 compiler only and the serial GC make those short runs start faster. */
const JVM_FAST = ['-J-XX:TieredStopAtLevel=1', '-J-XX:+UseSerialGC'];
const keytoolRun = (keytool: string, args: string[], ctx: StoreContext) =>
  run(keytool, [...args.slice(0, 1), ...JVM_FAST, ...args.slice(1)], opts(ctx));
const storeArgs = (t: JavaTarget) => ['-keystore', t.keystore, '-storepass', STORE_PASSWORD];

async function hasAlias(keytool: string, t: JavaTarget, ctx: StoreContext): Promise<boolean> {
  if (!fs.existsSync(t.keystore)) return false;
  return (await keytoolRun(keytool, ['-list', ...storeArgs(t), '-alias', entryName(ctx.ca)], ctx)).ok;
}

/** Creates the user truststore as a copy of the JDK's roots (an empty truststore would reject every public site). */
async function createUserStore(keytool: string, t: JavaTarget, ctx: StoreContext): Promise<string | undefined> {
  fs.mkdirSync(path.dirname(t.keystore), { recursive: true, mode: 0o700 });
  if (!t.seedFrom) return undefined; // importcert creates an empty PKCS12 store
  const r = await keytoolRun(
    keytool,
    [
      '-importkeystore',
      '-noprompt',
      '-srckeystore',
      t.seedFrom,
      '-srcstorepass',
      STORE_PASSWORD,
      '-destkeystore',
      t.keystore,
      '-deststoretype',
      'PKCS12',
      '-deststorepass',
      STORE_PASSWORD,
    ],
    ctx,
  );
  return r.ok ? undefined : `cannot copy the JDK roots from ${t.seedFrom}: ${failureText(r)}`;
}

const NO_KEYTOOL = 'keytool not found (install a JRE, e.g. default-jre-headless, or set JAVA_HOME)';

export const javaStore: TrustStore = {
  name: 'java',
  present: (ctx) => findKeytool(ctx) !== undefined,
  async install(ctx) {
    const keytool = findKeytool(ctx);
    if (!keytool) return [{ store: 'java', target: '', action: 'unavailable', message: NO_KEYTOOL }];
    const t = javaTarget(ctx, keytool);
    const base = { store: 'java' as const, target: t.keystore };
    if (await hasAlias(keytool, t, ctx)) {
      return [{ ...base, action: 'already-installed', message: `already in ${javaUsage(t)}` }];
    }
    if (!fs.existsSync(t.keystore)) {
      const failed = await createUserStore(keytool, t, ctx);
      if (failed) return [{ ...base, action: 'failed', message: failed }];
    }
    const r = await keytoolRun(
      keytool,
      [
        '-importcert',
        '-noprompt',
        '-trustcacerts',
        '-alias',
        entryName(ctx.ca),
        '-file',
        ctx.ca.certPath,
        ...storeArgs(t),
      ],
      ctx,
    );
    if (!r.ok) {
      return [
        { ...base, action: 'failed', message: `keytool -importcert failed for ${t.keystore}: ${failureText(r)}` },
      ];
    }
    return [{ ...base, action: 'installed', message: `added to ${javaUsage(t)}` }];
  },
  async uninstall(ctx) {
    const keytool = findKeytool(ctx);
    if (!keytool) return [{ store: 'java', target: '', action: 'unavailable', message: NO_KEYTOOL }];
    const t = javaTarget(ctx, keytool);
    const base = { store: 'java' as const, target: t.keystore };
    if (!(await hasAlias(keytool, t, ctx))) {
      return [{ ...base, action: 'not-installed', message: `not in ${t.keystore}` }];
    }
    const r = await keytoolRun(keytool, ['-delete', '-alias', entryName(ctx.ca), ...storeArgs(t)], ctx);
    if (!r.ok) {
      return [{ ...base, action: 'failed', message: `keytool -delete failed for ${t.keystore}: ${failureText(r)}` }];
    }
    return [{ ...base, action: 'removed', message: `removed from ${t.keystore}` }];
  },
  async status(ctx): Promise<StoreStatus> {
    const keytool = findKeytool(ctx);
    if (!keytool) return { store: 'java', present: false, trusted: false, targets: [], note: NO_KEYTOOL };
    const t = javaTarget(ctx, keytool);
    const trusted = await hasAlias(keytool, t, ctx);
    return { store: 'java', present: true, trusted, targets: [{ target: t.keystore, trusted, detail: t.kind }] };
  },
};
