import { useState } from 'react';
import { Button, Image, Input, Radio, Tag } from 'antd';
import { achievedLabel } from '@domain/achievement.js';
import { MARK_LABELS, type Round } from '@domain/recognition-schemas.js';
import { put } from '../../../api';
import { formatDate } from '../../../format';
import type { CandidateSectionProps } from './CandidateCard';

type Mark = keyof typeof MARK_LABELS;
const MARK_OPTIONS = Object.entries(MARK_LABELS).map(([value, label]) => ({ value, label }));
const MARK_COLORS: Record<Mark, string> = { met: 'green', not_met: 'red', na: 'default' };

type Item = CandidateSectionProps['c']['checklist'][number];
const below = (i: Item) => i.completionPct !== null && i.completionPct < 100;

/** The evidence of one criterion: target, the latest recorded value with its date, the completion. */
function CriterionEvidence({ i }: { i: Item }) {
  if (i.inspectedOn === null || i.achieved === null)
    return (
      <div className="muted checklist-evidence">
        {i.target !== null ? `Chỉ tiêu: ${achievedLabel(i.target, null, i.unitOfMeasure)} · ` : ''}Chưa có kết quả kiểm tra
      </div>
    );
  return (
    <div className="checklist-evidence" data-testid="criterion-evidence">
      {i.target !== null ? `Chỉ tiêu: ${achievedLabel(i.target, null, i.unitOfMeasure)} · ` : ''}
      Đạt:{' '}
      <b style={{ color: i.completionPct === null ? undefined : below(i) ? '#d46b08' : '#389e0d' }}>
        {achievedLabel(i.achieved, i.target, i.unitOfMeasure)}
      </b>{' '}
      <span className="muted">(kiểm tra ngày {formatDate(i.inspectedOn)})</span>
    </div>
  );
}

/** The inspections' photos: thumbnails that open the original, newest inspection first. */
function Photos({ photos }: { photos: CandidateSectionProps['c']['photos'] }) {
  if (photos.length === 0) return <div className="faint">Chưa có ảnh minh chứng từ các lần kiểm tra.</div>;
  return (
    <Image.PreviewGroup>
      <div className="muted">Ảnh các lần kiểm tra (bấm vào ảnh để xem lớn):</div>
      <div className="button-row gap-below-8" data-testid="checklist-photos">
        {photos.map((p) => (
          <Image
            key={p.id}
            src={`/api/v1/files/${p.id}?size=thumb`}
            preview={{ src: `/api/v1/files/${p.id}` }}
            alt={`${p.fileName} (kiểm tra ngày ${formatDate(p.inspectedOn)})`}
            width={96}
            height={72}
            style={{ objectFit: 'cover', borderRadius: 4 }}
          />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}

/**
 * 1. Each criterion marked met, not met or not applicable, with its evidence in view; "met" below
 * the recorded target needs a written reason. Saved once all are marked.
 */
export function ChecklistSection(props: CandidateSectionProps) {
  const { c, base, size } = props;
  const [marks, setMarks] = useState<Record<string, Mark | null>>(() =>
    Object.fromEntries(c.checklist.map((i) => [i.criterionId, i.mark])),
  );
  const mayCheck = c.actions.includes('check');
  const [reasons, setReasons] = useState<Record<string, string>>(() =>
    Object.fromEntries(c.checklist.map((i) => [i.criterionId, i.reason ?? ''])),
  );
  const needsReason = (i: Item) => marks[i.criterionId] === 'met' && below(i);
  const allMarked = c.checklist.every((i) => marks[i.criterionId] && (!needsReason(i) || reasons[i.criterionId]?.trim()));
  const dirty = c.checklist.some((i) => marks[i.criterionId] !== i.mark || (reasons[i.criterionId] ?? '') !== (i.reason ?? ''));
  const items = () =>
    c.checklist.map((i) => ({
      criterionId: i.criterionId,
      mark: marks[i.criterionId],
      ...(needsReason(i) ? { reason: reasons[i.criterionId] } : {}),
    }));
  return (
    <>
      <h4 className="round-subtitle first">1. Đánh giá theo tiêu chí</h4>
      <Photos photos={c.photos} />
      {c.checklist.length === 0 && <div className="faint">Hồ sơ không có tiêu chí.</div>}
      {c.checklist.map((i, n) => (
        <div key={i.criterionId} className="checklist-row">
          <span className="checklist-name">
            {n + 1}. {i.name}
            <CriterionEvidence i={i} />
            {mayCheck && needsReason(i) ? (
              <Input.TextArea
                aria-label={`Lý do đánh giá Đạt tiêu chí ${n + 1}`}
                placeholder={`Tiêu chí mới hoàn thành ${i.completionPct} %: ghi lý do đánh giá "Đạt"`}
                value={reasons[i.criterionId] ?? ''}
                onChange={(e) => setReasons((r) => ({ ...r, [i.criterionId]: e.target.value }))}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={1000}
                status={reasons[i.criterionId]?.trim() ? undefined : 'warning'}
                style={{ marginTop: 4 }}
              />
            ) : i.reason ? (
              <div className="checklist-reason">Lý do đánh giá Đạt: {i.reason}</div>
            ) : null}
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
