import { Client, loggedIn } from '../support/client.js';
import { DEMO_PASSWORD, type TestServer } from '../support/server.js';

export type Users = Record<'admin' | 'officer' | 'member' | 'unit' | 'viewer', Client>;

export async function loginAll(srv: TestServer): Promise<Users> {
  const names = ['admin', 'officer', 'member', 'unit', 'viewer'] as const;
  const clients = await Promise.all(names.map((n) => loggedIn(srv.baseUrl, n, DEMO_PASSWORD)));
  return Object.fromEntries(names.map((n, i) => [n, clients[i]])) as Users;
}

/** Looks a unit up by its code through the admin's eyes (the whole tree). */
export async function unitId(admin: Client, code: string): Promise<string> {
  const r = await admin.get(`/api/v1/units?q=${encodeURIComponent(code)}`);
  const hit = r.body.items.find((u: { code: string }) => u.code === code);
  if (!hit) throw new Error(`no unit ${code}`);
  return hit.id;
}
