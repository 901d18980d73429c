// Same-file data flow, the small kind: a name bound once to a literal (`VERIFY = False`, `const insecure = false`,
// `skip := true`), and where a piece of code sits (a TypeScript type declaration is not a value). No parser: each
// helper answers one question over the lexed text, so a file that never reaches the question pays nothing.
import { Kind, Lexed } from './lexer';
import { enclosingOpen } from './match';

/** Escapes `s` for use inside a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Offset of the first code binding of `name` to a value matching `value` (a regex source), or -1. `forms` are
 * the binding prefixes of the language, e.g. `(?:const|let|var)\s+` for JavaScript or `` for Python.
 * Example: `bindingOf(lx, 'VERIFY', 'False', '')` finds `VERIFY = False` at the start of a line.
 */
export function bindingOf(
  lx: Lexed,
  name: string,
  value: string,
  forms: string,
  op = '=(?!=)',
): { start: number; end: number } | undefined {
  const re = new RegExp(
    `(?:^|[;{(\\n])[ \\t]*${forms}(${escapeRe(name)})[ \\t]*(?::[ \\t]*[\\w$.]+[ \\t]*)?${op}[ \\t]*(${value})(?![\\w$.(])`,
    'dg',
  );
  for (let m = re.exec(lx.code); m; m = re.exec(lx.code)) {
    const [start] = m.indices![1]!;
    const [, end] = m.indices![2]!;
    if (lx.kinds[start] === Kind.Code && lx.kinds[m.indices![2]![0]] === Kind.Code) return { start, end };
  }
  return undefined;
}

const TYPE_HEAD =
  /(?:\binterface\s+[\w$]+(?:\s*<[^{}]*>)?(?:\s+extends\s+[^{}]+?)?|\btype\s+[\w$]+(?:\s*<[^{}]*>)?\s*=)\s*$/;

/** `let x: {`, `const x?: {`: an object type annotating a variable. */
const VARIABLE_TYPE = /\b(?:let|const|var)\s+[\w$]+\s*:\s*$/;
/** `(o: {`, `, opts?: {`: an object type annotating a parameter (only where the `{` sits directly in parentheses). */
const PARAMETER_TYPE = /[(,]\s*(?:\.\.\.)?[\w$]+\??\s*:\s*$/;
/** `Partial<{`, `Record<string, {`: a type argument. `function f(…): {`: a return type (no brace or `=` between). */
const TYPE_ARGUMENT = /<\s*$|\b[A-Z][\w$]*<(?:[^<>{};=]*,)?\s*$/;
const RETURN_TYPE = /\bfunction\b[^{};=]*\)\s*:\s*$/;

/**
 * True when `offset` is inside a TypeScript `interface X { … }` or `type X = { … }` body, or an object type that
 * annotates a variable or parameter (`function f(o: { … })`), is a type argument (`Partial<{ … }>`) or a function's
 * return type: a type, not a value. An object literal's `key: { … }` is a value, and so is a ternary's `: { … }`.
 */
export function inTypeDeclaration(lx: Lexed, offset: number): boolean {
  let at = offset;
  for (let depth = 0; depth < 6; depth++) {
    const open = enclosingOpen(lx, at, '{', 4000);
    if (open < 0) return false;
    const before = lx.code.slice(Math.max(0, open - 200), open);
    if (TYPE_HEAD.test(before) || VARIABLE_TYPE.test(before) || TYPE_ARGUMENT.test(before)) return true;
    if (RETURN_TYPE.test(before)) return true;
    if (PARAMETER_TYPE.test(before)) {
      const outer = enclosingOpen(lx, open, '([{', 4000);
      if (outer >= 0 && lx.code[outer] === '(') return true;
    }
    at = open;
  }
  return false;
}
