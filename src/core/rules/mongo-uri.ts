// A MongoDB connection URI's query parameters that turn verification off, inside a string of Python or
// JavaScript/TypeScript code: `MongoClient("mongodb://db/?tlsAllowInvalidCertificates=true")`,
// `mongoose.connect("mongodb+srv://…/?tlsInsecure=true")`. The drivers of both languages read the same URI options
// (MongoDB's connection-string spec), so one matcher serves python.ts and javascript.ts; each reports its own rules.
import { Kind, Lexed } from './lexer';
import { enclosingCall } from './match';

/** `tlsAllowInvalidCertificates=true` / `tlsInsecure=true` / `tlsAllowInvalidHostnames=true` (or the older `ssl…`)
 * after `?` or `&`; group 1 is the host-name one. */
const PARAM =
  /(?<=[?&])(?:tlsAllowInvalidCertificates|tlsInsecure|sslAllowInvalidCertificates|(tlsAllowInvalidHostnames|sslAllowInvalidHostnames))=true\b/g;

/** Calls whose strings are text for people or a test's expectation (`console.log("… ?tlsInsecure=true …")`). */
const MESSAGE_CALL = /^(?:log|info|warn|warning|error|debug|trace|print|assert\w*|expect|to[A-Z]\w*)$/;

/** A finding's value that is such a parameter (followed from a URI bound to a name to the calls taking it, flow.ts). */
export const isMongoUriParameter = (value: string) => /^(?:tls|ssl)\w+=true$/.test(value);

/** Each such parameter inside a string that is not a message's text: its offsets, and whether it is the host-name one. */
export function mongoUriParameters(lx: Lexed): { start: number; end: number; hostnames: boolean }[] {
  const out: { start: number; end: number; hostnames: boolean }[] = [];
  PARAM.lastIndex = 0;
  for (let m = PARAM.exec(lx.code); m; m = PARAM.exec(lx.code)) {
    if (lx.kinds[m.index] !== Kind.String || MESSAGE_CALL.test(enclosingCall(lx, m.index)?.name ?? '')) continue;
    out.push({ start: m.index, end: m.index + m[0].length, hostnames: m[1] !== undefined });
  }
  return out;
}
