import { Alert } from 'antd';
import type { LastReason } from '@domain/movement-schemas.js';
import { describeLastReason } from '@domain/timeline.js';

/**
 * Why a record was returned, rejected, not recognised or stopped, at the top of its page: what
 * happened, who decided it (with their unit) and when, and the reason itself.
 */
export function ReasonBanner({ reason, kind }: { reason: LastReason; kind?: 'model' | 'exemplar' }) {
  const words = describeLastReason(reason, kind);
  return (
    <Alert
      type={reason.kind === 'return' ? 'warning' : 'error'}
      showIcon
      data-testid="reason-banner"
      title={<strong>{words.title}</strong>}
      description={
        <div>
          <div className="reason-who">{words.sentence}.</div>
          <div className="reason-text">
            <span className="reason-label">{words.label}:</span> <span>{reason.text}</span>
          </div>
        </div>
      }
    />
  );
}

/** The reason as one line under a record's title in a list or on a card, wrapping on a phone. */
export function ReasonLine({ reason }: { reason: LastReason }) {
  const { label } = describeLastReason(reason);
  return (
    <div className="reason-line" data-testid="reason-line">
      <span className="reason-label">{label}:</span> {reason.text}
    </div>
  );
}
