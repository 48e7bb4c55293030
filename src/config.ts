import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demoPassword: string;
  webDir: string;
  filesDir: string;
}

export const DEFAULT_DEMO_PASSWORD = 'DanVanKheo2026';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DVK_DATA_DIR ?? 'data'),
    demoPassword: env.DVK_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    webDir: path.join(ROOT_DIR, 'web', 'dist'),
    filesDir: path.join(path.resolve(env.DVK_DATA_DIR ?? 'data'), 'files'),
  };
}

/** Where PGlite keeps its files inside the data directory. */
export function pgliteDir(cfg: Config): string {
  return path.join(cfg.dataDir, 'pglite');
}
