import { useState } from 'react';
import { Alert, App, Button, Card, Space, Tag } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Candidate, CandidateAction, Round } from '@domain/recognition-schemas.js';
import { post, type RequestOptions } from '../../../api';
import { useAction } from '../../../components/useAction';
import { formatDate } from '../../../format';
import { OVERDUE_LABEL } from '@domain/deadlines.js';
import { useIsMobile } from '../../../useIsMobile';
import { StateTag, levelLabel } from '../shared';
import { ChecklistSection } from './ChecklistSection';
import { DecideModal } from './DecideModal';
import { VotesSection } from './VotesSection';

/** A step on a candidate: the request, and what to say once it is done. */
export interface CandidateStep {
  send: (opts: RequestOptions) => Promise<Round>;
  done: string;
}

/** What each numbered section of a candidate's card receives: the candidate, its URL, the button size, the busy slot and the way to act. */
export interface CandidateSectionProps {
  c: Candidate;
  base: string;
  size: 'large' | 'middle';
  pending: string | undefined;
  onAct: (slot: string, step: CandidateStep) => Promise<void>;
}

/** "Quá hạn": still undecided past the campaign's recognition date. */
function LateTag({ due }: { due: string | null }) {
  return (
    <Tag color="red" title={`Đã quá ngày xét công nhận của đợt phát động${due ? ` (hạn ${formatDate(due)})` : ''} mà chưa quyết định`}>
      {OVERDUE_LABEL}
    </Tag>
  );
}

/** A gap as a line of the list: its first letter in capitals, a full stop at the end. */
const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1) + '.';

/**
 * One candidate of a round, in the order the work is done: 1. the criteria checklist, 2. the
 * acknowledgement of the collective, 3. the open vote, 4. the decision.
 */
export function CandidateCard({ round, c, onChanged }: { round: Round; c: Candidate; onChanged: (r: Round) => void }) {
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const [deciding, setDeciding] = useState<'recognised' | 'not_recognised' | null>(null);
  const can = (a: CandidateAction) => c.actions.includes(a);
  const base = `/recognition-rounds/${round.id}/candidates/${c.registration.id}`;
  const size = mobile ? 'large' : 'middle';
  // Each button is its own slot: its spinner, and its idempotency key kept for a retry.
  const step = useAction((s: CandidateStep, opts) => s.send(opts), { showError: 'modal' });
  async function act(slot: string, s: CandidateStep) {
    const next = await step.run(s, slot);
    if (!next) return;
    onChanged(next);
    message.success(s.done);
  }

  return (
    <Card
      styles={{ body: { padding: mobile ? 12 : 20 } }}
      title={
        <div className="record-head compact">
          <Link to={`/mo-hinh/${c.registration.id}`} className="record-head-link">
            {c.registration.title}
          </Link>
          <div className="record-head-sub">
            {c.registration.unitName}
            {c.registration.personName ? ` · ${c.registration.personName}` : ''}
          </div>
        </div>
      }
      extra={
        mobile ? null : (
          <Space size={4}>
            {c.overdue && <LateTag due={round.recognitionDate} />}
            <StateTag state={c.registration.state} />
          </Space>
        )
      }
    >
      {mobile && (
        <Space size={4} wrap className="gap-below-8">
          {c.overdue && <LateTag due={round.recognitionDate} />}
          <StateTag state={c.registration.state} />
        </Space>
      )}
      {c.result && (
        <Alert
          type={c.result === 'recognised' ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          title={c.result === 'recognised' ? `Đã công nhận (${levelLabel(c.level)})` : 'Không công nhận'}
          description={
            c.result === 'recognised'
              ? `Quyết định số ${c.decisionNo ?? '—'} ngày ${formatDate(c.decisionDate)} của ${c.issuer ?? '—'}`
              : c.reasons
          }
        />
      )}
      <ChecklistSection c={c} base={base} size={size} pending={step.pending} onAct={act} />

      <h4 className="round-subtitle">2. Xác nhận của tập thể nơi hoạt động</h4>
      {c.acknowledged ? (
        <div>
          <Tag color="green" icon={<CheckOutlined />}>
            Đã xác nhận
          </Tag>
          {c.acknowledgementNote}
        </div>
      ) : can('acknowledge') ? (
        <Button
          size={size}
          type="primary"
          block={mobile}
          style={{ whiteSpace: 'normal', height: 'auto', minHeight: mobile ? 40 : 32 }}
          loading={step.pending === 'ack'}
          onClick={() =>
            void act('ack', { send: (opts) => post<Round>(`${base}/acknowledge`, { note: null }, opts), done: 'Đã xác nhận.' })
          }
        >
          Xác nhận mô hình hoạt động đúng thực tế
        </Button>
      ) : (
        <Tag>Chưa xác nhận</Tag>
      )}

      <VotesSection c={c} base={base} size={size} pending={step.pending} onAct={act} />

      {can('decide') && (
        <>
          <h4 className="round-subtitle">4. Quyết định</h4>
          {/* Recognition is offered once the candidate is ready; until then the page says what is missing. */}
          {c.missing.length > 0 && (
            <Alert
              type="info"
              showIcon
              className="gap-below-8"
              title="Chưa thể ra quyết định công nhận. Còn thiếu:"
              description={
                <ul className="missing-steps" aria-label="Các bước còn thiếu">
                  {c.missing.map((m) => (
                    <li key={m.code}>{sentence(m.message)}</li>
                  ))}
                </ul>
              }
            />
          )}
          <div className="button-row">
            <Button size={size} type="primary" disabled={!can('recognise')} onClick={() => setDeciding('recognised')}>
              Ra quyết định công nhận
            </Button>
            <Button size={size} onClick={() => setDeciding('not_recognised')}>
              Không công nhận
            </Button>
          </div>
        </>
      )}
      {deciding && (
        <DecideModal
          c={c}
          base={base}
          result={deciding}
          onClose={() => setDeciding(null)}
          onDecided={(next) => {
            setDeciding(null);
            onChanged(next);
            message.success('Đã ghi quyết định.');
          }}
        />
      )}
    </Card>
  );
}
