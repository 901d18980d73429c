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

/** One needle: its text and bytes, and where in it its probe starts. */
interface Needle {
  readonly text: string;
  readonly bytes: Buffer;
  readonly at: number;
  readonly probe: number;
  /** Other needles that are parts of this one (`Ssl` of `SslErr`): one of them absent, this one is absent too. */
  readonly parts: number[];
}

/**
 * What is searched: at most 6 characters of a needle from its rarest one (from 7 on, the search would be
 * Boyer-Moore-Horspool, slower on source code; see RuleFamily.needles). Needles with the same probe (`rustServer`
 * and `yServer`: `Server`) share one search, each checked where the probe is found.
 */
interface Probe {
  readonly text: string;
  readonly bytes: Buffer;
  /** The needles it finds (ids into `needles`). */
  readonly members: number[];
  /** Shorter probes inside this one (`Veri` of `Verify`): one of them nowhere in a text, this one is not there either. */
  readonly within: number[];
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
const probes: Probe[] = [];
const idOf = new Map<string, number>();
const probeOf = new Map<string, number>();
/** Each family's needles as ids into `needles`, made on first use (test families are compiled too). */
const familyIds = new Map<RuleFamily, Int32Array>();

function intern(text: string): number {
  let id = idOf.get(text);
  if (id !== undefined) return id;
  id = needles.length;
  const at = probeStart(text);
  const probeText = text.slice(at, at + 6);
  let probe = probeOf.get(probeText);
  if (probe === undefined) {
    probe = probes.length;
    probes.push({ text: probeText, bytes: Buffer.from(probeText, 'latin1'), members: [], within: [] });
    probeOf.set(probeText, probe);
    for (let other = 0; other < probe; other++) {
      if (probeText.includes(probes[other].text)) probes[probe].within.push(other);
      else if (probes[other].text.includes(probeText)) probes[other].within.push(probe);
    }
  }
  probes[probe].members.push(id);
  needles.push({ text, bytes: Buffer.from(text, 'latin1'), at, probe, parts: [] });
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

/** True when the needle whose probe was found at `i` is there too (it starts `n.at` before `i`). */
function atString(text: string, i: number, n: Needle): boolean {
  const start = i - n.at;
  return start >= 0 && text.startsWith(n.text, start);
}

function atBytes(bytes: Buffer, i: number, n: Needle): boolean {
  const start = i - n.at;
  const len = n.bytes.length;
  if (start < 0 || start + len > bytes.length) return false;
  let j = 0;
  while (j < len && bytes[start + j] === n.bytes[j]) j++;
  return j === len;
}

const UNKNOWN = 0;
const PRESENT = 1;
const ABSENT = 2;

// What each needle is in the text being asked about, kept per thread rather than per text: a scan makes a NeedleHits
// per file (two for a file that passes), and a fresh state array each time was an allocation per file the GC had to
// collect. A needle's state counts only while its stamp is the asking NeedleHits' epoch; any other stamp reads as
// UNKNOWN, so a NeedleHits made while another is still asked about (a family scanning embedded text) costs the older
// one searches again, never a wrong answer.
// Probes have a state of their own (ABSENT: the probe occurs nowhere in the text), stamped the same way.
let stamps: Int32Array = new Int32Array(0);
let states: Uint8Array = new Uint8Array(0);
let probeStamps: Int32Array = new Int32Array(0);
let probeStates: Uint8Array = new Uint8Array(0);
let epochs = 0;

function grow(): void {
  [stamps, states] = grown(stamps, states, needles.length);
  [probeStamps, probeStates] = grown(probeStamps, probeStates, probes.length);
}

function grown(s: Int32Array, v: Uint8Array, need: number): [Int32Array, Uint8Array] {
  if (s.length >= need) return [s, v];
  const n = Math.max(need, s.length * 2);
  const s2 = new Int32Array(n);
  s2.set(s);
  const v2 = new Uint8Array(n);
  v2.set(v);
  return [s2, v2];
}

/**
 * The needles of one text, each searched at most once whichever families ask: `new NeedleHits(text).any(family)`
 * is `family.needles.some((n) => text.includes(n))`. `raw` may be a file's bytes (needles are ASCII, so a search of
 * the bytes finds what a search of the decoded text would).
 */
export class NeedleHits {
  private readonly epoch: number;

  constructor(private readonly raw: string | Buffer) {
    if (epochs === 0x7fffffff) {
      stamps.fill(0); // an epoch is never seen again while stamps hold it
      probeStamps.fill(0);
      epochs = 0;
    }
    this.epoch = ++epochs;
  }

  /** True when `raw` holds one of `family`'s needles (a family without needles: true). */
  any(family: RuleFamily): boolean {
    if (!family.needles) return true;
    const ids = idsOf(family);
    if (stamps.length < needles.length || probeStamps.length < probes.length) grow();
    // Needles already found for another family answer first; then the others are searched, each once.
    for (let i = 0; i < ids.length; i++) if (this.state(ids[i]) === PRESENT) return true;
    for (let i = 0; i < ids.length; i++) if (this.holds(ids[i])) return true;
    return false;
  }

  private state(id: number): number {
    return stamps[id] === this.epoch ? states[id] : UNKNOWN;
  }

  private holds(id: number): boolean {
    const known = this.state(id);
    if (known !== UNKNOWN) return known === PRESENT;
    const n = needles[id];
    for (let k = 0; k < n.parts.length; k++) {
      if (this.state(n.parts[k]) === ABSENT) return this.mark(id, false);
    }
    const probe = probes[n.probe];
    for (let k = 0; k < probe.within.length; k++) {
      if (this.probeAbsent(probe.within[k])) {
        // A shorter probe inside this one occurs nowhere: neither does this one, nor any needle it finds.
        this.markProbeAbsent(n.probe);
        return false;
      }
    }
    this.search(n.probe);
    return this.state(id) === PRESENT;
  }

  private probeAbsent(p: number): boolean {
    return probeStamps[p] === this.epoch && probeStates[p] === ABSENT;
  }

  /** `probe` occurs nowhere in the text: every needle it finds is absent. */
  private markProbeAbsent(p: number): void {
    probeStamps[p] = this.epoch;
    probeStates[p] = ABSENT;
    const members = probes[p].members;
    for (let k = 0; k < members.length; k++) if (this.state(members[k]) === UNKNOWN) this.mark(members[k], false);
  }

  /** Searches probe `p` once for all its needles still unknown: each is present or absent afterwards. */
  private search(p: number): void {
    const raw = this.raw;
    const probe = probes[p];
    const members = probe.members;
    const first = needles[members[0]];
    if (members.length === 1 && first.at === 0 && first.text === probe.text) {
      // The usual case: a needle of its own, of at most 6 characters. One native search.
      const found = typeof raw === 'string' ? raw.includes(first.text) : raw.indexOf(first.bytes) !== -1;
      if (!found) return this.markProbeAbsent(p);
      this.mark(members[0], true);
      this.markParts(first);
      return;
    }
    // The members still unknown are checked at every occurrence of the probe (from the start of the text, so that
    // none at all means the probe is absent: see Probe.within).
    let left = this.unknown(members);
    const text = typeof raw === 'string' ? raw : undefined;
    const bytes = typeof raw === 'string' ? undefined : raw;
    const next = (i: number) => (text !== undefined ? text.indexOf(probe.text, i) : bytes!.indexOf(probe.bytes, i));
    let i = left > 0 ? next(0) : -1;
    if (i === -1 && left > 0) return this.markProbeAbsent(p);
    for (; i !== -1 && left > 0; i = next(i + 1)) {
      for (let k = 0; k < members.length; k++) {
        const m = members[k];
        if (this.state(m) !== UNKNOWN) continue;
        const n = needles[m];
        if (text !== undefined ? atString(text, i, n) : atBytes(bytes!, i, n)) {
          this.mark(m, true);
          this.markParts(n); // which may be members too (`Server` of `yServer`)
          left = this.unknown(members);
        }
      }
    }
    for (let k = 0; k < members.length; k++) if (this.state(members[k]) === UNKNOWN) this.mark(members[k], false);
  }

  private unknown(ids: readonly number[]): number {
    let n = 0;
    for (let k = 0; k < ids.length; k++) if (this.state(ids[k]) === UNKNOWN) n++;
    return n;
  }

  /** A needle found: the needles that are parts of it are there too. */
  private markParts(n: Needle): void {
    for (let k = 0; k < n.parts.length; k++) this.mark(n.parts[k], true);
  }

  private mark(id: number, found: boolean): boolean {
    stamps[id] = this.epoch;
    states[id] = found ? PRESENT : ABSENT;
    return found;
  }
}
