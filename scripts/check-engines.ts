/**
 * Which installed packages would make `npm install` warn (EBADENGINE) on a Node.js version DVK
 * promises: reads `engines.node` of package.json (the promise) and of every package under
 * node_modules, nested and scoped ones included, and lists each package whose range leaves out
 * part of the promise (semver's own reading of the ranges, as npm reads them). No reinstall and no
 * network: it reads what is installed. `npm run check:engines` prints the list and fails when it is
 * not empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';

export interface EngineConflict {
  name: string;
  version: string;
  engines: string;
  at: string;
}

/** True when every version the promise admits is admitted by the package's range. */
export function covers(promise: string, range: string): boolean {
  return semver.subset(promise, range, { includePrerelease: false });
}

function* installedPackages(dir: string): Generator<string> {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const p = path.join(dir, entry);
    if (entry.startsWith('@')) {
      for (const sub of fs.readdirSync(p)) yield* visit(path.join(p, sub));
    } else {
      yield* visit(p);
    }
  }
}

function* visit(p: string): Generator<string> {
  if (!fs.existsSync(path.join(p, 'package.json'))) return;
  yield p;
  yield* installedPackages(path.join(p, 'node_modules'));
}

export function engineConflicts(root: string, promise: string): EngineConflict[] {
  const out: EngineConflict[] = [];
  for (const dir of installedPackages(path.join(root, 'node_modules'))) {
    let pkg: { name?: string; version?: string; engines?: { node?: string } };
    try {
      pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    const range = pkg.engines?.node;
    if (!pkg.name || typeof range !== 'string' || !semver.validRange(range)) continue;
    if (!covers(promise, range)) out.push({ name: pkg.name, version: pkg.version ?? '?', engines: range, at: path.relative(root, dir) });
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const promise = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
  const conflicts = engineConflicts(root, promise);
  if (!conflicts.length) {
    console.log(`Mọi gói đã cài đều chấp nhận Node.js ${promise}.`);
  } else {
    console.log(`Các gói không chấp nhận trọn Node.js ${promise}:`);
    for (const c of conflicts) console.log(`  ${c.name}@${c.version} (engines.node "${c.engines}") tại ${c.at}`);
    process.exitCode = 1;
  }
}
