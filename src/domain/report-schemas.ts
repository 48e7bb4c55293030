/** API contract of review reports (báo cáo sơ kết / tổng kết), quota compliance and export jobs. */
import { z } from 'zod';
import { longText, plainText, requiredText } from './text-input.js';
import { Paging, isoDate } from './schemas.js';
import { REPORT_SORTS, sortParam } from './list-sort.js';
import { RegistrationFilterQuery, STAT_TREES } from './statistics.js';

const text = plainText;
const required = requiredText;
const year = z.number().int().min(1900).max(2100);

// ---------- review reports ----------
export const ReviewReportKind = z.enum(['interim', 'final']);
export const REVIEW_REPORT_KIND_LABELS = { interim: 'Sơ kết', final: 'Tổng kết' } as const;

const ReviewReportFields = z.object({
  unitId: z.uuid(),
  kind: ReviewReportKind,
  yearFrom: year,
  yearTo: year,
  campaignId: z.uuid().nullish(),
  title: required(300),
  /** Top left, first line: the Party committee above the issuing body, e.g. "ĐẢNG BỘ TỈNH VĨNH LONG". */
  parentBody: text(200).nullish(),
  /** Top left, second line: the body that issues the report, e.g. "BAN CHỈ ĐẠO DÂN VẬN KHÉO XÃ CÀNG LONG". */
  issuingBody: required(200),
  /** Under the issuing body: "Số 12-BC/BCĐ". */
  number: text(60).nullish(),
  place: required(100),
  reportDate: isoDate(),
  /** "Đặc điểm tình hình": the officer's text, optional. */
  situation: longText(50_000).nullish(),
  /** "Công tác lãnh đạo, chỉ đạo": the officer's text, optional. */
  leadership: longText(50_000).nullish(),
  results: longText(50_000).nullish(),
  limitations: longText(50_000).nullish(),
  lessons: longText(50_000).nullish(),
  directions: longText(50_000).nullish(),
  /** "Kiến nghị, đề xuất": the officer's text, optional. */
  recommendations: longText(50_000).nullish(),
  /** One recipient per line. */
  recipients: longText(2000).nullish(),
  /** The signer's capacity and title, one a line: "T/M BAN CHỈ ĐẠO" above "TRƯỞNG BAN". */
  signerTitle: longText(200).nullish(),
  signerName: text(200).nullish(),
});
export const ReviewReportInput = ReviewReportFields;
export type ReviewReportInput = z.infer<typeof ReviewReportInput>;
export const UpdateReviewReport = ReviewReportFields.omit({ unitId: true }).partial().extend({ version: z.number().int() });
export type UpdateReviewReport = z.infer<typeof UpdateReviewReport>;

export const ReviewReport = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  kind: ReviewReportKind,
  yearFrom: z.number().int(),
  yearTo: z.number().int(),
  campaign: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  title: z.string(),
  parentBody: z.string().nullable(),
  issuingBody: z.string(),
  number: z.string().nullable(),
  place: z.string(),
  reportDate: z.string(),
  situation: z.string().nullable(),
  leadership: z.string().nullable(),
  results: z.string().nullable(),
  limitations: z.string().nullable(),
  lessons: z.string().nullable(),
  directions: z.string().nullable(),
  recommendations: z.string().nullable(),
  recipients: z.string().nullable(),
  signerTitle: z.string().nullable(),
  signerName: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.string()),
});
export type ReviewReport = z.infer<typeof ReviewReport>;
export const ReviewReportListQuery = Paging.extend({ sort: sortParam(REPORT_SORTS, '-date') });
export const ReviewReportList = z.object({ items: z.array(ReviewReport), total: z.number().int() });

/** A line of a figures table: models and exemplars of one group. */
export const FigureLine = z.object({
  key: z.string(),
  label: z.string(),
  models: z.number().int(),
  exemplars: z.number().int(),
  total: z.number().int(),
  /** Part of the line is a split unit's records apportioned by the lineage shares (marked "(*)"). */
  apportioned: z.boolean().optional(),
});
export type FigureLine = z.infer<typeof FigureLine>;

/** Which tree a report's figures follow (see `RegistrationFilterQuery.tree`). */
export const ReportTreeQuery = z.object({ tree: z.enum(STAT_TREES).optional() });

/** The statistics a review report prints, generated from the registrations when asked. */
export const ReportFigures = z.object({
  unit: z.object({ id: z.uuid(), name: z.string() }),
  tree: z.enum(STAT_TREES),
  /** "Số liệu theo địa giới hành chính hiện nay" / "… tại thời điểm cuối kỳ". */
  treeNote: z.string(),
  /** Some figure is apportioned; the documents print `APPORTIONED_NOTE`. */
  apportioned: z.boolean(),
  yearFrom: z.number().int(),
  yearTo: z.number().int(),
  campaign: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  total: z.object({
    models: z.number().int(),
    exemplars: z.number().int(),
    total: z.number().int(),
    fundsVnd: z.number(),
    workdays: z.number(),
    /** Achieved (the latest inspection of each registration): how many were inspected, what they mobilised. */
    inspected: z.number().int(),
    achievedFundsVnd: z.number(),
    achievedWorkdays: z.number(),
    peopleReached: z.number(),
  }),
  byField: z.array(FigureLine),
  byHolder: z.array(FigureLine),
  byOrigin: z.array(FigureLine),
  byLevel: z.array(FigureLine),
  /** The level cut crossed with collective and individual: "15 tập thể và 8 cá nhân ở cấp xã". */
  byLevelHolder: z
    .array(z.object({ level: z.string(), label: z.string(), collectives: z.number().int(), individuals: z.number().int() }))
    .optional(),
  byYear: z.array(FigureLine),
  /** The units directly below, each with its whole subtree; the unit's own registrations first. */
  byChild: z.array(FigureLine.extend({ recognised: z.number().int(), commended: z.number().int() })),
  recognition: z.object({ recognised: z.number().int(), notRecognised: z.number().int(), counted: z.number().int() }),
  /** Commendations recorded for the period's registrations, by form. */
  commendations: z.array(
    z.object({ form: z.string(), collectives: z.number().int(), individuals: z.number().int(), total: z.number().int() }),
  ),
  proposalsUp: z.number().int(),
  notable: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      unitName: z.string(),
      fieldName: z.string(),
      kind: z.enum(['model', 'exemplar']),
      year: z.number().int(),
      recognised: z.boolean(),
      commended: z.boolean(),
    }),
  ),
});
export type ReportFigures = z.infer<typeof ReportFigures>;

// ---------- quota compliance ----------
export const ComplianceStatus = z.enum(['met', 'short', 'none']);
export const COMPLIANCE_LABELS = { met: 'Đạt chỉ tiêu', short: 'Chưa đạt', none: 'Chưa đăng ký' } as const;
export const ComplianceQuery = z.object({ year: z.coerce.number().int().min(1900).max(2100).optional() });
export const ComplianceRow = z.object({
  unit: z.object({ id: z.uuid(), name: z.string(), kind: z.string(), code: z.string() }),
  quota: z.object({ minNew: z.number().int(), minConsolidated: z.number().int(), minTotal: z.number().int() }),
  newCount: z.number().int(),
  consolidationCount: z.number().int(),
  replicationCount: z.number().int(),
  total: z.number().int(),
  status: ComplianceStatus,
  /** The registration deadline has passed and nothing is registered there or below: "Quá hạn". */
  overdue: z.boolean(),
});
export const Compliance = z.object({
  campaign: z.object({
    id: z.uuid(),
    title: z.string(),
    yearFrom: z.number().int(),
    yearTo: z.number().int(),
    registrationDeadline: z.string().nullable(),
  }),
  year: z.number().int(),
  summary: z.object({ units: z.number().int(), met: z.number().int(), short: z.number().int(), none: z.number().int() }),
  /** Units past the registration deadline with nothing registered ("Quá hạn"). */
  overdue: z.number().int(),
  rows: z.array(ComplianceRow),
});
export type Compliance = z.infer<typeof Compliance>;

// ---------- exports ----------
export const ExportKind = z.enum(['registrations']);
export const CreateExport = z.object({
  kind: ExportKind,
  /** The list's filters, as the list screen sends them. */
  filter: RegistrationFilterQuery.partial().default({}),
});
export const ExportJobState = z.enum(['queued', 'running', 'done', 'failed']);
export const ExportJob = z.object({
  id: z.uuid(),
  kind: ExportKind,
  state: ExportJobState,
  progress: z.number().int(),
  total: z.number().int().nullable(),
  fileName: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ExportJob = z.infer<typeof ExportJob>;
/** "Tệp đã xuất của tôi": the caller's own export jobs, newest first (jobs go after a day). */
export const ExportJobList = z.object({ items: z.array(ExportJob), total: z.number().int() });
export type ExportJobList = z.infer<typeof ExportJobList>;
