import { createContext, useContext } from 'react';
import type { Me } from '@domain/schemas.js';

export const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('no session');
  return me;
}
