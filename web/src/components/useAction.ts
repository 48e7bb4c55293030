import { useRef, useState } from 'react';
import { App } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { ApiError, errorText } from '../api';
import { newIdempotencyKey } from './idempotency';

/** Said instead of the server's "reload the page" when the page has reloaded the record itself. */
export const STALE_RELOADED =
  'Dữ liệu đã được người khác thay đổi trong lúc bạn thao tác. Trang đã tải lại dữ liệu mới nhất: vui lòng xem lại rồi thực hiện lại.';

export interface ActionOptions<R, V = never> {
  /** Someone else changed the record (409 STALE_VERSION): reload it; the message says it was reloaded. */
  onStale?: () => unknown;
  /** Runs after success, inside the busy state (e.g. update the cache, close the dialog). */
  onSuccess?: (result: R, vars: V) => unknown;
  /** What to say when the error carries no message of the server's. */
  fallback?: string;
  /**
   * Sees a failure first: returns true when it has shown it itself (e.g. on a form field), so the
   * hook does not; otherwise it may react (scroll to the message).
   */
  onError?: (e: unknown) => boolean | void;
  /** `modal`: show the failure in a dialog instead of returning it for an inline alert. */
  showError?: 'inline' | 'modal';
}

const refused = (e: unknown) => e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429;

interface Call<V> {
  vars: V;
  slot: string;
  key: string;
}

/**
 * One user action that writes: busy while it runs, the server's Vietnamese message when it fails,
 * a reload when the record changed under the user, and one idempotency key per form (per `slot`
 * when a card has several buttons), kept when the user tries again after a failure whose outcome
 * is unknown so the server can recognise the repeat, and renewed after success or a refusal.
 */
export function useAction<V, R>(fn: (vars: V, opts: { idempotencyKey: string }) => Promise<R>, options: ActionOptions<R, V> = {}) {
  const { modal } = App.useApp();
  const keys = useRef(new Map<string, string>());
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation<R, unknown, Call<V>>({
    mutationFn: ({ vars, key }) => fn(vars, { idempotencyKey: key }),
  });

  /**
   * Runs the action; resolves to its result, or to undefined after a failure (already shown). An
   * action whose answer is empty (204) reacts to success in `onSuccess`.
   */
  async function run(vars: V, slot = ''): Promise<R | undefined> {
    let key = keys.current.get(slot);
    if (!key) keys.current.set(slot, (key = newIdempotencyKey()));
    setError(null);
    try {
      const result = await mutation.mutateAsync({ vars, slot, key });
      keys.current.delete(slot);
      await options.onSuccess?.(result, vars);
      return result;
    } catch (e) {
      const stale = e instanceof ApiError && e.code === 'STALE_VERSION';
      // The key stays while the outcome is unknown (no answer, a server failure): the retry may be
      // the same request arriving twice. A refusal (4xx) changed nothing, and the next attempt is a
      // corrected request, which gets a key of its own.
      if (refused(e)) keys.current.delete(slot);
      let text = errorText(e, options.fallback);
      if (stale && options.onStale) {
        void options.onStale();
        text = STALE_RELOADED;
      }
      if (options.onError?.(e) === true) return undefined;
      if (options.showError === 'modal') modal.error({ title: 'Chưa thực hiện được', content: text });
      else setError(text);
      return undefined;
    }
  }

  const pending = mutation.isPending ? mutation.variables?.slot : undefined;
  return {
    run,
    busy: mutation.isPending,
    /** The slot of the call running now, to spin only the button that was pressed. */
    pending,
    error,
    setError,
  };
}
