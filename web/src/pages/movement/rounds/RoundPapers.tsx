import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, List, Modal, Select } from 'antd';
import { DateField, dateRules } from '../../../components/DateField';
import { FileWordOutlined, NotificationOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Round } from '@domain/recognition-schemas.js';
import { roundDecision, type Paper, type PaperList } from '@domain/paper-schemas.js';
import type { RoundNotices } from '@domain/notice-schemas.js';
import { get, post } from '../../../api';
import { ModalTitle } from '../../../components/ModalTitle';
import { useAction } from '../../../components/useAction';
import { formatDate, formatDateTime } from '../../../format';

type Notices = z.infer<typeof RoundNotices>;

const KINDS = [
  { value: 'minutes', label: 'Biên bản họp xét công nhận' },
  { value: 'decision', label: 'Quyết định công nhận kèm danh sách' },
  { value: 'proposal', label: 'Tờ trình đề nghị khen thưởng' },
  { value: 'certificate', label: 'Giấy chứng nhận' },
  { value: 'nominees', label: 'Danh sách lấy ý kiến Nhân dân (theo lần công khai gần nhất)' },
];

/**
 * The papers of a round and its public notice, for those who decide it: the notice period and the
 * citizens' comments beside the decision, and the documents to print with their numbers. Readers
 * who do not decide the round are refused the notices, and the card stays hidden for them.
 */
export function RoundPapers({ round }: { round: Round }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [publishing, setPublishing] = useState(false);
  const [issuing, setIssuing] = useState(false);
  const notices = useQuery({
    queryKey: ['round-notices', round.id],
    queryFn: () => get<Notices>(`/recognition-rounds/${round.id}/notices`),
    retry: false,
    staleTime: 0,
  });
  const papers = useQuery({
    queryKey: ['round-papers', round.id],
    queryFn: () => get<z.infer<typeof PaperList>>(`/recognition-rounds/${round.id}/papers`),
    enabled: notices.isSuccess,
    staleTime: 0,
  });
  if (!notices.isSuccess) return null;
  const open = notices.data.items.find((n) => n.open);
  return (
    <Card title="Công khai lấy ý kiến và văn bản">
      <div className="button-row">
        {round.state === 'open' && (
          <Button icon={<NotificationOutlined />} onClick={() => setPublishing(true)}>
            Công khai danh sách lấy ý kiến
          </Button>
        )}
        <Button type="primary" icon={<FileWordOutlined />} onClick={() => setIssuing(true)}>
          Lập văn bản
        </Button>
      </div>
      {notices.data.items.length === 0 ? (
        <p className="muted">Chưa công khai danh sách đề nghị.</p>
      ) : (
        notices.data.items.map((n) => (
          <div key={n.id} style={{ marginTop: 12 }}>
            <p>
              <strong>{n.open ? 'Đang công khai' : 'Đã hết thời hạn công khai'}</strong>: từ {formatDateTime(n.opensAt)} đến{' '}
              {formatDateTime(n.closesAt)} · {n.nominees.length} hồ sơ ·{' '}
              <a href={n.url} target="_blank" rel="noreferrer">
                Trang công khai
              </a>
            </p>
            <List
              size="small"
              bordered
              header={`Ý kiến nhân dân (${n.comments.length})`}
              locale={{ emptyText: 'Chưa có ý kiến' }}
              dataSource={n.comments}
              renderItem={(c) => (
                <List.Item>
                  <div>
                    <div>
                      <strong>{c.name}</strong> · {c.contact} · <span className="muted">{formatDateTime(c.at)}</span>
                    </div>
                    <div className="wrap" style={{ whiteSpace: 'pre-wrap' }}>
                      {c.body}
                    </div>
                  </div>
                </List.Item>
              )}
            />
          </div>
        ))
      )}
      {open && <p className="muted">Nên quyết định sau khi hết thời hạn công khai ({formatDateTime(open.closesAt)}).</p>}
      <List
        style={{ marginTop: 12 }}
        size="small"
        header="Văn bản đã lập"
        locale={{ emptyText: 'Chưa lập văn bản nào' }}
        dataSource={papers.data?.items ?? []}
        renderItem={(p: Paper) => (
          <List.Item
            actions={[
              <a key="docx" href={`/api/v1/papers/${p.id}/docx`}>
                Word
              </a>,
              <a key="pdf" href={`/api/v1/papers/${p.id}/pdf`}>
                PDF
              </a>,
            ]}
          >
            {p.kindLabel}
            {p.number ? ` số ${p.number}` : ' (chưa ghi số)'}
            {p.issuedOn ? ` ngày ${formatDate(p.issuedOn)}` : ''}
            {p.verification ? ` · mã xác minh ${p.verification.code}` : ''}
          </List.Item>
        )}
      />
      {publishing && (
        <PublishModal
          round={round}
          onClose={() => setPublishing(false)}
          onDone={(next) => {
            setPublishing(false);
            queryClient.setQueryData(['round-notices', round.id], next);
            message.success('Đã công khai danh sách đề nghị.');
          }}
        />
      )}
      {issuing && (
        <IssueModal
          round={round}
          onClose={() => setIssuing(false)}
          onDone={() => {
            setIssuing(false);
            void queryClient.invalidateQueries({ queryKey: ['round-papers', round.id] });
            message.success('Đã lập văn bản.');
          }}
        />
      )}
    </Card>
  );
}

function PublishModal({ round, onClose, onDone }: { round: Round; onClose: () => void; onDone: (n: Notices) => void }) {
  const [days, setDays] = useState<number | null>(7);
  const publish = useAction((d: number, opts) => post<Notices>(`/recognition-rounds/${round.id}/notices`, { days: d }, opts), {
    onSuccess: onDone,
  });
  return (
    <Modal
      open
      title={<ModalTitle main="Công khai danh sách lấy ý kiến" sub={round.title} />}
      okText="Công khai"
      cancelText="Hủy"
      confirmLoading={publish.busy}
      onCancel={onClose}
      onOk={() => (days ? publish.run(days) : publish.setError('Vui lòng nhập số ngày công khai.'))}
    >
      {publish.error && <Alert type="error" showIcon title={publish.error} style={{ marginBottom: 12 }} />}
      <p>Các hồ sơ chưa quyết định được đăng trên trang công khai; người dân góp ý kèm họ tên và liên hệ, chỉ cán bộ xét duyệt đọc được.</p>
      <Form.Item label="Số ngày công khai">
        <InputNumber min={1} max={60} value={days} onChange={(v) => setDays(v)} />
      </Form.Item>
    </Modal>
  );
}

interface IssueValues {
  kind: string;
  registrationId?: string;
  autoNumber: boolean;
  number?: string;
  issuedOn?: { format: (f: string) => string } | null;
  place: string;
  capacity?: string;
  title?: string;
  name?: string;
}

function IssueModal({ round, onClose, onDone }: { round: Round; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<IssueValues>();
  const kind = Form.useWatch('kind', form);
  const auto = Form.useWatch('autoNumber', form);
  const issue = useAction((body: Record<string, unknown>, opts) => post<Paper>('/papers', body, opts), { onSuccess: onDone });
  const recognised = round.candidates.filter((c) => c.result === 'recognised');
  // The decision of a decided round is that decision: its number and date, never a new number.
  const decision = roundDecision(round.candidates);
  const submit = async () => {
    const v = await form.validateFields();
    const own = !(v.kind === 'decision' && decision);
    await issue.run({
      kind: v.kind,
      roundId: round.id,
      registrationId: v.kind === 'certificate' ? v.registrationId : undefined,
      autoNumber: own && v.autoNumber,
      number: own && !v.autoNumber ? v.number || undefined : undefined,
      issuedOn: own && v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : undefined,
      place: v.place,
      signer: { capacity: v.capacity || undefined, title: v.title || undefined, name: v.name || undefined },
    });
  };
  return (
    <Modal
      open
      title={<ModalTitle main="Lập văn bản" sub={round.title} />}
      okText="Lập văn bản"
      cancelText="Hủy"
      confirmLoading={issue.busy}
      onCancel={onClose}
      onOk={() => void submit()}
    >
      {issue.error && <Alert type="error" showIcon title={issue.error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'minutes', autoNumber: true, capacity: 'T/M BAN CHỈ ĐẠO', title: 'TRƯỞNG BAN' }}
      >
        <Form.Item name="kind" label="Loại văn bản" rules={[{ required: true }]}>
          <Select options={KINDS} />
        </Form.Item>
        {kind === 'certificate' && (
          <Form.Item
            name="registrationId"
            label="Mô hình, điển hình được công nhận"
            rules={[{ required: true, message: 'Vui lòng chọn hồ sơ.' }]}
          >
            <Select
              options={recognised.map((c) => ({ value: c.registration.id, label: `${c.registration.title} — ${c.registration.unitName}` }))}
            />
          </Form.Item>
        )}
        {kind === 'decision' && decision ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`Quyết định mang số ${decision.number}${decision.date ? ` ngày ${formatDate(decision.date)}` : ''} — số và ngày của quyết định đã ghi trong đợt xét.`}
          />
        ) : (
          <>
            <Form.Item name="autoNumber" valuePropName="checked">
              <Checkbox>Hệ thống tự cấp số (theo đơn vị, năm và loại văn bản)</Checkbox>
            </Form.Item>
            {!auto && (
              <Form.Item name="number" label="Số văn bản (để trống để ghi tay)">
                <Input maxLength={60} />
              </Form.Item>
            )}
            <Form.Item name="issuedOn" label="Ngày văn bản (để trống để ghi tay)" rules={dateRules()}>
              <DateField />
            </Form.Item>
          </>
        )}
        <Form.Item name="place" label="Địa danh" rules={[{ required: true, message: 'Vui lòng nhập địa danh.' }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="capacity" label="Thẩm quyền ký">
          <Input.TextArea autoSize maxLength={200} />
        </Form.Item>
        <Form.Item name="title" label="Chức vụ người ký">
          <Input.TextArea autoSize maxLength={200} />
        </Form.Item>
        <Form.Item name="name" label="Họ tên người ký">
          <Input maxLength={120} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
