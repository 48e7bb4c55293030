import { Alert, Button, Tag } from 'antd';
import { Link } from 'react-router';
import type { Registration } from '@domain/movement-schemas.js';
import { REGISTRATION_STATE_LABELS, type RegistrationState } from '@domain/workflow.js';
import { STATE_COLORS } from '../shared';

/** Earlier models with a close title: the appraiser sees whether the registrant was warned, and may switch to consolidation. */
export function EarlierWarning({ r, onConsolidate }: { r: Registration; onConsolidate?: (originId: string) => void }) {
  return (
    <Alert
      type="warning"
      showIcon
      title={<strong>Có mô hình tên gần giống đã đăng ký gần đây – có thể là đăng ký lặp lại</strong>}
      description={
        <div>
          <div className="gap-below-6">Nếu đây là tiếp tục mô hình cũ, hãy đăng ký theo hình thức “củng cố” thay vì đăng ký mới.</div>
          {r.earlier.map((e) => (
            <div key={e.id} className="button-row centered gap-below-6">
              <Link to={`/mo-hinh/${e.id}`}>
                {e.title} ({e.year}) — {e.unitName}
              </Link>
              <Tag color={STATE_COLORS[e.state as RegistrationState]}>{REGISTRATION_STATE_LABELS[e.state as RegistrationState]}</Tag>
              <span className="muted">giống {Math.round(e.similarity * 100)}%</span>
              <Tag color={e.seenByRegistrant ? 'default' : 'orange'}>
                {e.seenByRegistrant ? 'Người đăng ký đã được nhắc' : 'Người đăng ký chưa được nhắc'}
              </Tag>
              {onConsolidate && (
                <Button size="small" onClick={() => onConsolidate(e.id)}>
                  Chuyển thành “củng cố” mô hình này
                </Button>
              )}
            </div>
          ))}
        </div>
      }
    />
  );
}

/** Whether the warning still applies: not once the registration consolidates one of them. */
export const earlierOpen = (r: Registration) =>
  r.earlier.length > 0 && !(r.origin === 'consolidation' && r.earlier.some((e) => e.id === r.originRef?.id));
