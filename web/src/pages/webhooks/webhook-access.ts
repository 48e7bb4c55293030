import { can } from '@domain/policy.js';
import { useSession } from '../../session';

/** Who may set webhooks up, as the policy says: administrators and movement officers in their scope. */
export function useMayManageWebhooks(): boolean {
  const me = useSession();
  const entryPath = me.user.entryScope?.path ?? null;
  const actor = { id: me.user.id, role: me.user.role, entryPath, viewPath: me.user.viewScope.path };
  return !!entryPath && can(actor, 'webhook.manage', { path: entryPath });
}
