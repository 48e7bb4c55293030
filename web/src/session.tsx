import { createContext, useContext } from 'react';
import type { Me } from '@domain/schemas.js';

export const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('no session');
  return me;
}

/** The first page after signing in: the to-do list, or the statistics for a leader who only reads. */
export function homePath(me: Me): string {
  return me.todo ? '/viec-can-lam' : '/thong-ke';
}
