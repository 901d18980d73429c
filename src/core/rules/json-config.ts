// npm-style `strict-ssl` written as JSON: `.bowerrc`, an `.npmrc` or `.yarnrc` kept as JSON, a package.json's
// `publishConfig`/`config`, any JSON settings file, and the same object in JavaScript/TypeScript code (`exports.npm =
// { "strict-ssl": false }`, `npm.load({ "strict-ssl": false }, cb)`). The key, hyphen included, is what npm, yarn 1,
// bower and apm read (`strict-ssl=false` in an ini file is config.npmrc-strict-ssl), so a quoted key set to false is
// the switch whatever the file's name. Its own family (the rule is the config family's): JSON and JavaScript files
// are many (node_modules), and one needle keeps them cheap.
import { Kind, lex, SYNTAX } from './lexer';
import { finding } from './match';
import { countReaches, inTypeDeclaration, MAX_FOLLOWED, objectSinks } from './flow';
import { JS_FLOW } from './javascript';
import { docOf } from './env';
import { defineFamily } from './define';
import { CFG } from './catalog/config';
import { Finding, RuleFamily } from './types';

/** The switch: a quoted `strict-ssl` key, `:`, then false or "false" (group 1: the key's quote). */
const STRICT_SSL = /(["'])strict-ssl\1[ \t]*:[ \t\r\n]*(?:false|(["'])false\2)(?![\w$])/g;
const PREFILTER = /strict-ssl["'][ \t]*:[ \t\r\n]*["']?false/;
/** In every PREFILTER match: the key's end (`-`, rare in code, starts it). One needle, not one per quote: each is a
 * search of every JavaScript and JSON file (about 17 ms CPU on the scan bench's 103 MB of node_modules). */
const NEEDLES = ['-ssl'];

const JSON_FILE = /\.(?:json|jsonc|json5)$|(?:^|[\\/])\.(?:bowerrc|npmrc|yarnrc|apmrc)$/i;
const JS_FILE = /\.[cm]?[jt]sx?$/i;
const JS_LANGUAGE = /^(?:java|type)script(?:react)?$/;
const COMMENT_LINE = /^[ \t]*(?:\/\/|#|\/\*|\*)/;

function isJs(path: string, languageId?: string): boolean {
  return (languageId !== undefined && JS_LANGUAGE.test(languageId)) || JS_FILE.test(path);
}

/** JSON text: every match outside a comment line (JSONC allows `//`). */
function scanJson(text: string): Finding[] {
  const doc = docOf(text);
  const out: Finding[] = [];
  STRICT_SSL.lastIndex = 0;
  for (let m = STRICT_SSL.exec(text); m; m = STRICT_SSL.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    if (COMMENT_LINE.test(text.slice(lineStart, m.index + 1))) continue;
    out.push(finding(doc, CFG.jsonStrictSsl, m.index, m.index + m[0].length));
  }
  return out;
}

/** JavaScript/TypeScript: a property of an object literal (the key a string of its own, the colon code), not a type. */
function scanJs(text: string): Finding[] {
  const lx = lex(text, SYNTAX.js);
  const out: Finding[] = [];
  STRICT_SSL.lastIndex = 0;
  for (let m = STRICT_SSL.exec(lx.code); m; m = STRICT_SSL.exec(lx.code)) {
    const colon = m.index + m[0].indexOf(':');
    if (lx.kinds[m.index] !== Kind.String || lx.kinds[m.index - 1] === Kind.String) continue;
    if (lx.kinds[colon] !== Kind.Code || inTypeDeclaration(lx, m.index)) continue;
    out.push(finding(lx, CFG.jsonStrictSsl, m.index, m.index + m[0].length));
  }
  // Each object is searched for in the whole file: a generated file with thousands keeps them on their values.
  return out.length > MAX_FOLLOWED ? out : countReaches(objectSinks(lx, out, JS_FLOW));
}

/** Docs: what this family reads (its one rule, config.json-strict-ssl, is the config family's). */
const NOTES_TEXT =
  'Also read: `"strict-ssl": false` in JSON files of any name (`.bowerrc`, an `.npmrc` written as JSON, `package.json`) and in object literals of JavaScript/TypeScript code.';

/** `"strict-ssl": false` in JSON files and JavaScript/TypeScript object literals (no rules of its own). */
export const jsonConfig: RuleFamily = defineFamily({
  id: 'json-config',
  prefilter: PREFILTER,
  needles: NEEDLES,
  rules: {},
  notes: NOTES_TEXT,
  appliesTo: (path, languageId) =>
    JSON_FILE.test(path) || languageId === 'json' || languageId === 'jsonc' || isJs(path, languageId),
  scan: (text, path, languageId) => {
    if (!PREFILTER.test(text)) return [];
    return isJs(path, languageId) ? scanJs(text) : scanJson(text);
  },
});
