import { useState } from 'react';
import { Alert, App, Button, Card } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Registration } from '@domain/movement-schemas.js';
import { errorText, get, patch, post } from '../../../api';
import { useAction } from '../../../components/useAction';
import { useIsMobile } from '../../../useIsMobile';
import { PublicationCard } from '../PublicationCard';
import { ReasonBanner } from '../LastReason';
import { Dialogs, type Dialog } from './dialogs';
import { EarlierWarning, earlierOpen } from './EarlierWarning';
import { CommendationsCard, ReplicationsCard, TimelineCard } from './HistoryCards';
import { CriteriaCard, InspectionsCard } from './ProgressCards';
import { RecordCard } from './RecordCard';
import { Attachments } from '../../../components/Attachments';

/** One registration (`/mo-hinh/:id`): its content, what the user may do with it, its progress and history. */
export default function RegistrationDetailPage() {
  const { id } = useParams() as { id: string };
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const reg = useQuery({ queryKey: ['registration', id], queryFn: () => get<Registration>(`/registrations/${id}`) });

  const changed = async (next?: Registration) => {
    if (next) queryClient.setQueryData(['registration', id], next);
    await queryClient.invalidateQueries({ queryKey: ['registrations'] });
    await queryClient.invalidateQueries({ queryKey: ['registration', id] });
  };
  const reload = () => void reg.refetch();
  const onDone = (done: string) => async (next: Registration) => {
    message.success(done);
    await changed(next);
  };
  // Submit, withdraw and complete take no dialog of their own; they share the head card's spinner.
  const step = useAction(
    ({ action, version }: { action: 'submit' | 'complete' | 'withdraw'; version: number }, opts) =>
      post<Registration>(`/registrations/${id}/${action}`, { version }, opts),
    { onStale: reload, showError: 'modal' },
  );
  const consolidate = useAction(
    ({ originId, version }: { originId: string; version: number }, opts) =>
      patch<Registration>(`/registrations/${id}`, { version, origin: 'consolidation', originId }, opts),
    { onStale: reload, showError: 'modal', onSuccess: onDone('Đã chuyển thành đăng ký củng cố mô hình cũ.') },
  );

  if (reg.error) return <Alert type="error" showIcon title={errorText(reg.error, 'Không tải được hồ sơ.')} />;
  if (!reg.data) return <Card loading />;
  const r = reg.data;

  return (
    <div className="page-stack">
      <div>
        <Button size={mobile ? 'large' : 'middle'} icon={<ArrowLeftOutlined />} onClick={() => navigate('/mo-hinh')}>
          Về danh sách
        </Button>
      </div>
      {r.lastReason && <ReasonBanner reason={r.lastReason} kind={r.kind} />}
      {earlierOpen(r) && (
        <EarlierWarning
          r={r}
          onConsolidate={r.actions.includes('update') ? (originId) => void consolidate.run({ originId, version: r.version }) : undefined}
        />
      )}
      <RecordCard
        r={r}
        mobile={mobile}
        busy={step.busy}
        onDialog={setDialog}
        onStep={async (action, done) => {
          const next = await step.run({ action, version: r.version });
          if (next) await onDone(done)(next);
        }}
      />
      <CriteriaCard r={r} mobile={mobile} />
      <InspectionsCard id={id} mobile={mobile} />
      <Attachments kind="registration" recordId={r.id} />
      <CommendationsCard r={r} mobile={mobile} onDialog={setDialog} />
      <PublicationCard r={r} size={mobile ? 'large' : 'middle'} mobile={mobile} onChanged={reload} />
      <ReplicationsCard r={r} mobile={mobile} />
      <TimelineCard r={r} mobile={mobile} />
      <Dialogs dialog={dialog} r={r} onClose={() => setDialog(null)} onChanged={changed} onStale={reload} />
    </div>
  );
}
