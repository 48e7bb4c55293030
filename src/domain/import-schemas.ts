/** The import API's shapes: the job with its progress and counts, and the preview's rows. */
import { z } from 'zod';
import { IMPORT_KINDS } from './import-sheets.js';
import { Paging } from './schemas.js';

export const ImportKind = z.enum(IMPORT_KINDS);
export const ImportState = z.enum(['queued', 'reading', 'ready', 'confirmed', 'writing', 'done', 'failed']);
export const RowAction = z.enum(['create', 'update', 'unchanged', 'rejected']);

export const IMPORT_STATE_LABELS: Record<z.infer<typeof ImportState>, string> = {
  queued: 'Đang chờ đọc tệp',
  reading: 'Đang đọc và kiểm tra',
  ready: 'Đã kiểm tra, chờ xác nhận',
  confirmed: 'Đã xác nhận, chờ ghi',
  writing: 'Đang ghi dữ liệu',
  done: 'Đã ghi xong',
  failed: 'Không thành công',
};
export const ROW_ACTION_LABELS: Record<z.infer<typeof RowAction>, string> = {
  create: 'Thêm mới',
  update: 'Cập nhật',
  unchanged: 'Không đổi',
  rejected: 'Bị từ chối',
};

export const CreateImportQuery = z.object({ kind: ImportKind });

export const ImportJob = z.object({
  id: z.uuid(),
  kind: ImportKind,
  fileName: z.string(),
  state: ImportState,
  rowsRead: z.number().int(),
  rowsChecked: z.number().int(),
  rowsWritten: z.number().int(),
  counts: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() }),
  /** What the reader noticed about the whole file: sheets read, encodings converted. */
  notes: z.array(z.string()),
  error: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  checkedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Confirming writes the rows now: the preview is ready and no row is rejected. */
  canConfirm: z.boolean(),
});
export type ImportJob = z.infer<typeof ImportJob>;
export const ImportJobList = z.object({ items: z.array(ImportJob), total: z.number().int() });

export const ImportRowsQuery = Paging.extend({ action: RowAction.optional() });
export const ImportProblem = z.object({
  /** The column's key (the preview table's column), and its header as the file writes it. */
  key: z.string().nullable(),
  column: z.string().nullable(),
  message: z.string(),
  /** "Dòng 17, cột Lĩnh vực: …" */
  text: z.string(),
});
export const ImportConversion = z.object({ column: z.string(), from: z.string(), before: z.string(), after: z.string() });
export const ImportRow = z.object({
  n: z.number().int(),
  sheet: z.string(),
  line: z.number().int(),
  action: RowAction,
  targetId: z.string().nullable(),
  cells: z.record(z.string(), z.string()),
  problems: z.array(ImportProblem),
  conversions: z.array(ImportConversion),
});
export type ImportRow = z.infer<typeof ImportRow>;
export const ImportRowList = z.object({ items: z.array(ImportRow), total: z.number().int() });
/** The columns of the preview table, in the sheet's order. */
export const ImportColumns = z.array(z.object({ key: z.string(), header: z.string() }));
