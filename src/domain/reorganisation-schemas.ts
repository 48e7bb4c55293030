/**
 * Reorganisations of the unit tree: the request (a legal basis, an effective date and an ordered
 * list of changes), the preview and the stored record. A unit is named by its id, or by the `ref`
 * a change of the same reorganisation gave to a unit it creates.
 */
import { z } from 'zod';
import { isoDate, UnitKind, UnitLevel } from './schemas.js';
import { longText, requiredText } from './text-input.js';

const code = requiredText(40).regex(/^[A-Za-z0-9._-]+$/, 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang');
const refName = requiredText(60);

export const UnitIdRef = z.object({ unitId: z.uuid() }).strict();
export const LocalRef = z.object({ ref: refName }).strict();
export const UnitRef = z.union([UnitIdRef, LocalRef]);
export type UnitRef = z.infer<typeof UnitRef>;

export const NewUnitSpec = z
  .object({
    ref: refName.optional(),
    code,
    name: requiredText(200),
    kind: UnitKind,
    level: UnitLevel.optional(),
    parent: UnitRef,
  })
  .strict();
export const NewUnit = z.object({ new: NewUnitSpec }).strict();
export type NewUnit = z.infer<typeof NewUnit>;

const share = z.number().gt(0, 'tỷ lệ phải lớn hơn 0').max(1, 'tỷ lệ không quá 1');
const splitPart = { share: share.optional(), keepsCode: z.boolean().optional() };
export const SplitTarget = z.union([UnitIdRef.extend(splitPart), LocalRef.extend(splitPart), NewUnit.extend(splitPart)]);
export type SplitTarget = z.infer<typeof SplitTarget>;

export const MergeChange = z
  .object({ kind: z.literal('merge'), from: z.array(UnitRef).min(1).max(200), into: z.union([UnitIdRef, LocalRef, NewUnit]) })
  .strict();
export const SplitChange = z.object({ kind: z.literal('split'), from: UnitRef, into: z.array(SplitTarget).min(2).max(50) }).strict();
export const RenameChange = z.object({ kind: z.literal('rename'), unit: UnitRef, name: requiredText(200), code: code.optional() }).strict();
export const MoveChange = z.object({ kind: z.literal('move'), unit: UnitRef, parent: UnitRef }).strict();
export const AbolishLevelChange = z.object({ kind: z.literal('abolish_level'), unit: UnitRef, childrenTo: UnitRef.optional() }).strict();

export const Change = z.discriminatedUnion('kind', [MergeChange, SplitChange, RenameChange, MoveChange, AbolishLevelChange]);
export type Change = z.infer<typeof Change>;
export const CHANGE_KINDS = ['merge', 'split', 'rename', 'move', 'abolish_level'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  merge: 'Sáp nhập',
  split: 'Chia tách',
  rename: 'Đổi tên',
  move: 'Chuyển cấp trên',
  abolish_level: 'Bỏ cấp (không tổ chức cấp này)',
};

export const LegalBasis = z.object({
  number: requiredText(60),
  date: isoDate().optional(),
  issuer: requiredText(200),
});

export const ReorganisationInput = z.object({
  effectiveDate: isoDate(),
  basis: LegalBasis,
  note: longText(2000).optional(),
  changes: z.array(Change).min(1, 'cần ít nhất một thay đổi').max(5000),
  /** The versions of the units the preview showed: applying refuses (409) if one changed since. */
  unitVersions: z.record(z.string(), z.number().int()).optional(),
});
export type ReorganisationInput = z.infer<typeof ReorganisationInput>;

const UnitBrief = z.object({ id: z.uuid().nullable(), code: z.string(), name: z.string() });
export const PreviewUnit = UnitBrief.extend({
  /** Registrations registered by this unit and the units under it, which follow it. */
  records: z.number().int(),
});
export const PreviewMove = PreviewUnit.extend({ fromName: z.string().nullable(), toName: z.string() });
export const PreviewChange = z.object({
  seq: z.number().int(),
  kind: z.enum(CHANGE_KINDS),
  summary: z.string(),
  closes: z.array(PreviewUnit),
  opens: z.array(UnitBrief.extend({ parentName: z.string() })),
  moves: z.array(PreviewMove),
  renames: z.array(UnitBrief.extend({ oldName: z.string(), oldCode: z.string() })),
});
export const ReorganisationPreview = z.object({
  effectiveDate: z.string(),
  /** Applies now (date today or earlier) or is kept until its date comes. */
  scheduled: z.boolean(),
  changes: z.array(PreviewChange),
  counts: z.object({
    closed: z.number().int(),
    opened: z.number().int(),
    moved: z.number().int(),
    renamed: z.number().int(),
    records: z.number().int(),
  }),
  unitVersions: z.record(z.string(), z.number().int()),
});
export type ReorganisationPreview = z.infer<typeof ReorganisationPreview>;

export const REORGANISATION_STATUSES = ['scheduled', 'applied', 'undone'] as const;
export const REORGANISATION_STATUS_LABELS: Record<(typeof REORGANISATION_STATUSES)[number], string> = {
  scheduled: 'Chờ đến ngày hiệu lực',
  applied: 'Đã áp dụng',
  undone: 'Đã hoàn tác',
};

export const ReorganisationSummary = z.object({
  id: z.uuid(),
  effectiveDate: z.string(),
  basis: z.object({ number: z.string(), date: z.string().nullable(), issuer: z.string() }),
  note: z.string().nullable(),
  status: z.enum(REORGANISATION_STATUSES),
  changeCount: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  undoneAt: z.string().nullable(),
  lastError: z.string().nullable(),
  version: z.number().int(),
});
export const ReorganisationLink = z.object({
  predecessor: UnitBrief,
  successor: UnitBrief,
  changeKind: z.string(),
  share: z.number().nullable(),
  keepsCode: z.boolean(),
});
export const Reorganisation = ReorganisationSummary.extend({
  changes: z.array(z.object({ seq: z.number().int(), kind: z.enum(CHANGE_KINDS), spec: z.unknown() })),
  lineage: z.array(ReorganisationLink),
  /** Undo is allowed now (nothing written under its units since), or why not. */
  undo: z.object({ allowed: z.boolean(), blockedBy: z.string().nullable() }),
});
export type Reorganisation = z.infer<typeof Reorganisation>;
export const ReorganisationList = z.object({ items: z.array(ReorganisationSummary), total: z.number().int() });
export const ReorganisationListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  status: z.enum(REORGANISATION_STATUSES).optional(),
});

export const SetShares = z.object({
  predecessorId: z.uuid(),
  shares: z
    .array(z.object({ successorId: z.uuid(), share }))
    .min(1)
    .max(50),
});
export type SetShares = z.infer<typeof SetShares>;

export { LineageEntry, UnitHistory, UnitVersionEntry } from './schemas.js';
