/**
 * Exports run as stored jobs: the request records the job and returns at once; a runner in the
 * server process claims queued jobs (`for update skip locked`, so several server instances share
 * the queue without doing a job twice) fairly between users (`claimNextExportJob`), writes the
 * .xlsx under the data directory and records its progress, which the screen polls. Files older than a day are removed with their jobs.
 */
import { formerUnitName } from '../domain/statistics.js';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../data/db.js';
import { listFields } from '../data/catalogues-repo.js';
import {
  claimNextExportJob,
  deleteExportJobsOlderThan,
  markExportDone,
  markExportFailed,
  setExportProgress,
  setExportTotal,
  setExportWritten,
  type ExportJobRow,
} from '../data/export-jobs-repo.js';
import { requestKey } from '../data/idempotency.js';
import { countRegistrations, iterateRegistrations } from '../data/registrations-repo.js';
import { formatDateVi, HOLDER_LABELS, KIND_LABELS, ORIGIN_LABELS } from '../domain/statistics.js';
import { UNIT_LEVEL_LABELS, type UnitLevel } from '../domain/unit-kinds.js';
import { REGISTRATION_STATE_LABELS, type RegistrationState } from '../domain/workflow.js';

export type { ExportJobRow };

const KEEP_HOURS = 24;

export class ExportRunner {
  private busy: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly db: Db,
    readonly dir: string,
  ) {}

  /** Starts working through the queue unless already doing so. */
  kick(): void {
    if (this.busy) {
      this.again = true;
      return;
    }
    // The queue is worked outside the request that kicked it (and its Idempotency-Key).
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

  /** Resolves when the queue is empty (tests and shutdown wait on it). */
  async idle(): Promise<void> {
    while (this.busy) await this.busy;
  }

  filePath(id: string): string {
    return path.join(this.dir, `${id}.xlsx`);
  }

  private async drain(): Promise<void> {
    await this.expire().catch(() => undefined);
    for (;;) {
      const job = await this.claim();
      if (!job) return;
      try {
        await this.run(job);
        await markExportDone(this.db.pool, job.id);
      } catch (e) {
        await fs.rm(this.filePath(job.id), { force: true });
        await markExportFailed(this.db.pool, job.id, String((e as Error).message).slice(0, 500));
      }
    }
  }

  /** The next job, fairly between users (see `claimNextExportJob`). */
  private async claim(): Promise<ExportJobRow | null> {
    return claimNextExportJob(this.db.pool);
  }

  private async run(job: ExportJobRow): Promise<void> {
    const filter = { ...job.params.filter, scopePath: job.scope_path };
    const total = await countRegistrations(this.db.pool, filter);
    await setExportTotal(this.db.pool, job.id, total);
    await fs.mkdir(this.dir, { recursive: true });
    const db = this.db;
    let done = 0;
    async function* rows() {
      for await (const page of iterateRegistrations(db.pool, filter)) {
        for (const r of page) {
          done += 1;
          yield {
            no: done,
            title: r.title,
            kind: KIND_LABELS[r.kind],
            unit: formerUnitName(r.unit_name, !!r.unit_closed),
            holder: HOLDER_LABELS[r.holder],
            person: r.person_name,
            field: r.field_code,
            origin: ORIGIN_LABELS[r.origin],
            level: UNIT_LEVEL_LABELS[r.level as UnitLevel] ?? r.level,
            year: r.year,
            start: formatDateVi(r.start_date),
            end: formatDateVi(r.end_date),
            funds: r.planned_funds_vnd,
            workdays: r.planned_workdays,
            state: REGISTRATION_STATE_LABELS[r.state as RegistrationState] ?? r.state,
            recognised: r.recognised ? 'Có' : '',
            commended: r.commended ? 'Có' : '',
            campaign: r.campaign_title,
          };
        }
        await setExportProgress(db.pool, job.id, done);
      }
    }
    const fields = new Map((await listFields(db.pool)).map((f) => [f.code, f.name]));
    const named = (async function* () {
      for await (const r of rows()) yield { ...r, field: fields.get(r.field) ?? r.field };
    })();
    const { writeRowsWorkbook } = await import('../documents/xlsx.js');
    await writeRowsWorkbook(
      this.filePath(job.id),
      {
        name: 'Mô hình, điển hình',
        title: 'DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH "DÂN VẬN KHÉO"',
        subtitle: job.params.description,
        columns: [
          { header: 'STT', key: 'no', width: 6, kind: 'number' },
          { header: 'Tên mô hình, điển hình', key: 'title', width: 48 },
          { header: 'Loại', key: 'kind', width: 11 },
          { header: 'Đơn vị', key: 'unit', width: 30 },
          { header: 'Tập thể / cá nhân', key: 'holder', width: 12 },
          { header: 'Cá nhân', key: 'person', width: 22 },
          { header: 'Lĩnh vực', key: 'field', width: 22 },
          { header: 'Hình thức', key: 'origin', width: 14 },
          { header: 'Cấp', key: 'level', width: 10 },
          { header: 'Năm', key: 'year', width: 8, kind: 'number' },
          { header: 'Bắt đầu', key: 'start', width: 12, kind: 'date' },
          { header: 'Kết thúc', key: 'end', width: 12, kind: 'date' },
          { header: 'Kinh phí dự kiến (đồng)', key: 'funds', width: 16, kind: 'number' },
          { header: 'Ngày công dự kiến', key: 'workdays', width: 12, kind: 'number' },
          { header: 'Trạng thái', key: 'state', width: 18 },
          { header: 'Được công nhận', key: 'recognised', width: 10 },
          { header: 'Được khen thưởng', key: 'commended', width: 10 },
          { header: 'Đợt phát động', key: 'campaign', width: 30 },
        ],
      },
      named,
    );
    await setExportWritten(db.pool, job.id, done, `danh-sach-mo-hinh-${new Date().toISOString().slice(0, 10)}.xlsx`);
  }

  private async expire(): Promise<void> {
    for (const id of await deleteExportJobsOlderThan(this.db.pool, KEEP_HOURS)) await fs.rm(this.filePath(id), { force: true });
  }
}
