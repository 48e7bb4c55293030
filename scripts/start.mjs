/**
 * `npm start`: builds the web app when its sources are newer than the last build, then runs
 * the server (TypeScript loaded in-process by tsx).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'web', 'dist', 'index.html');

function newest(dir) {
  let latest = 0;
  if (!fs.existsSync(dir)) return latest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'dist' && entry.name !== 'node_modules') latest = Math.max(latest, newest(p));
    } else {
      latest = Math.max(latest, fs.statSync(p).mtimeMs);
    }
  }
  return latest;
}

const sourcesTime = Math.max(newest(path.join(root, 'web')), newest(path.join(root, 'src', 'domain')));
const builtTime = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
if (sourcesTime > builtTime) {
  console.log('Đang đóng gói giao diện web…');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
await import(path.join(root, 'src', 'server.ts'));
