import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Modal, Radio, Select, Table, Tag } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { Candidate, CandidateAction, Round, RoundList as RoundListSchema } from '@domain/recognition-schemas.js';
import { MARK_LABELS, VOTE_LABELS } from '@domain/recognition-schemas.js';
import type { RegistrationList } from '@domain/movement-schemas.js';
import { errorText, get, post, api } from '../../api';
import { ModalTitle } from '../../components/ModalTitle';
import { UnitPicker } from '../../components/UnitPicker';
import { formatDate, formatDateTime } from '../../format';
import { useSession } from '../../session';
import { useIsMobile } from '../../useIsMobile';
import { LEVEL_OPTIONS, StateTag, levelLabel } from './shared';
import { useFormSubmit } from '../../components/useFormSubmit';

type RoundItem = z.infer<typeof RoundListSchema>['items'][number];
type ListItem = z.infer<typeof RegistrationList>['items'][number];
type Mark = keyof typeof MARK_LABELS;
type VoteT = keyof typeof VOTE_LABELS;

export default function RoundsPage() {
  const { id } = useParams();
  return id ? <RoundDetail id={id} /> : <RoundList />;
}

function RoundList() {
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const me = useSession();
  const [opening, setOpening] = useState(false);
  const rounds = useQuery({ queryKey: ['rounds'], queryFn: () => get<{ items: RoundItem[]; total: number }>('/recognition-rounds') });
  const mayOpen = me.user.role === 'officer' || me.user.role === 'admin';
  return (
    <Card
      title={<h2 style={{ fontSize: 20, margin: '10px 0', whiteSpace: 'normal' }}>Xét công nhận</h2>}
      extra={
        mayOpen && !mobile ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
            Mở đợt xét công nhận
          </Button>
        ) : null
      }
      styles={{ body: { padding: mobile ? 12 : 20 } }}
    >
      {mayOpen && mobile && (
        <Button type="primary" size="large" block icon={<PlusOutlined />} onClick={() => setOpening(true)} style={{ marginBottom: 12 }}>
          Mở đợt xét công nhận
        </Button>
      )}
      {rounds.error && <Alert type="error" showIcon title={errorText(rounds.error)} />}
      <Table<RoundItem>
        rowKey="id"
        size={mobile ? 'small' : 'middle'}
        loading={rounds.isFetching}
        dataSource={rounds.data?.items ?? []}
        locale={{ emptyText: 'Chưa có đợt xét công nhận nào' }}
        pagination={false}
        onRow={(r) => ({ onClick: () => navigate(`/xet-cong-nhan/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: 'Đợt xét',
            dataIndex: 'title',
            render: (t: string, r) => (
              <div>
                <a style={{ fontWeight: 500 }}>{t}</a>
                <div style={{ color: '#8c8c8c', fontSize: 13 }}>
                  {r.unit.name} · mở ngày {formatDate(r.openedAt)}
                  {mobile ? ` · ${r.candidateCount} hồ sơ` : ''}
                </div>
              </div>
            ),
          },
          ...(mobile ? [] : [{ title: 'Số hồ sơ', dataIndex: 'candidateCount', width: 100 }]),
          { title: 'Trạng thái', dataIndex: 'state', width: mobile ? 90 : 130, render: (s: string) => (s === 'open' ? <Tag color="green">Đang xét</Tag> : <Tag>Đã kết thúc</Tag>) },
        ]}
      />
      {opening && <OpenRoundModal onClose={() => setOpening(false)} onOpened={(r) => navigate(`/xet-cong-nhan/${r.id}`)} />}
    </Card>
  );
}

function OpenRoundModal({ onClose, onOpened }: { onClose: () => void; onOpened: (r: Round) => void }) {
  const me = useSession();
  const [form] = Form.useForm<{ unitId: string; title: string }>();
  const scope = me.user.entryScope ?? me.user.viewScope;
  const { submit: ok, busy, error } = useFormSubmit(form, async (v) => {
    onOpened(await post<Round>('/recognition-rounds', { unitId: v.unitId, title: v.title.trim() }));
  });
  return (
    <Modal open title={<ModalTitle main="Mở đợt xét công nhận" />} okText="Mở đợt xét" cancelText="Hủy" onOk={ok} confirmLoading={busy} onCancel={onClose} maskClosable={false}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark="optional" name="round-form" initialValues={{ unitId: scope?.id, title: `Xét công nhận mô hình, điển hình “Dân vận khéo” năm ${new Date().getFullYear()}` }}>
        <Form.Item label="Cấp xét (Ban Chỉ đạo)" name="unitId" rules={[{ required: true, message: 'Vui lòng chọn đơn vị' }]}>
          <UnitPicker initialLabel={scope?.name} />
        </Form.Item>
        <Form.Item label="Tên đợt xét" name="title" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đợt xét' }, { max: 300 }]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RoundDetail({ id }: { id: string }) {
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

  if (round.error) return <Alert type="error" showIcon title={errorText(round.error, 'Không tải được đợt xét.')} />;
  if (!round.data) return <Card loading />;
  const r = round.data;
  const size = mobile ? 'large' : 'middle';

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 1100 }}>
      <div>
        <Button size={size} icon={<ArrowLeftOutlined />} onClick={() => navigate('/xet-cong-nhan')}>
          Về danh sách đợt xét
        </Button>
      </div>
      <Card
        styles={{ body: { padding: mobile ? 12 : 20 } }}
        title={
          <div style={{ whiteSpace: 'normal', lineHeight: 1.35, padding: '10px 0' }}>
            <div style={{ fontSize: 14, fontWeight: 400, color: '#595959' }}>{r.unit.name}</div>
            <h2 style={{ fontSize: 20, margin: '2px 8px 4px 0', display: 'inline' }}>{r.title}</h2>
            {r.state === 'open' ? <Tag color="green">Đang xét</Tag> : <Tag>Đã kết thúc</Tag>}
          </div>
        }
      >
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
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
                  onOk: async () => {
                    try {
                      set(await post<Round>(`/recognition-rounds/${r.id}/close`));
                      message.success('Đã kết thúc đợt xét.');
                    } catch (e) {
                      modal.error({ title: 'Chưa thực hiện được', content: errorText(e) });
                    }
                  },
                })
              }
            >
              Kết thúc đợt xét
            </Button>
          )}
          <span style={{ color: '#595959', alignSelf: 'center' }}>Mở ngày {formatDate(r.openedAt)} · {r.candidates.length} hồ sơ</span>
        </div>
      </Card>
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
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const list = useQuery({ queryKey: ['registrations', 'accepted-for-round'], queryFn: () => get<{ items: ListItem[] }>('/registrations?state=accepted&pageSize=200') });
  const inRound = new Set(round.candidates.map((c) => c.registration.id));
  async function ok() {
    if (!picked) return setError('Vui lòng chọn hồ sơ.');
    setBusy(true);
    setError(null);
    try {
      onAdded(await post<Round>(`/recognition-rounds/${round.id}/candidates`, { registrationId: picked }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal open title={<ModalTitle main="Đưa hồ sơ vào xét" sub={round.title} />} okText="Đưa vào xét" cancelText="Hủy" onOk={ok} confirmLoading={busy} onCancel={onClose}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <p>Chỉ các mô hình, điển hình đã được chấp thuận và đang thực hiện.</p>
      <Select
        aria-label="Hồ sơ"
        style={{ width: '100%' }}
        loading={list.isPending}
        value={picked ?? undefined}
        onChange={setPicked}
        showSearch={{ optionFilterProp: 'label' }}
        placeholder="Chọn hồ sơ"
        options={(list.data?.items ?? []).filter((x) => !inRound.has(x.id)).map((x) => ({ value: x.id, label: `${x.title} — ${x.unit.name} (${x.year})` }))}
        optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
        notFoundContent="Không có hồ sơ đang thực hiện"
      />
    </Modal>
  );
}

function CandidateCard({ round, c, onChanged }: { round: Round; c: Candidate; onChanged: (r: Round) => void }) {
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const me = useSession();
  const [marks, setMarks] = useState<Record<string, Mark | null>>(() => Object.fromEntries(c.checklist.map((i) => [i.criterionId, i.mark])));
  const [busy, setBusy] = useState<string | null>(null);
  const [deciding, setDeciding] = useState(false);
  const can = (a: CandidateAction) => c.actions.includes(a);
  const base = `/recognition-rounds/${round.id}/candidates/${c.registration.id}`;
  const size = mobile ? 'large' : 'middle';
  const myVote = c.votes.find((v) => v.voterName === me.user.fullName)?.vote;

  async function act(key: string, fn: () => Promise<Round>, done: string) {
    setBusy(key);
    try {
      onChanged(await fn());
      message.success(done);
    } catch (e) {
      modal.error({ title: 'Chưa thực hiện được', content: errorText(e) });
    } finally {
      setBusy(null);
    }
  }

  const allMarked = c.checklist.every((i) => marks[i.criterionId]);
  const dirty = c.checklist.some((i) => marks[i.criterionId] !== i.mark);

  return (
    <Card
      styles={{ body: { padding: mobile ? 12 : 20 } }}
      title={
        <div style={{ whiteSpace: 'normal', lineHeight: 1.35, padding: '8px 0' }}>
          <a onClick={() => navigate(`/mo-hinh/${c.registration.id}`)} style={{ fontSize: 17 }}>
            {c.registration.title}
          </a>
          <div style={{ fontSize: 14, fontWeight: 400, color: '#595959' }}>
            {c.registration.unitName}
            {c.registration.personName ? ` · ${c.registration.personName}` : ''}
          </div>
        </div>
      }
      extra={mobile ? null : <StateTag state={c.registration.state} />}
    >
      {mobile && (
        <div style={{ marginBottom: 8 }}>
          <StateTag state={c.registration.state} />
        </div>
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
      <h4 style={{ margin: '0 0 8px' }}>1. Đánh giá theo tiêu chí</h4>
      {c.checklist.length === 0 && <div style={{ color: '#8c8c8c' }}>Hồ sơ không có tiêu chí.</div>}
      {c.checklist.map((i, n) => (
        <div key={i.criterionId} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', borderBottom: '1px solid #f0f0f0', padding: '6px 0' }}>
          <span style={{ flex: '1 1 260px' }}>
            {n + 1}. {i.name}
          </span>
          {can('check') ? (
            <Radio.Group
              aria-label={`Đánh giá tiêu chí ${n + 1}`}
              value={marks[i.criterionId] ?? undefined}
              onChange={(e) => setMarks((m) => ({ ...m, [i.criterionId]: e.target.value as Mark }))}
              options={Object.entries(MARK_LABELS).map(([value, label]) => ({ value, label }))}
            />
          ) : (
            <Tag color={i.mark === 'met' ? 'green' : i.mark === 'not_met' ? 'red' : 'default'}>{i.mark ? MARK_LABELS[i.mark] : 'Chưa đánh giá'}</Tag>
          )}
        </div>
      ))}
      {can('check') && c.checklist.length > 0 && (
        <Button
          size={size}
          style={{ marginTop: 8 }}
          disabled={!allMarked || !dirty}
          loading={busy === 'check'}
          onClick={() =>
            void act(
              'check',
              () => api<Round>('PUT', `${base}/checklist`, { items: c.checklist.map((i) => ({ criterionId: i.criterionId, mark: marks[i.criterionId] })) }),
              'Đã lưu đánh giá tiêu chí.',
            )
          }
        >
          Lưu đánh giá tiêu chí
        </Button>
      )}

      <h4 style={{ margin: '16px 0 8px' }}>2. Xác nhận của tập thể nơi hoạt động</h4>
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
          loading={busy === 'ack'}
          onClick={() => void act('ack', () => post<Round>(`${base}/acknowledge`, { note: null }), 'Đã xác nhận.')}
        >
          Xác nhận mô hình hoạt động đúng thực tế
        </Button>
      ) : (
        <Tag>Chưa xác nhận</Tag>
      )}

      <h4 style={{ margin: '16px 0 8px' }}>3. Biểu quyết công khai</h4>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 8 }}>
        <Tag color="green">Tán thành: {c.tally.for}</Tag>
        <Tag color="red">Không tán thành: {c.tally.against}</Tag>
        <Tag>Không biểu quyết: {c.tally.abstain}</Tag>
      </div>
      {c.votes.length > 0 && (
        <ul style={{ margin: '0 0 8px', paddingInlineStart: 20, color: '#595959' }}>
          {c.votes.map((v) => (
            <li key={v.voterName}>
              {v.voterName}: <b>{VOTE_LABELS[v.vote]}</b> ({formatDateTime(v.at)})
            </li>
          ))}
        </ul>
      )}
      {can('vote') && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {(Object.keys(VOTE_LABELS) as VoteT[]).map((v) => (
            <Button
              key={v}
              size={size}
              type={myVote === v ? 'primary' : 'default'}
              danger={v === 'against'}
              loading={busy === `vote-${v}`}
              onClick={() => void act(`vote-${v}`, () => post<Round>(`${base}/vote`, { vote: v }), `Đã ghi phiếu: ${VOTE_LABELS[v]}.`)}
            >
              {VOTE_LABELS[v]}
            </Button>
          ))}
        </div>
      )}

      {can('decide') && (
        <>
          <h4 style={{ margin: '16px 0 8px' }}>4. Quyết định</h4>
          <Button size={size} type="primary" onClick={() => setDeciding(true)}>
            Ra quyết định công nhận
          </Button>
        </>
      )}
      {deciding && (
        <DecideModal
          c={c}
          onClose={() => setDeciding(false)}
          onDecide={async (body) => {
            const next = await post<Round>(`${base}/decide`, body);
            setDeciding(false);
            onChanged(next);
            message.success('Đã ghi quyết định.');
          }}
        />
      )}
    </Card>
  );
}

interface DecideValues {
  result: 'recognised' | 'not_recognised';
  level?: string;
  decisionNo?: string;
  decisionDate?: Dayjs;
  issuer?: string;
  reasons?: string;
}

function DecideModal({ c, onClose, onDecide }: { c: Candidate; onClose: () => void; onDecide: (body: unknown) => Promise<void> }) {
  const mobile = useIsMobile();
  const [form] = Form.useForm<DecideValues>();
  const result = Form.useWatch('result', form);
  const { submit: ok, busy, error } = useFormSubmit(form, async (v) => {
    await onDecide(
      v.result === 'recognised'
        ? { result: v.result, level: v.level, decisionNo: v.decisionNo?.trim(), decisionDate: v.decisionDate?.format('YYYY-MM-DD'), issuer: v.issuer?.trim() }
        : { result: v.result, reasons: v.reasons?.trim() },
    );
  });
  return (
    <Modal open title={<ModalTitle main="Quyết định công nhận" sub={c.registration.title} />} okText="Ghi quyết định" cancelText="Hủy" onOk={ok} confirmLoading={busy} onCancel={onClose} maskClosable={false}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Descriptions size="small" column={1} style={{ marginBottom: 8 }}>
        <Descriptions.Item label="Biểu quyết">
          Tán thành {c.tally.for} · Không tán thành {c.tally.against} · Không biểu quyết {c.tally.abstain}
        </Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" requiredMark="optional" name="decide-form" initialValues={{ result: 'recognised', level: 'province' }}>
        <Form.Item name="result" label="Kết quả">
          <Radio.Group options={[{ value: 'recognised', label: 'Công nhận' }, { value: 'not_recognised', label: 'Không công nhận' }]} />
        </Form.Item>
        {result !== 'not_recognised' ? (
          <>
            <Form.Item label="Cấp công nhận" name="level" rules={[{ required: true, message: 'Vui lòng chọn cấp' }]}>
              <Select options={LEVEL_OPTIONS} />
            </Form.Item>
            <Form.Item label="Số quyết định" name="decisionNo" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập số quyết định' }, { max: 60 }]}>
              <Input placeholder="Ví dụ: 125-QĐ/BCĐ" />
            </Form.Item>
            <Form.Item label="Ngày quyết định" name="decisionDate" rules={[{ required: true, message: 'Vui lòng chọn ngày' }]}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} inputReadOnly={mobile} />
            </Form.Item>
            <Form.Item label="Cơ quan ban hành" name="issuer" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập cơ quan ban hành' }, { max: 200 }]}>
              <Input placeholder="Ví dụ: Ban Chỉ đạo phong trào “Dân vận khéo” tỉnh" />
            </Form.Item>
          </>
        ) : (
          <Form.Item label="Lý do không công nhận" name="reasons" rules={[{ required: true, whitespace: true, message: 'Vui lòng nêu lý do' }, { min: 5, message: 'Cần ít nhất 5 ký tự' }, { max: 3000 }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
