import { achievedLabel } from '@domain/achievement.js';
import { Alert, Card, Empty, Image, Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Registration } from '@domain/movement-schemas.js';
import { OVERALL_LABELS, type Inspection } from '@domain/inspection-schemas.js';
import { errorText, get } from '../../../api';
import { formatDate, formatNumber } from '../../../format';
import { formatMoney, moneyVnd } from '@domain/money.js';

const THUMB = { objectFit: 'cover', borderRadius: 4 } as const;
const OVERALL_COLORS: Record<string, string> = { exceeds: 'green', on_track: 'blue', behind: 'orange', stalled: 'red' };

/** The registered criteria and their targets. */
export function CriteriaCard({ r, mobile }: { r: Registration; mobile: boolean }) {
  return (
    <Card title="Tiêu chí, chỉ tiêu" styles={{ body: { padding: mobile ? 8 : 16 } }}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={r.criteria}
        locale={{ emptyText: 'Chưa có tiêu chí' }}
        columns={[
          { title: 'STT', width: 50, render: (_: unknown, __: unknown, i: number) => i + 1 },
          { title: 'Tiêu chí', dataIndex: 'name' },
          {
            title: 'Chỉ tiêu',
            width: mobile ? 90 : 160,
            render: (_: unknown, c: Registration['criteria'][number]) =>
              c.target != null ? `${formatNumber(c.target)} ${c.unitOfMeasure ?? ''}` : c.unitOfMeasure || '—',
          },
        ]}
      />
    </Card>
  );
}

/** Every inspection: the overall judgement, the texts, the counted resources, each criterion's completion, the evidence. */
export function InspectionsCard({ id, mobile }: { id: string; mobile: boolean }) {
  const inspections = useQuery({ queryKey: ['inspections', id], queryFn: () => get<Inspection[]>(`/registrations/${id}/inspections`) });
  return (
    <Card title="Kiểm tra, đánh giá" styles={{ body: { padding: mobile ? 12 : 16 } }}>
      {inspections.error && <Alert type="error" showIcon title={errorText(inspections.error)} />}
      {inspections.data?.length === 0 && <Empty description="Chưa có lần kiểm tra nào" />}
      {(inspections.data ?? []).map((ins) => (
        <InspectionItem key={ins.id} ins={ins} />
      ))}
    </Card>
  );
}

function InspectionItem({ ins }: { ins: Inspection }) {
  const figures = [
    ins.fundsVnd != null && `Kinh phí: ${moneyVnd(ins.fundsVnd)}`,
    ins.workdays != null && `Ngày công: ${formatMoney(ins.workdays)}`,
    ins.peopleReached != null && `Số người được tác động: ${formatMoney(ins.peopleReached)}`,
  ].filter(Boolean);
  return (
    <div className="inspection">
      <div className="button-row centered gap-below-6">
        <strong>Ngày {formatDate(ins.inspectedOn)}</strong>
        <Tag color={OVERALL_COLORS[ins.overall]}>{OVERALL_LABELS[ins.overall]}</Tag>
        <span className="muted">Người kiểm tra: {ins.inspectorName}</span>
      </div>
      {ins.assessment && (
        <p className="inspection-text">
          <b>Đánh giá:</b> {ins.assessment}
        </p>
      )}
      {ins.difficulties && (
        <p className="inspection-text">
          <b>Khó khăn:</b> {ins.difficulties}
        </p>
      )}
      {ins.supportGiven && (
        <p className="inspection-text">
          <b>Hỗ trợ đã thực hiện:</b> {ins.supportGiven}
        </p>
      )}
      <div className="inspection-figures">{figures.join(' · ')}</div>
      {ins.criteria.length > 0 && (
        <ul className="plain-list">
          {ins.criteria.map((c) => (
            <li key={c.criterionId}>
              {c.name}: <b>{c.achieved != null ? achievedLabel(c.achieved, c.target, c.unitOfMeasure) : `${c.completionPct ?? '–'} %`}</b>
              {c.note ? ` — ${c.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      <Evidence files={ins.files} />
    </div>
  );
}

/** Photos as thumbnails that open the original; other files as links. */
export function Evidence({ files }: { files: { id: string; fileName: string; mime: string }[] }) {
  if (files.length === 0) return null;
  const images = files.filter((f) => f.mime.startsWith('image/'));
  const others = files.filter((f) => !f.mime.startsWith('image/'));
  return (
    <div className="gap-above-8">
      {images.length > 0 && (
        <Image.PreviewGroup>
          <div className="button-row">
            {images.map((f) => (
              <Image
                key={f.id}
                src={`/api/v1/files/${f.id}?size=thumb`}
                preview={{ src: `/api/v1/files/${f.id}` }}
                alt={f.fileName}
                width={120}
                height={90}
                style={THUMB}
              />
            ))}
          </div>
        </Image.PreviewGroup>
      )}
      {others.map((f) => (
        <div key={f.id}>
          <a href={`/api/v1/files/${f.id}`} target="_blank" rel="noreferrer">
            📄 {f.fileName}
          </a>
        </div>
      ))}
    </div>
  );
}
