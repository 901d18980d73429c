// The needle search shared by every rule family (RuleFamily.needles). A file is read by up to four families (a
// Python file: python, browser, embedded, connection) whose needles were each searched by a pass of their own; here a
// text's needles are searched once per distinct needle, whichever families ask, and every search jumps between
// occurrences of the needle's rarest character instead of its first one.
//
// Why not one combined search: on the scan bench's 280 MB tree (24,781 files, CPU, same run) one alternation regex of
// all needles took 1230 ms, one regex per family 870 ms, the per-family needle passes 610 ms, and these 420 ms. A
// needle search costs little per pass over a file (a `memchr` in cache: 52 ms for all 458,000 passes of the tree) and
// much per occurrence of the character `memchr` looks for (the search stops there and compares): what counts is how
// rare that character is, which a rule author need not know (`ertifi` looked for every `e`, 6.6% of source code).
// Needles stay plain strings in each family; nothing here changes which files a family reads or skips.
import type { RuleFamily } from './types';

/**
 * Printable ASCII from the rarest to the commonest in source code (the scan bench's tree: Python, JavaScript and
 * TypeScript, Go, Java), e.g. `~` 0.006%, `V` 0.12%, `S` 0.5%, `s` 3.4%, `e` 6.6%, space 22%.
 */
const BY_FREQUENCY =
  '~^Z$%JX?YKWQ!z`<#|+@&VjHGq>7U95][86M4B3LPN-OFDR2k\\w;}{\'I1CSTv:E*/"bA_y=x0)(mh,.fpducloisnrtae \n';

function rank(c: number): number {
  const i = BY_FREQUENCY.indexOf(String.fromCharCode(c));
  return i === -1 ? (c > 127 ? 0 : BY_FREQUENCY.length) : i;
}

/** How one needle is looked for: `probe`, the needle from offset `at` (at most 6 characters: see RuleFamily.needles). */
interface Needle {
  readonly text: string;
  readonly bytes: Buffer;
  readonly at: number;
  readonly probe: string;
  readonly probeBytes: Buffer;
  /** The needle is its probe: a hit of the probe is a hit of the needle. */
  readonly plain: boolean;
  /** Other needles that are parts of this one (`Ssl` of `SslErr`): one of them absent, this one is absent too. */
  readonly parts: number[];
}

/**
 * Where the search for `needle` starts: the rarest character that has at least two more after it (a probe of one or
 * two characters would stop at too many places that are not the needle), the earliest of equally rare ones.
 * Example: `ertifi` → 3 (`ifi`), `ation_mode` → 5 (`_mode`), `Server` → 0.
 */
export function probeStart(needle: string): number {
  let best = 0;
  for (let i = 1; i + 3 <= needle.length; i++) {
    if (rank(needle.charCodeAt(i)) < rank(needle.charCodeAt(best))) best = i;
  }
  return best;
}

const needles: Needle[] = [];
const idOf = new Map<string, number>();
/** Each family's needles as ids into `needles`, made on first use (test families are compiled too). */
const familyIds = new Map<RuleFamily, Int32Array>();

function intern(text: string): number {
  let id = idOf.get(text);
  if (id !== undefined) return id;
  id = needles.length;
  const at = probeStart(text);
  const probe = text.slice(at, at + 6);
  needles.push({
    text,
    bytes: Buffer.from(text, 'latin1'),
    at,
    probe,
    probeBytes: Buffer.from(probe, 'latin1'),
    plain: at === 0 && probe.length === text.length,
    parts: [],
  });
  idOf.set(text, id);
  for (let other = 0; other < id; other++) {
    if (text.includes(needles[other].text)) needles[id].parts.push(other);
    else if (needles[other].text.includes(text)) needles[other].parts.push(id);
  }
  return id;
}

function idsOf(family: RuleFamily): Int32Array {
  let ids = familyIds.get(family);
  if (!ids) familyIds.set(family, (ids = Int32Array.from(family.needles ?? [], intern)));
  return ids;
}

/** True when `text` holds `n` (same answer as `text.includes(n.text)`). */
function inString(text: string, n: Needle): boolean {
  if (n.plain) return text.includes(n.text);
  for (let i = text.indexOf(n.probe, n.at); i !== -1; i = text.indexOf(n.probe, i + 1)) {
    if (text.startsWith(n.text, i - n.at)) return true;
  }
  return false;
}

/** True when `bytes` hold `n` as latin1 (same answer as `bytes.indexOf(n.bytes) !== -1`). */
function inBytes(bytes: Buffer, n: Needle): boolean {
  if (n.plain) return bytes.indexOf(n.bytes) !== -1;
  const len = n.bytes.length;
  for (let i = bytes.indexOf(n.probeBytes, n.at); i !== -1; i = bytes.indexOf(n.probeBytes, i + 1)) {
    const start = i - n.at;
    if (start + len > bytes.length) return false;
    let j = 0;
    while (j < len && bytes[start + j] === n.bytes[j]) j++;
    if (j === len) return true;
  }
  return false;
}

const UNKNOWN = 0;
const PRESENT = 1;
const ABSENT = 2;

/**
 * The needles of one text, each searched at most once whichever families ask: `new NeedleHits(text).any(family)`
 * is `family.needles.some((n) => text.includes(n))`. `raw` may be a file's bytes (needles are ASCII, so a search of
 * the bytes finds what a search of the decoded text would).
 */
export class NeedleHits {
  private state = new Uint8Array(needles.length);

  constructor(private readonly raw: string | Buffer) {}

  /** True when `raw` holds one of `family`'s needles (a family without needles: true). */
  any(family: RuleFamily): boolean {
    if (!family.needles) return true;
    const ids = idsOf(family);
    if (this.state.length < needles.length) this.grow();
    // Needles already found for another family answer first; then the others are searched, each once.
    for (let i = 0; i < ids.length; i++) if (this.state[ids[i]] === PRESENT) return true;
    for (let i = 0; i < ids.length; i++) if (this.holds(ids[i])) return true;
    return false;
  }

  private holds(id: number): boolean {
    const known = this.state[id];
    if (known !== UNKNOWN) return known === PRESENT;
    const n = needles[id];
    for (const part of n.parts) {
      if (this.state[part] === ABSENT) return this.mark(id, false);
    }
    const found = typeof this.raw === 'string' ? inString(this.raw, n) : inBytes(this.raw, n);
    if (found) for (const part of n.parts) this.state[part] = PRESENT;
    return this.mark(id, found);
  }

  private mark(id: number, found: boolean): boolean {
    this.state[id] = found ? PRESENT : ABSENT;
    return found;
  }

  private grow(): void {
    const state = new Uint8Array(needles.length);
    state.set(this.state);
    this.state = state;
  }
}
