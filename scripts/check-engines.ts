/**
 * Which installed packages would make `npm install` warn (EBADENGINE) on a Node.js version DVK
 * promises: reads `engines.node` of package.json (the promise) and of every package under
 * node_modules, nested and scoped ones included, and lists each package whose range leaves out
 * part of the promise, with the lowest such version. No reinstall and no network: it reads what
 * is installed. `npm run check:engines` prints the list and fails when it is not empty.
 *
 * Ranges are read as npm writes them (`>=22`, `^20.19.0 || >=22.12.0`, `18 - 22`, `~22.1`,
 * `22.x`), prerelease tags ignored: each becomes a union of half-open intervals of versions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** [from, to): versions encoded major·10⁶ + minor·10³ + patch. */
export type Interval = [number, number];

const TOP = Number.MAX_SAFE_INTEGER;
const enc = (major: number, minor = 0, patch = 0) => major * 1_000_000 + minor * 1_000 + patch;

export function versionText(v: number): string {
  return `${Math.floor(v / 1_000_000)}.${Math.floor(v / 1_000) % 1_000}.${v % 1_000}`;
}

const PART = String.raw`(\*|x|X|\d+)`;
const COMPARATOR = new RegExp(String.raw`^(>=|<=|>|<|=|\^|~>?)?v?${PART}(?:\.${PART})?(?:\.${PART})?(?:[-+]\S*)?$`);

function comparator(token: string): Interval | null {
  const m = COMPARATOR.exec(token);
  if (!m) throw new Error(`cannot read the version range "${token}"`);
  const op = m[1] ?? '=';
  const parts = [m[2], m[3], m[4]].map((p) => (p === undefined || /^[*xX]$/.test(p) ? null : Number(p)));
  const n = parts.indexOf(null) === -1 ? 3 : parts.indexOf(null);
  const [M = 0, mi = 0, pa = 0] = parts.slice(0, n) as number[];
  const next = n === 1 ? enc(M + 1) : n === 2 ? enc(M, mi + 1) : enc(M, mi, pa) + 1;
  const at = enc(M, mi, pa);
  switch (op) {
    case '=':
      return n === 0 ? [0, TOP] : [at, next];
    case '>=':
      return [at, TOP];
    case '>':
      return n === 0 ? null : [next, TOP];
    case '<':
      return n === 0 ? null : [0, at];
    case '<=':
      return n === 0 ? [0, TOP] : [0, next];
    case '~':
    case '~>':
      return n === 0 ? [0, TOP] : n === 1 ? [at, enc(M + 1)] : [at, enc(M, mi + 1)];
    default: // '^': up to the next change of the first non-zero part
      if (n === 0) return [0, TOP];
      if (M > 0 || n === 1) return [at, enc(M + 1)];
      if (mi > 0 || n === 2) return [at, enc(0, mi + 1)];
      return [at, at + 1];
  }
}

/** A range as the versions it admits. */
export function parseRange(range: string): Interval[] {
  const out: Interval[] = [];
  for (const alternative of range.split('||')) {
    const set = alternative.trim();
    const hyphen = /^(\S+)\s+-\s+(\S+)$/.exec(set);
    const tokens = hyphen
      ? [`>=${hyphen[1]}`, `<=${hyphen[2]}`]
      : set
          .replace(/(>=|<=|>|<|=|\^|~>?)\s+/g, '$1')
          .split(/\s+/)
          .filter(Boolean);
    let lo = 0;
    let hi = TOP;
    for (const token of tokens.length ? tokens : ['*']) {
      const iv = comparator(token);
      if (!iv) {
        hi = lo;
        break;
      }
      lo = Math.max(lo, iv[0]);
      hi = Math.min(hi, iv[1]);
    }
    if (lo < hi) out.push([lo, hi]);
  }
  return out;
}

/** The versions of `wanted` that `allowed` leaves out. */
export function leftOut(wanted: Interval[], allowed: Interval[]): Interval[] {
  let rest = wanted;
  for (const [a, b] of allowed) {
    rest = rest.flatMap(([lo, hi]): Interval[] => {
      if (b <= lo || a >= hi) return [[lo, hi]];
      const pieces: Interval[] = [];
      if (lo < a) pieces.push([lo, a]);
      if (b < hi) pieces.push([b, hi]);
      return pieces;
    });
  }
  return rest;
}

export interface EngineConflict {
  name: string;
  version: string;
  /** Where it is installed, relative to the project. */
  at: string;
  engines: string;
  /** The lowest promised version the package does not accept. */
  lowestExcluded: string;
}

function* installedPackages(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const p = path.join(dir, entry.name);
    if (!entry.isDirectory() && !entry.isSymbolicLink()) continue;
    if (entry.name.startsWith('@')) {
      yield* installedPackages(p);
      continue;
    }
    if (fs.existsSync(path.join(p, 'package.json'))) yield p;
    yield* installedPackages(path.join(p, 'node_modules'));
  }
}

/** Every installed package whose `engines.node` leaves out a version of `promise`. */
export function engineConflicts(root: string, promise: string): EngineConflict[] {
  const wanted = parseRange(promise);
  const conflicts: EngineConflict[] = [];
  for (const dir of installedPackages(path.join(root, 'node_modules'))) {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
      name?: string;
      version?: string;
      engines?: { node?: unknown };
    };
    const engines = typeof pkg.engines?.node === 'string' ? pkg.engines.node : null;
    if (!pkg.name || !engines) continue;
    let missing: Interval[];
    try {
      missing = leftOut(wanted, parseRange(engines));
    } catch {
      missing = wanted; // a range npm could not read either
    }
    if (missing.length) {
      conflicts.push({
        name: pkg.name,
        version: pkg.version ?? '?',
        at: path.relative(root, dir),
        engines,
        lowestExcluded: versionText(missing[0]![0]),
      });
    }
  }
  return conflicts.sort((a, b) => a.at.localeCompare(b.at));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const promise = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
  const conflicts = engineConflicts(root, promise);
  for (const c of conflicts) {
    console.log(`${c.name}@${c.version} (${c.at}): engines.node "${c.engines}", không nhận Node.js ${c.lowestExcluded}`);
  }
  console.log(
    conflicts.length
      ? `${conflicts.length} gói không nhận mọi phiên bản Node.js mà package.json hứa ("${promise}").`
      : `Mọi gói đã cài đều nhận các phiên bản Node.js mà package.json hứa ("${promise}").`,
  );
  process.exitCode = conflicts.length ? 1 : 0;
}
