/**
 * Exports run as stored jobs: the request records the job and returns at once; a runner in the
 * server process claims queued jobs (`for update skip locked`, so several server instances share
 * the queue without doing a job twice) fairly between users (`claimNextExportJob`), writes the
 * .xlsx under the data directory and records its progress, which the screen polls. Files older than a day are removed with their jobs.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../data/db.js';
import { listCommendationForms, listFields } from '../data/catalogues-repo.js';
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
import { registrationSheetDetails } from '../data/sheet-rows-repo.js';
import { SHEET_NAMES, SHEET_TITLES, withCatalogues } from '../domain/sheet-columns.js';

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
    // The rows are read where statistics are (a streaming replica, when there is one), never behind
    // what was committed before it was asked (the primary's WAL position, taken in the transaction
    // that queued it), whichever instance runs it; the job's own progress is written on the primary.
    const reader = await this.db.readsAfter(job.params.walLsn);
    const total = await countRegistrations(reader, filter);
    await setExportTotal(this.db.pool, job.id, total);
    await fs.mkdir(this.dir, { recursive: true });
    const db = this.db;
    // The columns of the import template, so the file can be edited and imported back.
    const cols = withCatalogues('registrations', {
      fields: await listFields(reader),
      commendationForms: await listCommendationForms(reader),
    });
    let done = 0;
    async function* rows() {
      for await (const page of iterateRegistrations(reader, filter)) {
        const details = await registrationSheetDetails(
          reader,
          page.map((r) => r.id),
        );
        for (const r of page) {
          const d = details.get(r.id);
          done += 1;
          yield sheetRow(cols, {
            kind: r.kind,
            title: r.title,
            unitCode: d?.unit_code,
            holder: r.holder,
            personName: r.person_name,
            personPosition: r.person_position,
            fieldCode: r.field_code,
            origin: r.origin,
            originId: r.origin_id,
            level: r.level,
            year: r.year,
            startDate: r.start_date,
            endDate: r.end_date,
            problem: r.problem,
            purpose: r.purpose,
            placeAddress: r.place_address,
            forces: r.forces,
            targets: r.targets,
            solutions: r.solutions,
            plannedFundsVnd: r.planned_funds_vnd,
            plannedWorkdays: r.planned_workdays,
            campaignTitle: r.campaign_title,
            state: r.state,
            recognitionDecisionNo: d?.recognition_decision_no,
            recognitionDecisionDate: d?.recognition_decision_date,
            recognitionLevel: d?.recognition_level,
            recognitionIssuer: d?.recognition_issuer,
            commendationForm: d?.commendation_form,
            commendationDecisionNo: d?.commendation_decision_no,
            commendationDecisionDate: d?.commendation_decision_date,
            commendationIssuer: d?.commendation_issuer,
            id: r.id,
          });
        }
        await setExportProgress(db.pool, job.id, done);
      }
    }
    const { writeRowsWorkbook } = await import('../documents/xlsx.js');
    const { sheetRow, xlsxColumns } = await import('../documents/sheet-layout.js');
    await writeRowsWorkbook(
      this.filePath(job.id),
      { name: SHEET_NAMES.registrations, title: SHEET_TITLES.registrations, subtitle: job.params.description, columns: xlsxColumns(cols) },
      rows(),
      undefined,
      total,
    );
    await setExportWritten(db.pool, job.id, done, `danh-sach-mo-hinh-${new Date().toISOString().slice(0, 10)}.xlsx`);
  }

  private async expire(): Promise<void> {
    for (const id of await deleteExportJobsOlderThan(this.db.pool, KEEP_HOURS)) await fs.rm(this.filePath(id), { force: true });
  }
}
