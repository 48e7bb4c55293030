/**
 * A process that tries to hold an embedded database folder's lock, for the single-writer test:
 * prints "ready", waits for a line on stdin (so several processes race at the same moment),
 * then prints "held <pid>" and keeps the lock until stdin closes, or "refused <holder pid>".
 */
import readline from 'node:readline';
import { lockDataDir } from '../../src/data/data-dir-lock.js';
import { AppError } from '../../src/domain/errors.js';

const dir = process.argv[2]!;
const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
console.log('ready');
await lines.next();
try {
  const lock = await lockDataDir(dir);
  console.log(`held ${process.pid}`);
  await lines.next(); // ends when stdin closes
  lock.release();
} catch (err) {
  if (!(err instanceof AppError) || err.code !== 'DATA_DIR_LOCKED') throw err;
  console.log(`refused ${err.params.pid}`);
  process.exitCode = 3;
}
process.exit();
