import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** DATABASE_REPLICA_URL: a streaming replica of DATABASE_URL that serves statistics, reports, exports and search. */
  databaseReplicaUrl: string | undefined;
  dataDir: string;
  demoPassword: string;
  webDir: string;
  filesDir: string;
  /** DVK_PUBLIC_URL as an origin (`https://dvk.vinhlong.gov.vn`), or null: the listening address. */
  publicUrl: string | null;
  /** DVK_SMTP_URL: the SMTP server notifications are mailed through (smtp://user:pass@host:587); none, no mail. */
  smtpUrl: string | null;
  /** DVK_JOB_INTERVAL_SECONDS: how often the scheduled jobs (reminders, mail, webhooks) run; 0, never on a timer. */
  jobIntervalSeconds: number;
}

export const DEFAULT_DEMO_PASSWORD = 'DanVanKheo2026';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReplicaUrl: (env.DATABASE_URL && env.DATABASE_REPLICA_URL) || undefined,
    dataDir: path.resolve(env.DVK_DATA_DIR ?? 'data'),
    demoPassword: env.DVK_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    webDir: path.join(ROOT_DIR, 'web', 'dist'),
    filesDir: path.join(path.resolve(env.DVK_DATA_DIR ?? 'data'), 'files'),
    publicUrl: publicUrlOf(env.DVK_PUBLIC_URL),
    smtpUrl: env.DVK_SMTP_URL?.trim() || null,
    jobIntervalSeconds: jobIntervalOf(env.DVK_JOB_INTERVAL_SECONDS),
  };
}

/** Where PGlite keeps its files inside the data directory. */
export function pgliteDir(cfg: Config): string {
  return path.join(cfg.dataDir, 'pglite');
}

/** DVK_PUBLIC_URL must be an http(s) address; a mistyped one stops the start with a clear message. */
function publicUrlOf(value: string | undefined): string | null {
  if (!value?.trim()) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`DVK_PUBLIC_URL không phải địa chỉ hợp lệ: "${value}" (ví dụ đúng: https://dvk.vinhlong.gov.vn)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`DVK_PUBLIC_URL phải bắt đầu bằng http:// hoặc https://: "${value}"`);
  }
  return url.origin;
}

/** DVK_JOB_INTERVAL_SECONDS: a whole number of seconds (default 30; 0 turns the timer off). */
function jobIntervalOf(value: string | undefined): number {
  if (value === undefined || !value.trim()) return 30;
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`DVK_JOB_INTERVAL_SECONDS phải là số giây nguyên, không âm: "${value}" (ví dụ: 30; 0 là không chạy định kỳ)`);
  }
  return n;
}
