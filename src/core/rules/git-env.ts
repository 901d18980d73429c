// GIT_SSL_NO_VERIFY set by JavaScript/TypeScript or Go code for the git it runs, or written into the CI or container
// file a program generates: `process.env.GIT_SSL_NO_VERIFY = "1"`, `env: { GIT_SSL_NO_VERIFY: "true" }`,
// `os.Setenv("GIT_SSL_NO_VERIFY", "1")`, `cmd.Env = append(os.Environ(), "GIT_SSL_NO_VERIFY=1")`, a GitLab CI
// template's `  GIT_SSL_NO_VERIFY: "true"` line in a raw string. git turns verification off whenever the variable is
// set (python.ts reads Python's own spellings). A message that mentions the variable mid-line is not a setting.
import { Kind, Lexed } from './lexer';
import { calleeStart, enclosingCall, finding, statementAt } from './match';
import { envRuleFor } from './env';
import { inTypeDeclaration } from './flow';
import type { Finding } from './types';

const NAME = 'GIT_SSL_NO_VERIFY';
/** env.git-ssl-no-verify, the rule every spelling of the setting reports. */
const ENV_RULE = envRuleFor(NAME, '1')!;
/**
 * Group 1: the name as code (`process.env.X`, an object key `X:`), group 2 a quote of the name as a whole string
 * (`env["X"] =`, `{"X": …}`, `Setenv("X", …)`); group 3 the separator; group 4 the value's quote, group 5 the value.
 */
const SET =
  /(?:(\.?)\bGIT_SSL_NO_VERIFY\b|(["'`])GIT_SSL_NO_VERIFY\2)\s*(=(?!=)|:|\]\s*=(?!=)|,)\s*(?:(["'`])([^"'`\n]{0,8})\4|(\d+|true)\b)/dg;
/** The setting as text: a string that is `X=1`, or a line of a string that sets it (`X: "true"`, `export X=1`,
 * `ENV X=1`, `- X=1`). Group 1 is the line start or the string's quote. */
const IN_TEXT =
  /(^|["'`])[ \t]*(?:-[ \t]+|export[ \t]+|ENV[ \t]+)?GIT_SSL_NO_VERIFY[ \t]*(?:=|:[ \t]*)(["']?)([\w.-]{0,8})\2/gm;

/** Calls whose strings are text for people (`console.log("export GIT_SSL_NO_VERIFY=1")`, `log.Printf`, `t.Errorf`). */
const MESSAGE =
  /^(?:log|info|warn|warning|error|debug|trace|alert|print\w*|Print\w*|Fatal\w*|Error\w*|Warn\w*|Info\w*|Debug\w*|Log\w*|Skip\w*)$/;

/** Every place `lx` sets GIT_SSL_NO_VERIFY (see the file comment), reported with the env rule. */
export function gitNoVerifyFindings(lx: Lexed, out: Finding[]): void {
  if (!lx.code.includes(NAME)) return;
  SET.lastIndex = 0;
  for (let m = SET.exec(lx.code); m; m = SET.exec(lx.code)) {
    const name = m.indices![0]![0] + (m[1] ?? m[2] ?? '').length;
    const sep = m.indices![3]![0];
    // The name is code (or one whole string), the separator code: not a mention inside a longer string.
    if (lx.kinds[sep] !== Kind.Code) continue;
    if (m[2] ? lx.kinds[m.index - 1] === Kind.String : lx.kinds[name] !== Kind.Code) continue;
    // `interface Env { GIT_SSL_NO_VERIFY: "1" }`: a TypeScript type, not a value.
    if (m[3] === ':' && inTypeDeclaration(lx, m.index)) continue;
    // `Setenv("X", v)` and `env["X"] = v`: `,` only as a setter call's first argument.
    if (m[3] === ',' && !/^(?:Setenv|setenv|set|put)$/.test(enclosingCall(lx, m.index)?.name ?? '')) continue;
    const value = m[5] ?? m[6] ?? '';
    if (!envRuleFor(NAME, value)) continue;
    const bracket = m[3].startsWith(']') ? lx.code.lastIndexOf('[', m.index) : -1;
    const start =
      m[1] === '.'
        ? calleeStart(lx, m.index)
        : bracket >= 0
          ? calleeStart(lx, bracket)
          : m[3] === ','
            ? enclosingCall(lx, m.index)!.start
            : m.index;
    const end = m[3] === ',' ? enclosingCall(lx, m.index)!.end : m.index + m[0].length;
    out.push(finding(lx, ENV_RULE, start, end, statementAt(lx, start)));
  }
  IN_TEXT.lastIndex = 0;
  for (let m = IN_TEXT.exec(lx.code); m; m = IN_TEXT.exec(lx.code)) {
    const at = m.index + m[0].indexOf(NAME);
    if (lx.kinds[at] !== Kind.String) continue;
    // A line of one string (a template) set to the value alone, or a string that is the assignment and nothing else
    // (its quote opens the string and closes it right after the value).
    const end = m.index + m[0].length;
    const whole = m[1] === '' ? /^[ \t]*(?:\r?\n|$)/.test(lx.code.slice(end, end + 40)) : lx.code[end] === m[1];
    if (!whole || (m[1] === '' ? lx.kinds[m.index - 1] !== Kind.String : lx.kinds[m.index - 1] === Kind.String)) {
      continue;
    }
    if (!envRuleFor(NAME, m[3]) || (m[3] === '' && m[2] === '')) continue;
    if (MESSAGE.test(enclosingCall(lx, at)?.name ?? '')) continue;
    out.push(finding(lx, ENV_RULE, at, end, statementAt(lx, at)));
  }
}
