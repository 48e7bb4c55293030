import { Button, Card, Tag, Timeline } from 'antd';
import { SendOutlined, TrophyOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Registration } from '@domain/movement-schemas.js';
import type { Commendation } from '@domain/commendation-schemas.js';
import { describeEvent } from '@domain/timeline.js';
import { get } from '../../../api';
import { formatDate, formatNumber } from '../../../format';
import { StateTag } from '../shared';
import type { Dialog } from './dialogs';

type CommendationT = z.infer<typeof Commendation>;

/** Commendations recorded for the model, and the buttons to record one or propose one to the level above. */
export function CommendationsCard({ r, mobile, onDialog }: { r: Registration; mobile: boolean; onDialog: (d: Dialog) => void }) {
  const commendations = useQuery({
    queryKey: ['commendations', r.id],
    queryFn: () => get<CommendationT[]>(`/registrations/${r.id}/commendations`),
  });
  const size = mobile ? 'large' : 'middle';
  const proposeOrCommend = r.state === 'recognised' || r.state === 'completed';
  return (
    <Card title="Biểu dương, khen thưởng" styles={{ body: { padding: mobile ? 12 : 16 } }}>
      {proposeOrCommend && (
        <div className="button-row gap-below-12">
          {r.actions.includes('commend') && (
            <Button size={size} icon={<TrophyOutlined />} onClick={() => onDialog('commend')}>
              Ghi nhận khen thưởng
            </Button>
          )}
          {r.actions.includes('propose') && (
            <Button size={size} icon={<SendOutlined />} onClick={() => onDialog('propose')}>
              Đề nghị cấp trên khen thưởng
            </Button>
          )}
        </div>
      )}
      {commendations.data?.length === 0 && <div className="faint">Chưa có khen thưởng.</div>}
      {(commendations.data ?? []).map((c) => (
        <div key={c.id} className="gap-below-8">
          <Tag color="gold">{c.formName}</Tag> Quyết định số {c.decisionNo} ngày {formatDate(c.decisionDate)} — {c.issuer}
          {c.note ? <div className="muted">{c.note}</div> : null}
        </div>
      ))}
    </Card>
  );
}

/** Registrations elsewhere that replicate this model; those outside the reader's view are only counted. */
export function ReplicationsCard({ r, mobile }: { r: Registration; mobile: boolean }) {
  return (
    <Card title={`Nhân rộng: ${formatNumber(r.replications.total)} mô hình`} styles={{ body: { padding: mobile ? 12 : 16 } }}>
      {r.replications.items.length === 0 ? (
        <div className="faint">
          {r.replications.total > 0 ? 'Các mô hình nhân rộng nằm ngoài phạm vi xem của bạn.' : 'Chưa có đơn vị nào nhân rộng mô hình này.'}
        </div>
      ) : (
        r.replications.items.map((x) => (
          <div key={x.id} className="gap-below-6">
            <Link to={`/mo-hinh/${x.id}`}>{x.title}</Link> — {x.unitName} <StateTag state={x.state} />
          </div>
        ))
      )}
    </Card>
  );
}

/** Who did what to the record and when (Vietnam time), as sentences, with the reasons and decisions under their labels. */
export function TimelineCard({ r, mobile }: { r: Registration; mobile: boolean }) {
  return (
    <Card title="Tiến trình xử lý" styles={{ body: { padding: mobile ? 12 : 20 } }}>
      <Timeline
        items={r.timeline.map((ev) => {
          const line = describeEvent(ev, r.kind);
          return {
            color: line.refusal ? 'red' : 'blue',
            content: (
              <div>
                <div className="timeline-sentence">{line.sentence}</div>
                {line.details.map((d) => (
                  <div key={d.label} className="timeline-reason">
                    {d.label}: {d.text}
                  </div>
                ))}
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}
