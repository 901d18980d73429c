// C#: certificate validation callbacks that always return true, and HttpClientHandler's
// DangerousAcceptAnyServerCertificateValidator, and pinned obsolete protocol versions.
import { lex, SYNTAX } from './lexer';
import { Lexed } from './lexer';
import { eachCodeMatch, finding, pushMatches, statementAt, withLiterals } from './match';
import { defineFamily, NOTES } from './define';
import { Finding, RuleFamily } from './types';
import { CS } from './catalog/csharp';

/** Keywords without which no rule of this family can match (see RuleFamily.prefilter). */
const PREFILTER =
  /ValidationCallback|DangerousAcceptAny|SslPolicyErrors|CheckValidationResult|SslStream|SecurityProtocolType\.(?:Ssl3|Tls\b|Tls11)|SslProtocols\.(?:Ssl[23]|Tls\b|Tls11)|(?:SecurityProtocolType|SslProtocols)\s*\)/;

/** `X.ServerCertificateCustomValidationCallback = (a, b, c, d) => true`, `+= delegate { return true; }`, `new RemoteCertificateValidationCallback(...)`. */
const CALLBACK = withLiterals(
  /\b(ServerCertificateCustomValidationCallback|ServerCertificateValidationCallback|RemoteCertificateValidationCallback)\s*(?:\+?=(?!=)|\()\s*((?:\([^()]*\)|[\w@]+)\s*=>\s*(?:true\b|\{\s*return\s+true\s*;\s*\})|delegate\s*(?:\([^()]*\))?\s*\{\s*return\s+true\s*;\s*\})/dg,
  ['CertificateCustomValidationCallback', 'CertificateValidationCallback'],
  6,
);
/**
 * A method that can only say yes, written to be a validation callback: its parameters include `SslPolicyErrors` (a
 * RemoteCertificateValidationCallback target) or it is ICertificatePolicy's `CheckValidationResult`, and its body is
 * `return true;` (comments aside), after nothing but logging (`Debug.WriteLine(…);`, `_logger.LogWarning(…);`) and
 * local variables (`string key = certificate?.GetPublicKeyString();`, a pinning check written and never used): it
 * cannot refuse. The finding runs from the method name (group 2) to the end of its body.
 */
const ACCEPT_METHOD =
  /\bbool\s+((?:CheckValidationResult\s*\([^()]*\bServicePoint\b|([\w@]+)\s*\([^()]*\bSslPolicyErrors\b)[^()]*\)\s*\{\s*(?:(?:(?:(?:System\.Diagnostics\.)?(?:Debug|Trace|Console)|_?[lL]og(?:ger)?)\s*\.\s*\w+\s*\(|(?:var|[A-Za-z_][\w.]*\??)\s+[\w@]+\s*=(?!=))(?:"(?:[^"\\\n]|\\.)*"|[^;{}"])*;\s*)*return\s+true\s*;\s*\})/dg;
/** `new SslStream(inner, false, (sender, cert, chain, errors) => true)`: the callback argument accepts everything. */
const SSL_STREAM =
  /\bnew\s+SslStream\s*\(\s*(?:[^,()]|\([^()]*\))+,\s*(?:leaveInnerStreamOpen\s*:\s*)?(?:true|false)\s*,\s*(?:userCertificateValidationCallback\s*:\s*)?((?:\([^()]*\)|[\w@]+)\s*=>\s*(?:true\b|\{\s*return\s+true\s*;\s*\})|delegate\s*(?:\([^()]*\))?\s*\{\s*return\s+true\s*;\s*\})/dg;
const DANGEROUS = /(?:\bHttpClientHandler\s*\.\s*)?\bDangerousAcceptAnyServerCertificateValidator\b/dg;

/** `SecurityProtocolType.Tls`, `SslProtocols.Tls11`: obsolete versions (`Tls12`, `Tls13` are not matched). */
const PROTOCOL = /\b(?:SecurityProtocolType\s*\.\s*(?:Ssl3|Tls11|Tls)|SslProtocols\s*\.\s*(?:Ssl2|Ssl3|Tls11|Tls))\b/g;

/**
 * A protocol value cast from its number (.NET 4.0 code that cannot name Tls12: `(SecurityProtocolType)768`,
 * `(SslProtocols)0x300`); group 1 the number. Obsolete when it holds a bit of Ssl2 (12), Ssl3 (48), Tls (192) or
 * Tls11 (768): `(SecurityProtocolType)3072` (Tls12) and `0` (SystemDefault / None) are not findings.
 */
const CAST =
  /\((?:System\.Net\.|System\.Security\.Authentication\.)?(?:SecurityProtocolType|SslProtocols)\)\s*(0[xX][0-9A-Fa-f]+|\d+)\b/g;
const OBSOLETE_BITS = 12 | 48 | 192 | 768;
/** `const SslProtocols Tls10 = (SslProtocols)0x300;`, `static readonly SecurityProtocolType P = …;` (2: name, 3: value). */
const PROTOCOL_CONST =
  /\b(?:const|static\s+readonly|readonly\s+static)\s+(?:System\.Net\.|System\.Security\.Authentication\.)?(SecurityProtocolType|SslProtocols)\s+(\w+)\s*=\s*([^;{}]+);/dg;

/** The ACCEPT_METHOD findings, each with the method's name (undefined for CheckValidationResult). */
function acceptMethods(lx: Lexed): { f: Finding; name?: string }[] {
  const out: { f: Finding; name?: string }[] = [];
  eachCodeMatch(
    lx,
    ACCEPT_METHOD,
    (m) => {
      const start = m.indices![1]![0];
      out.push({ f: finding(lx, CS.callback, start, m.index + m[0].length, statementAt(lx, start)), name: m[2] });
    },
    1,
  );
  return out;
}

/**
 * The sink rule for such a method: registered by name in this file (`ServicePointManager
 * .ServerCertificateValidationCallback += ValidateRemoteCertificate;`, `new RemoteCertificateValidationCallback(
 * Accept)`), it is found at each registration, the method as related information; otherwise at the method.
 */
function atRegistrations(lx: Lexed, methods: readonly { f: Finding; name?: string }[]): Finding[] {
  const out: Finding[] = [];
  for (const { f, name } of methods) {
    const re = name
      ? new RegExp(
          `\\b(?:ServerCertificate(?:Custom)?ValidationCallback\\s*\\+?=(?!=)|RemoteCertificateValidationCallback\\s*\\()\\s*(?:this\\.|[\\w@]+\\.)?${name}\\b(?!\\s*\\()`,
          'g',
        )
      : undefined;
    const sinks = re ? [...lx.code.matchAll(re)] : [];
    if (sinks.length === 0) out.push(f);
    for (const m of sinks) {
      const at = m.index;
      const sink = finding(lx, CS.callback, at, at + m[0].length, statementAt(lx, at));
      out.push({ ...sink, related: [{ range: f.range, message: 'this callback accepts every certificate' }] });
    }
  }
  return out;
}

/**
 * `ServerCertificateValidationCallback +=` with the lambda on the next line: the finding starts at the lambda (group
 * 2), the line that says yes (a suppression marker or a reviewer's eye goes there); on one line, at the property.
 */
function callbackStart(lx: Lexed, m: RegExpExecArray): number {
  const value = m.indices![2]![0];
  return lx.code.lastIndexOf('\n', value) > m.index ? value : m.index;
}

/** Set, not compared: after `=`, `|`, `(` or `,` (never `==`, `!=` or `case`). */
function isSet(lx: Lexed, at: number): boolean {
  return /(?:[^=!<>]=|\||\(|,)\s*$/.test(lx.code.slice(Math.max(0, at - 40), at));
}

/** Scans C# source. */
export function scanCsharp(text: string): Finding[] {
  if (!PREFILTER.test(text)) return [];
  const lx = lex(text, SYNTAX.csharp);
  const out: Finding[] = [];
  eachCodeMatch(lx, CALLBACK, (m) => {
    const start = callbackStart(lx, m);
    out.push(finding(lx, CS.callback, start, m.index + m[0].length, statementAt(lx, start)));
  });
  out.push(...atRegistrations(lx, acceptMethods(lx)));
  pushMatches(lx, SSL_STREAM, CS.callback, out, 0, 1);
  pushMatches(lx, DANGEROUS, CS.dangerous, out);
  out.push(...obsoleteProtocols(lx));
  return out;
}

/**
 * Obsolete protocol values where they are set: enum members and numeric casts, each once per `|` chain that spans
 * lines (`= SecurityProtocolType.Ssl3` then `| SecurityProtocolType.Tls;` is one statement, found on its first
 * line). A constant holding one (`const SecurityProtocolType Tls10 = (SecurityProtocolType)_Tls10;`) is found where
 * it is set, `SecurityProtocol = Tls12 | Tls10` (the sink rule), with the constant as related information; a
 * constant used nowhere in the file is found on its value.
 */
function obsoleteProtocols(lx: Lexed): Finding[] {
  const values: Finding[] = [];
  pushMatches(lx, PROTOCOL, CS.obsoleteProtocol, values, 0, 0, (m) => isSet(lx, m.index));
  pushMatches(
    lx,
    CAST,
    CS.obsoleteProtocol,
    values,
    0,
    0,
    (m) => (Number(m[1]) & OBSOLETE_BITS) !== 0 && isSet(lx, m.index),
  );
  const consts = protocolConsts(lx, values);
  const sinks: Finding[] = [];
  const moved = new Set<Finding>();
  for (const c of consts) {
    const uses = usesOf(lx, c.name, consts);
    if (uses.length === 0) continue;
    for (const v of c.values) moved.add(v);
    for (const at of uses) {
      const f = finding(lx, CS.obsoleteProtocol, at, at + c.name.length, statementAt(lx, at));
      sinks.push({ ...f, related: [{ range: c.values[0].range, message: 'the obsolete protocol value is set here' }] });
    }
  }
  const all = [...values.filter((v) => !moved.has(v)), ...sinks].sort((a, b) => startOf(lx, a) - startOf(lx, b));
  return all.filter((f, i) => i === 0 || !sameChain(lx, all[i - 1], f));
}

function startOf(lx: Lexed, f: Finding): number {
  return lx.lineStarts[f.range.start.line] + f.range.start.character;
}

/** `b` continues, on a later line, the `|` chain of `a` (`= X.Ssl3` newline `| X.Tls`). */
function sameChain(lx: Lexed, a: Finding, b: Finding): boolean {
  if (a.range.end.line === b.range.start.line) return false;
  const between = lx.code.slice(lx.lineStarts[a.range.end.line] + a.range.end.character, startOf(lx, b));
  return /^[\s)]*\|(?:[\s(]*[\w.]+(?:\)\s*(?:0[xX][0-9A-Fa-f]+|\d+))?[\s)]*\|)*[\s(]*$/.test(between);
}

interface ProtocolConst {
  readonly name: string;
  /** The declaration [start, end) and the obsolete findings on its value (or the constants it names). */
  readonly span: readonly [number, number];
  readonly values: Finding[];
}

/** Protocol constants whose value holds an obsolete member or cast, directly or through another such constant. */
function protocolConsts(lx: Lexed, values: readonly Finding[]): ProtocolConst[] {
  const all: ProtocolConst[] = [];
  PROTOCOL_CONST.lastIndex = 0;
  for (let m = PROTOCOL_CONST.exec(lx.code); m?.indices; m = PROTOCOL_CONST.exec(lx.code)) {
    const [vs, ve] = m.indices[3]!;
    const own = values.filter((v) => startOf(lx, v) >= vs && startOf(lx, v) < ve);
    all.push({ name: m[2], span: [m.index, m.index + m[0].length], values: own });
  }
  // A constant named in another's value (`(SecurityProtocolType)_Tls10`) passes its values on; two rounds cover
  // the chains seen in code (a cast constant, then a typed alias of it).
  for (let round = 0; round < 2; round++) {
    for (const c of all) {
      const value = lx.code.slice(c.span[0], c.span[1]).replace(/^[^=]*=/, '');
      for (const other of all) {
        if (
          other !== c &&
          other.values.length > 0 &&
          c.values.length === 0 &&
          new RegExp(`\\b${other.name}\\b`).test(value)
        ) {
          c.values.push(...other.values);
        }
      }
    }
  }
  return all.filter((c) => c.values.length > 0);
}

/** Where `name` is set outside the protocol constants' own declarations (`SecurityProtocol = Tls12 | name`). */
function usesOf(lx: Lexed, name: string, consts: readonly ProtocolConst[]): number[] {
  const out: number[] = [];
  const re = new RegExp(`(?<![\\w.])${name}\\b`, 'g');
  for (let m = re.exec(lx.code); m; m = re.exec(lx.code)) {
    if (consts.some((c) => m!.index >= c.span[0] && m!.index < c.span[1])) continue;
    if (isSet(lx, m.index)) out.push(m.index);
  }
  return out;
}

/** The C# family (`.cs`, `.csx`). */
export const csharp: RuleFamily = defineFamily({
  id: 'csharp',
  prefilter: PREFILTER,
  rules: CS,
  notes: NOTES.code,
  appliesTo: (path, languageId) => languageId === 'csharp' || /\.csx?$/i.test(path),
  scan: (text) => scanCsharp(text),
});
