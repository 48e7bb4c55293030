import type { Db } from './db.js';
import { migrate } from './migrate.js';
import { ensureCriteriaCatalogue } from '../seed/criteria.js';

/** What every start does before serving: migrations, then the catalogues an empty database needs. */
export async function bootstrap(db: Db): Promise<string[]> {
  return migrate(db, ensureCriteriaCatalogue);
}
