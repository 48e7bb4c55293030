import { useState } from 'react';
import { Button, Radio, Tag } from 'antd';
import { MARK_LABELS, type Round } from '@domain/recognition-schemas.js';
import { put } from '../../../api';
import type { CandidateSectionProps } from './CandidateCard';

type Mark = keyof typeof MARK_LABELS;
const MARK_OPTIONS = Object.entries(MARK_LABELS).map(([value, label]) => ({ value, label }));
const MARK_COLORS: Record<Mark, string> = { met: 'green', not_met: 'red', na: 'default' };

/** 1. Each criterion marked met, not met or not applicable; saved once all are marked. */
export function ChecklistSection(props: CandidateSectionProps) {
  const { c, base, size } = props;
  const [marks, setMarks] = useState<Record<string, Mark | null>>(() =>
    Object.fromEntries(c.checklist.map((i) => [i.criterionId, i.mark])),
  );
  const mayCheck = c.actions.includes('check');
  const allMarked = c.checklist.every((i) => marks[i.criterionId]);
  const dirty = c.checklist.some((i) => marks[i.criterionId] !== i.mark);
  const items = () => c.checklist.map((i) => ({ criterionId: i.criterionId, mark: marks[i.criterionId] }));
  return (
    <>
      <h4 className="round-subtitle first">1. Đánh giá theo tiêu chí</h4>
      {c.checklist.length === 0 && <div className="faint">Hồ sơ không có tiêu chí.</div>}
      {c.checklist.map((i, n) => (
        <div key={i.criterionId} className="checklist-row">
          <span className="checklist-name">
            {n + 1}. {i.name}
          </span>
          {mayCheck ? (
            <Radio.Group
              aria-label={`Đánh giá tiêu chí ${n + 1}`}
              value={marks[i.criterionId] ?? undefined}
              onChange={(e) => setMarks((m) => ({ ...m, [i.criterionId]: e.target.value as Mark }))}
              options={MARK_OPTIONS}
            />
          ) : (
            <Tag color={i.mark ? MARK_COLORS[i.mark] : 'default'}>{i.mark ? MARK_LABELS[i.mark] : 'Chưa đánh giá'}</Tag>
          )}
        </div>
      ))}
      {mayCheck && c.checklist.length > 0 && (
        <Button
          size={size}
          style={{ marginTop: 8 }}
          disabled={!allMarked || !dirty}
          loading={props.pending === 'check'}
          onClick={() =>
            void props.onAct('check', {
              send: (opts) => put<Round>(`${base}/checklist`, { items: items() }, opts),
              done: 'Đã lưu đánh giá tiêu chí.',
            })
          }
        >
          Lưu đánh giá tiêu chí
        </Button>
      )}
    </>
  );
}
