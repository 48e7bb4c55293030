/**
 * Imports as the API sees them: upload (the job is recorded and read in the background), progress
 * and preview, confirmation (all rows written in one transaction by the runner), and the error
 * sheet. An import is seen by its importer and by administrators whose entry scope holds it.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import {
  findImportJob,
  listImportJobs,
  listImportRows,
  markImportConfirmed,
  pageImportRows,
  insertImportJob,
  type ImportJobRow,
  type StagedRow,
} from '../../data/imports-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import type { ImportJob, ImportRow } from '../../domain/import-schemas.js';
import { IMPORT_COLUMNS, type ImportKind } from '../../domain/import-sheets.js';
import { rowReason } from '../../domain/import-values.js';
import { inScope, inSubtree } from '../../domain/scope.js';
import type { ImportRunner } from '../../jobs/import-jobs.js';
import type { Ctx } from '../context.js';

function reader(ctx: Ctx) {
  return { userId: ctx.actor.id, adminScope: ctx.actor.role === 'admin' && ctx.actor.entryPath ? inScope(ctx.actor.entryPath) : null };
}

export function presentImport(j: ImportJobRow, runner: ImportRunner, actorId: string): ImportJob {
  return {
    id: j.id,
    kind: j.kind,
    fileName: j.file_name,
    state: j.state,
    rowsRead: j.rows_read,
    rowsChecked: j.rows_checked,
    rowsWritten: j.state === 'writing' ? (runner.writtenSoFar(j.id) ?? 0) : j.rows_written,
    counts: { create: j.n_create, update: j.n_update, unchanged: j.n_unchanged, rejected: j.n_rejected },
    notes: j.notes,
    error: j.error,
    createdBy: j.created_by_name,
    createdAt: j.created_at.toISOString(),
    checkedAt: j.checked_at?.toISOString() ?? null,
    finishedAt: j.finished_at?.toISOString() ?? null,
    canConfirm: j.state === 'ready' && j.n_rejected === 0 && j.created_by === actorId,
  };
}

export function presentRow(r: StagedRow): ImportRow {
  return {
    n: r.n,
    sheet: r.sheet,
    line: r.line,
    action: r.action,
    targetId: r.target_id,
    cells: Object.fromEntries(Object.entries(r.raw).map(([k, v]) => [k, String(v ?? '')])),
    problems: r.problems.map((p) => ({
      key: p.key ?? null,
      column: p.column,
      message: p.message,
      text: rowReason(null, r.line, p.column, p.message),
    })),
    conversions: r.conversions,
  };
}

const TYPES: Record<string, 'xlsx' | 'csv'> = { xlsx: 'xlsx', csv: 'csv' };

/** Stores the uploaded file and records the job; the runner reads and checks it. */
export async function createImport(
  ctx: Ctx,
  runner: ImportRunner,
  kind: ImportKind,
  upload: { fileName: string; stream: NodeJS.ReadableStream },
): Promise<ImportJob> {
  if (!ctx.actor.entryPath) throw new AppError('IMPORT_NO_ENTRY_SCOPE');
  const type = TYPES[upload.fileName.split('.').pop()?.toLowerCase() ?? ''];
  if (!type) throw new AppError('IMPORT_FILE_TYPE');
  const id = randomUUID();
  const file = runner.filePath(id, type);
  await fs.promises.mkdir(runner.dir, { recursive: true });
  await pipeline(upload.stream, fs.createWriteStream(file));
  if (type === 'xlsx') {
    // An .xlsx is a zip: "PK" first. An .xls renamed, or anything else, is refused here.
    const head = Buffer.alloc(2);
    const fd = await fs.promises.open(file, 'r');
    await fd.read(head, 0, 2, 0);
    await fd.close();
    if (head.toString('latin1') !== 'PK') {
      await fs.promises.rm(file, { force: true });
      throw new AppError('IMPORT_FILE_TYPE');
    }
  }
  try {
    const row = await ctx.db.tx(async (q) => {
      await insertImportJob(q, {
        id,
        kind,
        fileName: upload.fileName.slice(0, 200),
        fileType: type,
        scopePath: ctx.actor.entryPath!,
        createdBy: ctx.actor.id,
        actor: {
          id: ctx.actor.id,
          name: ctx.actor.name,
          role: ctx.actor.role,
          entryPath: ctx.actor.entryPath,
          viewPath: ctx.actor.viewPath,
        },
      });
      return (await findImportJob(q, id, reader(ctx)))!;
    });
    runner.kick();
    return presentImport(row, runner, ctx.actor.id);
  } catch (e) {
    await fs.promises.rm(file, { force: true });
    throw e;
  }
}

export async function findImport(ctx: Ctx, id: string): Promise<ImportJobRow> {
  const row = await findImportJob(ctx.db.pool, id, reader(ctx));
  if (!row) throw notFound('import_job');
  return row;
}

export async function getImport(ctx: Ctx, runner: ImportRunner, id: string): Promise<ImportJob> {
  return presentImport(await findImport(ctx, id), runner, ctx.actor.id);
}

export async function listImports(ctx: Ctx, runner: ImportRunner, page: number, pageSize: number) {
  const { total, rows } = await listImportJobs(ctx.db.pool, reader(ctx), pageSize, (page - 1) * pageSize);
  return { total, items: rows.map((r) => presentImport(r, runner, ctx.actor.id)) };
}

export async function importRows(ctx: Ctx, id: string, q: { action?: StagedRow['action'] | undefined; page: number; pageSize: number }) {
  const job = await findImport(ctx, id);
  const { total, rows } = await pageImportRows(ctx.db.pool, job.id, q.action ?? null, q.pageSize, (q.page - 1) * q.pageSize);
  return { total, items: rows.map(presentRow) };
}

export function importColumns(kind: ImportKind) {
  return IMPORT_COLUMNS[kind].map((c) => ({ key: c.key, header: c.header }));
}

/**
 * The importer confirms the preview: the job is queued for writing, which the runner does in one
 * transaction. A file with a rejected row is refused whole.
 */
export async function confirmImport(ctx: Ctx, runner: ImportRunner, id: string): Promise<ImportJob> {
  const row = await ctx.db.tx(async (q) => {
    const job = await findImportJob(q, id, reader(ctx), true);
    if (!job) throw notFound('import_job');
    if (job.created_by !== ctx.actor.id || !inSubtree(job.scope_path, ctx.actor.entryPath)) throw new AppError('FORBIDDEN');
    if (job.state === 'queued' || job.state === 'reading') throw new AppError('IMPORT_NOT_READY');
    if (job.state !== 'ready') throw new AppError('IMPORT_ALREADY_CONFIRMED');
    if (job.n_rejected > 0) throw new AppError('IMPORT_HAS_ERRORS', { count: job.n_rejected });
    await markImportConfirmed(q, job.id);
    return (await findImportJob(q, id, reader(ctx)))!;
  });
  runner.kick();
  return presentImport(row, runner, ctx.actor.id);
}

/** The error sheet of an import (see documents/import-errors.ts), read page by page. */
export async function importErrorSheet(ctx: Ctx, id: string): Promise<{ fileName: string; buf: Buffer }> {
  const job = await findImport(ctx, id);
  if (job.state === 'queued' || job.state === 'reading') throw new AppError('IMPORT_NOT_READY');
  const db = ctx.db;
  async function* rows() {
    let after = 0;
    for (;;) {
      const page = await listImportRows(db.pool, job.id, null, 1000, after);
      if (!page.length) return;
      for (const r of page) {
        const p = presentRow(r);
        yield { line: r.line, sheet: r.sheet, rejected: r.action === 'rejected', cells: p.cells, problems: p.problems };
      }
      after = page[page.length - 1]!.n;
    }
  }
  const { buildErrorSheet } = await import('../../documents/import-errors.js');
  const buf = await buildErrorSheet(importColumns(job.kind), rows());
  return { fileName: `bang-loi-${job.file_name.replace(/\.(xlsx|csv)$/i, '')}.xlsx`, buf };
}
