/**
 * Imports run as stored jobs, like exports: the upload records the job and answers 202; a runner
 * in the server claims it (`for update skip locked`), reads the file row by row, checks every row
 * and stages it in `import_row` with its action (create, update, unchanged, rejected) and reasons,
 * recording how many rows were read and checked. Nothing is written until the importer confirms;
 * the runner then writes every staged row in ONE transaction, or nothing if any fails.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../data/db.js';
import { requestKey } from '../data/idempotency.js';
import {
  claimImportJob,
  insertImportRows,
  listImportRows,
  markImportChecked,
  markImportDone,
  markImportFailed,
  setImportProgress,
  type ImportJobRow,
  type StagedRow,
} from '../data/imports-repo.js';
import { columnHeader, IMPORT_COLUMNS, type ImportKind } from '../domain/import-sheets.js';
import { cellText } from '../domain/import-values.js';
import type { Role } from '../domain/roles.js';
import { handlerFor, ImportStale, type Importer } from './import-kinds.js';
import { readSheetRows, type SheetRow } from './import-read.js';

/** The header the file itself gives the column a reason names (by its shared header). */
function fileHeader(kind: ImportKind, row: SheetRow, header: string): string | undefined {
  const key = Object.keys(row.headers).find((k) => columnHeader(kind, k) === header);
  return key ? row.headers[key] : undefined;
}

function keyOfHeader(kind: ImportKind, header: string): string | undefined {
  return IMPORT_COLUMNS[kind].find((c) => c.header === header)?.key;
}

/** Rows checked and staged together: one lookup of existing records and one insert per batch. */
const BATCH = 500;
/** Staged rows written together inside the confirmation's transaction. */
const WRITE_PAGE = 1000;

export class ImportRunner {
  private busy: Promise<void> | null = null;
  private again = false;
  /** Rows written so far by a confirmation in progress (its transaction is not visible until it commits). */
  private readonly writing = new Map<string, number>();

  constructor(
    private readonly db: Db,
    readonly dir: string,
  ) {}

  kick(): void {
    if (this.busy) {
      this.again = true;
      return;
    }
    this.busy = requestKey
      .exit(() => this.drain())
      .finally(() => {
        this.busy = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async idle(): Promise<void> {
    while (this.busy) await this.busy;
  }

  filePath(id: string, type: string): string {
    return path.join(this.dir, `${id}.${type}`);
  }

  writtenSoFar(id: string): number | undefined {
    return this.writing.get(id);
  }

  private async drain(): Promise<void> {
    for (;;) {
      const job = await claimImportJob(this.db.pool);
      if (!job) return;
      try {
        if (job.state === 'reading') await this.read(job);
        else await this.write(job);
      } catch (e) {
        const message =
          e instanceof ImportStale
            ? `Dữ liệu đã thay đổi kể từ khi kiểm tra (${e.message}); không có dòng nào được ghi. Vui lòng nhập lại tệp.`
            : job.state === 'reading'
              ? `Không đọc được tệp: ${String((e as Error).message).slice(0, 300)}. Hãy lưu lại tệp dạng .xlsx hoặc .csv rồi nhập lại.`
              : 'Ghi dữ liệu không thành công; không có dòng nào được ghi. Vui lòng thử lại hoặc báo quản trị hệ thống.';
        await markImportFailed(this.db.pool, job.id, message);
      } finally {
        this.writing.delete(job.id);
      }
    }
  }

  private importer(job: ImportJobRow): Importer {
    return {
      id: job.actor.id,
      name: job.actor.name,
      role: job.actor.role as Role,
      entryPath: job.actor.entryPath,
      viewPath: job.actor.viewPath,
    };
  }

  private async read(job: ImportJobRow): Promise<void> {
    const kind = job.kind as ImportKind;
    const handler = await handlerFor(kind, this.db.pool, job, this.importer(job));
    const notes = { notes: [] as string[] };
    let read = 0;
    let checked = 0;
    let batch: SheetRow[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const results = await handler.check(batch);
      const staged: StagedRow[] = batch.map((row, i) => ({
        n: checked + i + 1,
        sheet: row.sheet,
        line: row.line,
        action: results[i]!.action,
        target_id: results[i]!.targetId,
        raw: Object.fromEntries(Object.entries(row.cells).map(([k, v]) => [k, k === 'password' && cellText(v) ? '••••••' : cellText(v)])),
        data: results[i]!.data,
        problems: results[i]!.problems.map((p) => ({
          key: p.column === null ? null : (keyOfHeader(kind, p.column) ?? null),
          column: p.column === null ? null : (fileHeader(kind, row, p.column) ?? p.column),
          message: p.message,
        })),
        conversions: row.conversions,
      }));
      await insertImportRows(this.db.pool, job.id, staged);
      checked += batch.length;
      batch = [];
      await setImportProgress(this.db.pool, job.id, read, checked);
    };
    for await (const row of readSheetRows(
      this.filePath(job.id, job.file_type),
      job.file_type,
      job.file_name,
      kind,
      IMPORT_COLUMNS[kind],
      notes,
    )) {
      read += 1;
      batch.push(row);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (read === 0) notes.notes.push('Không tìm thấy dòng tiêu đề cột nào khớp mẫu; hãy tải mẫu và giữ nguyên dòng tiêu đề.');
    await markImportChecked(this.db.pool, job.id, notes.notes);
  }

  private async write(job: ImportJobRow): Promise<void> {
    const handler = await handlerFor(job.kind as ImportKind, this.db.pool, job, this.importer(job));
    this.writing.set(job.id, 0);
    let written = 0;
    await this.db.tx(async (q) => {
      let after = 0;
      for (;;) {
        const page = await listImportRows(q, job.id, ['create', 'update'], WRITE_PAGE, after);
        if (!page.length) break;
        written += await handler.write(q, page);
        after = page[page.length - 1]!.n;
        this.writing.set(job.id, written);
      }
      await markImportDone(q, job.id, written);
    });
    await fs.rm(this.filePath(job.id, job.file_type), { force: true }).catch(() => undefined);
  }
}
