/** Catalogues every signed-in user reads: fields of activity. */
import { listFields } from '../data/catalogues-repo.js';
import type { Field } from '../domain/movement-schemas.js';
import type { Ctx } from './context.js';

export function fields(ctx: Ctx): Promise<Field[]> {
  return listFields(ctx.db.pool);
}
