import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Pagination, Segmented, Tag } from 'antd';
import { Link } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { PROPOSAL_STATE_LABELS, type Proposal } from '@domain/commendation-schemas.js';
import { errorText, get, post, qs } from '../../api';
import { GuideLink } from '../../components/GuideLink';
import { GUIDE_ANCHORS } from '../guide/guide-content';
import { ModalTitle } from '../../components/ModalTitle';
import { formatDate } from '../../format';
import { useIsMobile } from '../../useIsMobile';
import { PROPOSAL_SORTS, type SortValue } from '@domain/list-sort.js';
import { SortSelect } from '../../components/ListSort';
import { useListParams } from '../../components/useListParams';
import { XlsxButton } from '../../components/XlsxButton';
import { Attachments } from '../../components/Attachments';
import { CommendationFields, commendationBody, type CommendationValues } from './CommendationModals';
import { useFormSubmit } from '../../components/useFormSubmit';

type P = z.infer<typeof Proposal>;
const PAGE_SIZE = 20;
const STATE_TAG: Record<string, { color: string; label: string }> = {
  pending: { color: 'gold', label: PROPOSAL_STATE_LABELS.pending },
  accepted: { color: 'green', label: PROPOSAL_STATE_LABELS.accepted },
  declined: { color: 'red', label: PROPOSAL_STATE_LABELS.declined },
};

const VIEWS = ['incoming', 'done', 'outgoing'] as const;
const SORT_OPTIONS: { value: SortValue<(typeof PROPOSAL_SORTS)[number]>; label: string }[] = [
  { value: '-date', label: 'Mới gửi trước' },
  { value: 'date', label: 'Gửi trước hiện trước' },
  { value: 'title', label: 'Tên A → Z' },
  { value: 'unit', label: 'Đơn vị A → Z' },
  { value: 'state', label: 'Trạng thái' },
];

export default function ProposalsPage() {
  const mobile = useIsMobile();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  // The tab, the page and the order live in the address (reload, back, a shared link).
  const list$ = useListParams({ shape: { view: z.enum(VIEWS) }, filters: ['view'], sorts: PROPOSAL_SORTS, defaultSort: '-date' });
  const { page, setPage, sort } = list$;
  const view = (list$.values.view ?? 'incoming') as (typeof VIEWS)[number];
  const [deciding, setDeciding] = useState<{ p: P; accept: boolean } | null>(null);
  const query =
    view === 'incoming'
      ? { queue: 'incoming', state: 'pending' }
      : view === 'outgoing'
        ? { queue: 'outgoing' }
        : { queue: 'incoming', state: 'decided' };
  const list = useQuery({
    queryKey: ['proposals', view, page, sort],
    queryFn: () =>
      get<{ items: P[]; total: number }>(
        `/proposals${qs({ ...query, page, pageSize: PAGE_SIZE, sort: sort === '-date' ? undefined : sort })}`,
      ),
    placeholderData: (previous) => previous,
  });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  // deciding the last proposal of the last page empties it: step back to the page that still has some
  useEffect(() => {
    if (list.data && !list.data.items.length && page > 1)
      list$.update({ page: Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) }, { replace: true });
  }, [list.data, page, list$]);

  return (
    <Card
      title={<h2 style={{ fontSize: 20, margin: '10px 0', whiteSpace: 'normal' }}>Đề nghị khen thưởng</h2>}
      styles={{ body: { padding: mobile ? 12 : 20 } }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', marginBottom: 12 }}>
        <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
          <Segmented
            value={view}
            onChange={(v) => list$.update({ view: v === 'incoming' ? null : v })}
            options={[
              { value: 'incoming', label: 'Chờ xem xét' },
              { value: 'done', label: 'Đã xử lý' },
              { value: 'outgoing', label: 'Đơn vị đã gửi' },
            ]}
          />
        </div>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
          <div style={{ minWidth: 220 }}>
            <SortSelect value={sort} onChange={list$.setSort} options={SORT_OPTIONS} />
          </div>
          {items.length > 0 && <XlsxButton path="/proposals/xlsx" params={query} />}
        </div>
      </div>
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} />}
      {list.isFetching && !list.data && <Card loading />}
      {total > PAGE_SIZE && <div style={{ color: '#595959', marginBottom: 8 }}>{total.toLocaleString('vi-VN')} đề nghị</div>}
      {list.data && items.length === 0 && (
        <Empty
          description={
            <>
              {view === 'incoming' ? 'Không có đề nghị nào chờ xem xét' : 'Không có đề nghị nào'} –{' '}
              <GuideLink anchor={GUIDE_ANCHORS.commend}>xem hướng dẫn khen thưởng</GuideLink>
            </>
          }
        />
      )}
      {items.map((p) => (
        <Card key={p.id} size="small" style={{ marginBottom: 10 }} styles={{ body: { padding: mobile ? 10 : 14 } }}>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 4 }}>
            <Link to={`/mo-hinh/${p.registration.id}`} style={{ fontWeight: 600, fontSize: 16 }}>
              {p.registration.title}
            </Link>
            <Tag color={STATE_TAG[p.state]?.color}>{STATE_TAG[p.state]?.label}</Tag>
          </div>
          <div style={{ color: '#595959', fontSize: 14 }}>
            {p.registration.unitName} · Đề nghị: <b>{p.formName}</b>
          </div>
          <div style={{ color: '#595959', fontSize: 14 }}>
            Từ {p.fromUnit.name} gửi {p.toUnit.name}, ngày {formatDate(p.proposedAt)}
          </div>
          <div style={{ margin: '6px 0', whiteSpace: 'pre-line' }}>{p.reason}</div>
          {p.decisionNote && <div style={{ background: '#fafafa', padding: '4px 8px', borderRadius: 4 }}>Ý kiến: {p.decisionNote}</div>}
          <ProposalFiles id={p.id} />
          {p.actions.includes('accept') && (
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginTop: 8 }}>
              <Button type="primary" size={mobile ? 'large' : 'middle'} onClick={() => setDeciding({ p, accept: true })}>
                Chấp nhận, khen thưởng
              </Button>
              <Button danger size={mobile ? 'large' : 'middle'} onClick={() => setDeciding({ p, accept: false })}>
                Từ chối
              </Button>
            </div>
          )}
        </Card>
      ))}
      {total > PAGE_SIZE && (
        <Pagination
          simple={mobile}
          align="center"
          current={page}
          pageSize={PAGE_SIZE}
          total={total}
          showSizeChanger={false}
          onChange={(n) => {
            setPage(n);
            window.scrollTo({ top: 0 });
          }}
        />
      )}
      {deciding && (
        <DecideProposalModal
          p={deciding.p}
          accept={deciding.accept}
          onClose={() => setDeciding(null)}
          onDone={async () => {
            setDeciding(null);
            message.success(deciding.accept ? 'Đã chấp nhận đề nghị và ghi nhận khen thưởng.' : 'Đã từ chối đề nghị.');
            await queryClient.invalidateQueries({ queryKey: ['proposals'] });
          }}
        />
      )}
    </Card>
  );
}

function DecideProposalModal({ p, accept, onClose, onDone }: { p: P; accept: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<CommendationValues & { decisionNote?: string }>();
  const {
    submit: ok,
    busy,
    error,
  } = useFormSubmit(
    form,
    (v, opts) =>
      post(
        `/proposals/${p.id}/decide`,
        {
          version: p.version,
          accept,
          note: v.decisionNote?.trim() || null,
          commendation: accept ? commendationBody({ ...v, note: undefined }) : null,
        },
        opts,
      ),
    { onSuccess: onDone },
  );
  return (
    <Modal
      open
      title={<ModalTitle main={accept ? `Chấp nhận: ${p.formName}` : 'Từ chối đề nghị'} sub={p.registration.title} />}
      okText={accept ? 'Chấp nhận' : 'Từ chối'}
      okButtonProps={{ danger: !accept }}
      cancelText="Hủy"
      onOk={ok}
      confirmLoading={busy}
      onCancel={onClose}
      maskClosable={false}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark="optional" name="decide-proposal">
        {accept && <CommendationFields withForm={false} />}
        {!accept && (
          <Form.Item
            label="Lý do từ chối"
            name="decisionNote"
            rules={[
              { required: true, whitespace: true, message: 'Vui lòng nêu lý do' },
              { min: 5, message: 'Cần ít nhất 5 ký tự' },
              { max: 2000 },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The proposal's papers (submission and others), read when opened. */
function ProposalFiles({ id }: { id: string }) {
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(true)}>
        Tệp đính kèm
      </Button>
    );
  return <Attachments kind="proposal" recordId={id} />;
}
