/**
 * The import template of a sheet kind (`GET /imports/templates/:kind`): the columns of
 * domain/sheet-columns.ts with the catalogues' active fields and commendation forms as allowed
 * values. A template holds no records, so every signed-in user may download it.
 */
import { listCommendationForms, listFields } from '../../data/catalogues-repo.js';
import { withCatalogues, type SheetKind } from '../../domain/sheet-columns.js';
import type { Ctx } from '../context.js';

const FILE_NAMES: Record<SheetKind, string> = {
  units: 'mau-nhap-don-vi.xlsx',
  users: 'mau-nhap-tai-khoan.xlsx',
  registrations: 'mau-nhap-mo-hinh-dien-hinh.xlsx',
};

export async function importTemplate(ctx: Ctx, kind: SheetKind): Promise<{ fileName: string; buf: Buffer }> {
  const active = <T extends { active: boolean }>(rows: T[]) => rows.filter((r) => r.active);
  const columns = withCatalogues(kind, {
    fields: active(await listFields(ctx.db.pool)),
    commendationForms: active(await listCommendationForms(ctx.db.pool)),
  });
  const { buildImportTemplate } = await import('../../documents/import-template.js');
  return { fileName: FILE_NAMES[kind], buf: await buildImportTemplate(kind, columns) };
}
