import { useState } from 'react';
import type { FormInstance } from 'antd';
import { errorText } from '../api';

/**
 * The submit of a form in a dialog: validate, show the spinner, send, show the server's
 * Vietnamese message on failure. `action` receives the validated values; `onError` may react to
 * a failure first (reload a record that someone else changed).
 */
export function useFormSubmit<V>(form: FormInstance<V>, action: (values: V) => Promise<unknown>, onError?: (e: unknown) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      await action(values);
    } catch (e) {
      onError?.(e);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return { submit, busy, error, setError };
}
