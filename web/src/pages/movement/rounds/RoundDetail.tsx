import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Modal, Select } from 'antd';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Round } from '@domain/recognition-schemas.js';
import type { RegistrationList } from '@domain/movement-schemas.js';
import { errorText, get, post } from '../../../api';
import { ModalTitle } from '../../../components/ModalTitle';
import { useAction } from '../../../components/useAction';
import { formatDate } from '../../../format';
import { useIsMobile } from '../../../useIsMobile';
import { CandidateCard } from './CandidateCard';
import { Attachments } from '../../../components/Attachments';
import { PrintButton } from '../../../components/PrintButton';
import { RoundPapers } from './RoundPapers';
import { RoundStateTag } from './RoundStateTag';

type ListItem = z.infer<typeof RegistrationList>['items'][number];

/** One round: its head (add a candidate, close the round) and a card per candidate. */
export function RoundDetail({ id }: { id: string }) {
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [adding, setAdding] = useState(false);
  const round = useQuery({ queryKey: ['round', id], queryFn: () => get<Round>(`/recognition-rounds/${id}`) });
  const set = (r: Round) => {
    queryClient.setQueryData(['round', id], r);
    void queryClient.invalidateQueries({ queryKey: ['rounds'] });
    void queryClient.invalidateQueries({ queryKey: ['registrations'] });
  };
  const close = useAction((_: void, opts) => post<Round>(`/recognition-rounds/${id}/close`, {}, opts), {
    showError: 'modal',
    onSuccess: (next) => {
      set(next);
      message.success('Đã kết thúc đợt xét.');
    },
  });

  if (round.error) return <Alert type="error" showIcon title={errorText(round.error, 'Không tải được đợt xét.')} />;
  if (!round.data) return <Card loading />;
  const r = round.data;
  const size = mobile ? 'large' : 'middle';

  return (
    <div className="page-stack">
      <div>
        <Button size={size} icon={<ArrowLeftOutlined />} onClick={() => navigate('/xet-cong-nhan')}>
          Về danh sách đợt xét
        </Button>
      </div>
      <Card
        styles={{ body: { padding: mobile ? 12 : 20 } }}
        title={
          <div className="record-head">
            <div className="record-head-sub">{r.unit.name}</div>
            <h2 className="record-head-title">{r.title}</h2>
            <RoundStateTag state={r.state} />
          </div>
        }
      >
        <div className="button-row">
          {r.actions.includes('add_candidate') && (
            <Button size={size} type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              Đưa hồ sơ vào xét
            </Button>
          )}
          {r.actions.includes('close') && (
            <Button
              size={size}
              onClick={() =>
                modal.confirm({
                  title: 'Kết thúc đợt xét?',
                  content: 'Sau khi kết thúc, không thể đưa thêm hồ sơ hay biểu quyết.',
                  okText: 'Kết thúc đợt xét',
                  cancelText: 'Hủy',
                  onOk: () => close.run(),
                })
              }
            >
              Kết thúc đợt xét
            </Button>
          )}
          <PrintButton size={size} />
          <span className="muted self-center">
            Mở ngày {formatDate(r.openedAt)} · {r.candidates.length} hồ sơ
          </span>
        </div>
      </Card>
      <Attachments kind="round" recordId={r.id} />
      <RoundPapers round={r} />
      {r.candidates.length === 0 && (
        <Card>
          <Empty description="Chưa có hồ sơ nào trong đợt xét" />
        </Card>
      )}
      {r.candidates.map((c) => (
        <CandidateCard key={c.registration.id} round={r} c={c} onChanged={set} />
      ))}
      {adding && (
        <AddCandidateModal
          round={r}
          onClose={() => setAdding(false)}
          onAdded={(next) => {
            setAdding(false);
            set(next);
            message.success('Đã đưa hồ sơ vào xét.');
          }}
        />
      )}
    </div>
  );
}

function AddCandidateModal({ round, onClose, onAdded }: { round: Round; onClose: () => void; onAdded: (r: Round) => void }) {
  const [picked, setPicked] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['registrations', 'accepted-for-round'],
    queryFn: () => get<{ items: ListItem[] }>('/registrations?state=accepted&pageSize=200'),
  });
  const add = useAction(
    (registrationId: string, opts) => post<Round>(`/recognition-rounds/${round.id}/candidates`, { registrationId }, opts),
    { onSuccess: onAdded },
  );
  const inRound = new Set(round.candidates.map((c) => c.registration.id));
  const ok = () => (picked ? add.run(picked) : add.setError('Vui lòng chọn hồ sơ.'));
  return (
    <Modal
      open
      title={<ModalTitle main="Đưa hồ sơ vào xét" sub={round.title} />}
      okText="Đưa vào xét"
      cancelText="Hủy"
      onOk={ok}
      confirmLoading={add.busy}
      onCancel={onClose}
    >
      {add.error && <Alert type="error" showIcon title={add.error} style={{ marginBottom: 12 }} />}
      <p>Chỉ các mô hình, điển hình đã được chấp thuận và đang thực hiện.</p>
      <Select
        aria-label="Hồ sơ"
        style={{ width: '100%' }}
        loading={list.isPending}
        value={picked ?? undefined}
        onChange={setPicked}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="Chọn hồ sơ"
        options={(list.data?.items ?? [])
          .filter((x) => !inRound.has(x.id))
          .map((x) => ({ value: x.id, label: `${x.title} — ${x.unit.name} (${x.year})` }))}
        optionRender={(o) => <span className="wrap">{o.label}</span>}
        notFoundContent="Không có hồ sơ đang thực hiện"
      />
    </Modal>
  );
}
