/**
 * The API contract: zod schemas that validate requests on the server, type the web client,
 * and generate the OpenAPI document. One definition, three uses.
 */
import { z } from 'zod';
import { REGISTRATION_QUEUES } from './policy.js';
import { ROLES } from './roles.js';
import { plainText, requiredText } from './text-input.js';
import { UNIT_KINDS, UNIT_LEVELS } from './unit-kinds.js';
import { USER_SORTS, sortParam } from './list-sort.js';

const trimmed = requiredText;

/** A calendar date the movement can mean: 1900 to 2100, as YYYY-MM-DD. */
export const isoDate = () => z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2100-12-31', 'ngày phải trong khoảng 1900–2100');

export const IdParam = z.object({ id: z.uuid() });
export const Paging = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

// ---------- units ----------
export const UnitKind = z.enum(UNIT_KINDS);
export const UnitLevel = z.enum(UNIT_LEVELS);

export const UnitSummary = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  code: z.string(),
  name: z.string(),
  kind: UnitKind,
  level: UnitLevel,
  active: z.boolean(),
  childCount: z.number().int(),
  path: z.string(),
});
export type UnitSummary = z.infer<typeof UnitSummary>;

/** A unit's place in the lineage, shown on the unit's page. */
export const LineageEntry = z.object({
  /** The unit at the other end; a closed one is shown "… (cũ)". */
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string(), active: z.boolean() }),
  effectiveDate: z.string(),
  changeKind: z.string(),
  share: z.number().nullable(),
  reorganisation: z.object({ id: z.uuid(), basisNumber: z.string(), basisDate: z.string().nullable(), basisIssuer: z.string() }).nullable(),
});
/** The unit as it stood in one period: the tree "then". */
export const UnitVersionEntry = z.object({
  validFrom: z.string(),
  validTo: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  parentName: z.string().nullable(),
  path: z.string(),
});
export const UnitHistory = z.object({
  predecessors: z.array(LineageEntry),
  successors: z.array(LineageEntry),
  versions: z.array(UnitVersionEntry),
});

export const Unit = UnitSummary.extend({
  address: z.string().nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  predecessorIds: z.array(z.uuid()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** From the top of the actor's view scope down to the parent. */
  ancestors: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** What this user may do with this unit: update, move, deactivate, reactivate, create_child. */
  actions: z.array(z.string()),
  /** Where it came from and what it became (reorganisations), and its versions. */
  history: UnitHistory,
});
export type Unit = z.infer<typeof Unit>;

export const UnitListQuery = Paging.extend({
  parentId: z.uuid().optional(),
  q: plainText(100).optional(),
  kind: UnitKind.optional(),
  includeInactive: z.enum(['true', 'false']).optional(),
});
export const UnitListItem = UnitSummary.extend({
  /** Names from the top of the view scope to the parent, for search results. */
  trail: z.string(),
  actions: z.array(z.string()),
});
export const UnitList = z.object({ items: z.array(UnitListItem), total: z.number().int() });
export type UnitListItem = z.infer<typeof UnitListItem>;

export const CreateUnit = z.object({
  parentId: z.uuid(),
  code: trimmed(40).regex(/^[A-Za-z0-9._-]+$/, 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang'),
  name: trimmed(200),
  kind: UnitKind,
  level: UnitLevel,
  address: plainText(300).nullish(),
  validFrom: isoDate().optional(),
});
export type CreateUnit = z.infer<typeof CreateUnit>;

export const UpdateUnit = z.object({
  version: z.number().int(),
  code: CreateUnit.shape.code.optional(),
  name: trimmed(200).optional(),
  kind: UnitKind.optional(),
  level: UnitLevel.optional(),
  address: plainText(300).nullish(),
  /** Closes the unit on this date (its last day); a unit closed today gives today. */
  validTo: isoDate().optional(),
});
export type UpdateUnit = z.infer<typeof UpdateUnit>;

export const MoveUnit = z.object({ version: z.number().int(), newParentId: z.uuid() });
export const VersionOnly = z.object({ version: z.number().int() });
/** Deactivation: the last day the unit worked; today when not given. */
export const DeactivateUnit = VersionOnly.extend({ validTo: isoDate().optional() });

// ---------- accounts ----------
export const Role = z.enum(ROLES);
export const LoginBody = z.object({ username: trimmed(60), password: z.string().min(1).max(200) });
export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const ScopeRef = z.object({ id: z.uuid(), name: z.string(), path: z.string() });
export const User = z.object({
  id: z.uuid(),
  username: z.string(),
  fullName: z.string(),
  role: Role,
  position: z.string().nullable(),
  unit: ScopeRef,
  entryScope: ScopeRef.nullable(),
  viewScope: ScopeRef,
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export type User = z.infer<typeof User>;

/**
 * What the user may create, computed by the policy (`createCapabilities`): a screen shows its
 * "new" buttons from these, never from the role.
 */
export const CreateCapabilities = z.object({
  campaign: z.boolean(),
  round: z.boolean(),
  criterion: z.boolean(),
  registration: z.boolean(),
  unit: z.boolean(),
  user: z.boolean(),
  report: z.boolean(),
});
export type CreateCapabilities = z.infer<typeof CreateCapabilities>;

export const Me = z.object({
  user: User,
  capabilities: z.object({ manageUsers: z.boolean(), viewAudit: z.boolean(), createUnits: z.boolean() }),
  canCreate: CreateCapabilities,
  /** The registration queues that apply to the user (`registrationQueues` in the policy): the list's tabs and the to-do cards. */
  queues: z.array(z.enum(REGISTRATION_QUEUES)),
  /** Whether work can wait for this user: the to-do page is theirs to open (a read-only leader lands on the statistics). */
  todo: z.boolean(),
  sessionExpiresAt: z.string(),
});
export type Me = z.infer<typeof Me>;

export const UserListQuery = Paging.extend({ q: plainText(100).optional(), sort: sortParam(USER_SORTS, 'username') });
export const UserList = z.object({ items: z.array(User), total: z.number().int() });

export const CreateUser = z.object({
  username: trimmed(60).regex(/^[a-z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch'),
  fullName: trimmed(120),
  position: plainText(120).nullish(),
  role: Role,
  unitId: z.uuid(),
  entryUnitId: z.uuid().nullable(),
  viewUnitId: z.uuid(),
  password: z.string().min(8).max(200),
});
export type CreateUser = z.infer<typeof CreateUser>;

export const UpdateUser = z.object({
  version: z.number().int(),
  fullName: trimmed(120).optional(),
  position: plainText(120).nullish(),
  role: Role.optional(),
  unitId: z.uuid().optional(),
  entryUnitId: z.uuid().nullable().optional(),
  viewUnitId: z.uuid().optional(),
  active: z.boolean().optional(),
});
export const ResetPassword = z.object({ newPassword: z.string().min(8).max(200) });

// ---------- audit ----------
export const AuditQuery = Paging.extend({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(60).optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(60).optional(),
  from: isoDate().optional(),
  to: isoDate().optional(),
});
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  entityLabel: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
});
export const AuditList = z.object({ items: z.array(AuditEntry), total: z.number().int() });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const Health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() });
