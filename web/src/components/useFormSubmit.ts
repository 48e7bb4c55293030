import type { FormInstance } from 'antd';
import { useAction, type ActionOptions } from './useAction';

/**
 * The submit of a form: validate, then run the action through `useAction` (spinner, the server's
 * Vietnamese message on failure, reload on a stale version, one idempotency key per form).
 * `action` receives the validated values and the request options to pass to `post`/`put`/`patch`.
 */
export function useFormSubmit<V, R = unknown>(
  form: FormInstance<V>,
  action: (values: V, opts: { idempotencyKey: string }) => Promise<R>,
  options?: ActionOptions<R, V>,
) {
  const { run, busy, error, setError } = useAction(action, options);
  async function submit() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    await run(values);
  }
  return { submit, busy, error, setError };
}
