/** The places and people of the policy tests: one province with a commune and a hamlet, another province. */
import type { Actor } from '../../src/domain/policy.js';
import type { Role } from '../../src/domain/roles.js';

// A province 1.2 with a commune 1.2.7 and a hamlet 1.2.7.9; another province 1.3.
export const PROVINCE = '1.2';
export const COMMUNE = '1.2.7';
export const HAMLET = '1.2.7.9';
export const OTHER = '1.3';
export const OTHER_COMMUNE = '1.3.4';

export const actors: Record<Role, Actor> = {
  admin: { id: 'a', role: 'admin', entryPath: PROVINCE, viewPath: PROVINCE },
  officer: { id: 'o', role: 'officer', entryPath: PROVINCE, viewPath: PROVINCE },
  member: { id: 'm', role: 'member', entryPath: PROVINCE, viewPath: PROVINCE },
  unit_officer: { id: 'u', role: 'unit_officer', entryPath: COMMUNE, viewPath: COMMUNE },
  viewer: { id: 'v', role: 'viewer', entryPath: null, viewPath: PROVINCE },
};
