import { useState } from 'react';
import { Alert, Button, Card, Col, InputNumber, Row, Select, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Campaign, RegistrationList } from '@domain/movement-schemas.js';
import type { BulkAction, BulkResult } from '@domain/bulk-schemas.js';
import { can, type RegistrationQueue } from '@domain/policy.js';
import { REGISTRATION_STATES, REGISTRATION_STATE_LABELS, type RegistrationState } from '@domain/workflow.js';
import { ExportButton } from '../../components/ExportButton';
import { PrintButton, PrintHeading } from '../../components/PrintButton';
import { errorText, get, qs } from '../../api';
import { UnitPicker } from '../../components/UnitPicker';
import { formatNumber } from '../../format';
import { useSession } from '../../session';
import { useIsMobile } from '../../useIsMobile';
import { BulkBar, BulkDialog, BulkOutcome } from './BulkActions';
import { HOLDER_LABELS, KIND_LABELS, OverdueTag, StateTag, levelLabel, useFieldName, useFields } from './shared';

type Item = z.infer<typeof RegistrationList>['items'][number];
type Queue = '' | RegistrationQueue;

const QUEUES: { key: Queue; label: string }[] = [
  { key: '', label: 'Tất cả' },
  { key: 'awaiting_appraisal', label: 'Chờ tôi thẩm định' },
  { key: 'returned_to_me', label: 'Bị trả lại' },
  { key: 'to_inspect', label: 'Cần kiểm tra' },
  { key: 'my_drafts', label: 'Bản nháp của tôi' },
];

interface Filters {
  state?: string;
  fieldCode?: string;
  year?: number | null;
  holder?: string;
  kind?: string;
  campaignId?: string;
  unitId?: string | null;
}

/** Filters a dashboard figure may carry that have no field of their own on this page. */
const EXTRA_LABELS: Record<string, (v: string) => string> = {
  states: (v) =>
    `Trạng thái: ${
      v.split(',').length >= REGISTRATION_STATES.length - 2
        ? 'đã đăng ký (trừ bản nháp, không chấp thuận)'
        : v
            .split(',')
            .map((s) => REGISTRATION_STATE_LABELS[s as RegistrationState] ?? s)
            .join(', ')
    }`,
  unitOnly: () => 'Chỉ hồ sơ của chính đơn vị',
  yearFrom: (v) => `Từ năm ${v}`,
  yearTo: (v) => `Đến năm ${v}`,
  origin: (v) => ({ new: 'Xây dựng mới', consolidation: 'Củng cố', replication: 'Nhân rộng' })[v] ?? v,
  level: (v) => `Cấp: ${levelLabel(v)}`,
  recognised: (v) => (v === 'true' ? 'Đã được công nhận' : 'Chưa được công nhận'),
  commended: (v) => (v === 'true' ? 'Đã được khen thưởng' : 'Chưa được khen thưởng'),
  tree: (v) => (v === 'then' ? 'Theo địa giới tại thời điểm cuối kỳ' : 'Theo địa giới hiện nay'),
  thenStrict: () => 'Chỉ hồ sơ thuộc đơn vị theo địa giới lúc đó',
};

export default function RegistrationsPage() {
  const me = useSession();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const fields = useFields();
  const fieldName = useFieldName();
  // A figure of the dashboard opens this list with its filter in the address; a to-do card with its queue.
  const [params, setParams] = useSearchParams();
  // Only the queues of the user's own work (the server says which), beside "Tất cả".
  const queues = QUEUES.filter((q) => !q.key || me.queues.includes(q.key));
  const mayRegister = me.canCreate.registration;
  const [queue, setQueue] = useState<Queue>(() => queues.find((q) => q.key && q.key === params.get('queue'))?.key ?? '');
  const [f, setF] = useState<Filters>(() => ({
    state: params.get('state') ?? undefined,
    fieldCode: params.get('fieldCode') ?? undefined,
    year: params.get('year') ? Number(params.get('year')) : undefined,
    holder: params.get('holder') ?? undefined,
    kind: params.get('kind') ?? undefined,
    campaignId: params.get('campaignId') ?? undefined,
    unitId: params.get('unitId') ?? undefined,
  }));
  const extra: Record<string, string> = {};
  for (const k of Object.keys(EXTRA_LABELS)) {
    const v = params.get(k);
    if (v) extra[k] = v;
  }
  const dropExtra = (k: string) => {
    const next = new URLSearchParams(params);
    next.delete(k);
    setParams(next, { replace: true });
    setPage(1);
  };
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const queryClient = useQueryClient();
  // Bulk work: for those who appraise inside their entry scope (the policy says so, not the role).
  const actor = { id: me.user.id, role: me.user.role, entryPath: me.user.entryScope?.path ?? null, viewPath: me.user.viewScope.path };
  const canBulk = !!actor.entryPath && can(actor, 'registration.accept', { path: actor.entryPath });
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<BulkAction | null>(null);
  const [outcome, setOutcome] = useState<BulkResult | null>(null);
  const bulkDone = (r: BulkResult) => {
    setDialog(null);
    setOutcome(r);
    // What was done leaves the selection; what was refused stays selected, to see or try again.
    setSelected(r.results.filter((x) => !x.ok).map((x) => x.id));
    void queryClient.invalidateQueries({ queryKey: ['registrations'] });
    void queryClient.invalidateQueries({ queryKey: ['rounds'] });
  };
  const set = (patch: Partial<Filters>) => {
    setF((old) => ({ ...old, ...patch }));
    setPage(1);
  };

  // The name of a unit that came in the address, for the unit box.
  const chosenUnit = useQuery({
    queryKey: ['unit', f.unitId],
    queryFn: () => get<{ name: string }>(`/units/${f.unitId}`),
    enabled: !!f.unitId,
  });
  const campaigns = useQuery({
    queryKey: ['campaigns', 'launched'],
    queryFn: () => get<{ items: Campaign[] }>('/campaigns?state=launched&pageSize=200'),
  });
  const list = useQuery({
    queryKey: ['registrations', queue, f, extra, page],
    queryFn: () =>
      get<{ items: Item[]; total: number }>(`/registrations${qs({ ...f, ...extra, queue: queue || undefined, page, pageSize })}`),
    placeholderData: keepPreviousData,
  });

  const columns = mobile
    ? [
        {
          title: 'Mô hình, điển hình',
          key: 'all',
          render: (_: unknown, r: Item) => (
            <div style={{ lineHeight: 1.4 }}>
              <a style={{ fontWeight: 600, fontSize: 15 }}>{r.title}</a>
              <div style={{ color: '#595959', fontSize: 13 }}>
                {r.unit.name} · {fieldName(r.fieldCode)} · {r.year}
              </div>
              <div style={{ marginTop: 4, display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                <StateTag state={r.state} />
                {r.overdue && <OverdueTag />}
              </div>
            </div>
          ),
        },
      ]
    : [
        {
          title: 'Tên mô hình, điển hình',
          dataIndex: 'title',
          render: (t: string, r: Item) => (
            <div>
              <a style={{ fontWeight: 500 }}>{t}</a>
              <div style={{ color: '#8c8c8c', fontSize: 13 }}>
                {KIND_LABELS[r.kind]} · {HOLDER_LABELS[r.holder]}
                {r.personName ? `: ${r.personName}` : ''}
              </div>
            </div>
          ),
        },
        { title: 'Đơn vị', dataIndex: ['unit', 'name'], width: 220 },
        { title: 'Lĩnh vực', dataIndex: 'fieldCode', width: 150, render: (c: string) => fieldName(c) },
        { title: 'Năm', dataIndex: 'year', width: 70 },
        {
          title: 'Trạng thái',
          dataIndex: 'state',
          width: 180,
          render: (s: string, r: Item) => (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
              <StateTag state={s} />
              {r.overdue && <OverdueTag />}
            </div>
          ),
        },
      ];

  const thisYear = new Date().getFullYear();
  const filterStyle = { width: '100%' };

  return (
    <Card
      title={<h2 style={{ fontSize: 20, margin: '10px 0', whiteSpace: 'normal' }}>Mô hình, điển hình</h2>}
      extra={
        mayRegister && !mobile ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/mo-hinh/dang-ky')}>
            Đăng ký mô hình, điển hình
          </Button>
        ) : null
      }
      styles={{ body: { padding: mobile ? 12 : 20 } }}
    >
      {mayRegister && mobile && (
        <Button
          type="primary"
          size="large"
          block
          icon={<PlusOutlined />}
          onClick={() => navigate('/mo-hinh/dang-ky')}
          style={{ marginBottom: 12 }}
        >
          Đăng ký mô hình, điển hình
        </Button>
      )}
      {queues.length > 1 && (
        <Tabs
          activeKey={queue || 'all'}
          onChange={(k) => {
            setQueue((k === 'all' ? '' : k) as Queue);
            setPage(1);
            if (params.has('queue')) {
              const next = new URLSearchParams(params);
              next.delete('queue');
              setParams(next, { replace: true });
            }
          }}
          items={queues.map((q) => ({ key: q.key || 'all', label: q.label }))}
        />
      )}
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={12} lg={6}>
          <Select
            aria-label="Trạng thái"
            allowClear
            placeholder="Trạng thái"
            style={filterStyle}
            value={f.state}
            onChange={(v) => set({ state: v })}
            options={REGISTRATION_STATES.map((s) => ({ value: s, label: REGISTRATION_STATE_LABELS[s] }))}
          />
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Select
            aria-label="Lĩnh vực"
            allowClear
            placeholder="Lĩnh vực"
            style={filterStyle}
            value={f.fieldCode}
            onChange={(v) => set({ fieldCode: v })}
            options={(fields.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
          />
        </Col>
        <Col xs={12} sm={6} lg={3}>
          <InputNumber
            aria-label="Năm"
            placeholder="Năm"
            style={filterStyle}
            min={2000}
            max={thisYear + 5}
            value={f.year ?? null}
            onChange={(v) => set({ year: v })}
          />
        </Col>
        <Col xs={12} sm={6} lg={3}>
          <Select
            aria-label="Tập thể hay cá nhân"
            allowClear
            placeholder="Tập thể/cá nhân"
            style={filterStyle}
            value={f.holder}
            onChange={(v) => set({ holder: v })}
            options={Object.entries(HOLDER_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Col>
        <Col xs={12} sm={6} lg={3}>
          <Select
            aria-label="Mô hình hay điển hình"
            allowClear
            placeholder="Loại"
            style={filterStyle}
            value={f.kind}
            onChange={(v) => set({ kind: v })}
            options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Col>
        <Col xs={12} sm={6} lg={3}>
          <Select
            aria-label="Đợt phát động"
            allowClear
            placeholder="Đợt phát động"
            style={filterStyle}
            value={f.campaignId}
            onChange={(v) => set({ campaignId: v })}
            options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
            popupMatchSelectWidth={false}
          />
        </Col>
        <Col xs={24} lg={12}>
          <UnitPicker
            allowClear
            value={f.unitId ?? null}
            initialLabel={chosenUnit.data?.name}
            onChange={(v) => set({ unitId: v })}
            placeholder="Đơn vị (gõ tên để tìm)…"
          />
        </Col>
      </Row>
      {Object.keys(extra).length > 0 && (
        <div style={{ marginBottom: 12 }}>
          <span style={{ marginRight: 8, color: '#555' }}>Đang lọc theo:</span>
          {Object.entries(extra).map(([k, v]) => (
            <Tag key={k} closable onClose={() => dropExtra(k)} style={{ fontSize: 14, padding: '2px 8px', marginBottom: 4 }}>
              {EXTRA_LABELS[k]!(v)}
            </Tag>
          ))}
        </div>
      )}
      {!queue && (
        <div className="button-row" style={{ marginBottom: 12 }}>
          <ExportButton
            filter={{ ...Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== null && v !== '')), ...extra }}
          />
          <PrintButton />
        </div>
      )}
      <PrintHeading
        title="Danh sách mô hình, điển hình “Dân vận khéo”"
        lines={[
          Object.keys(extra).length > 0 &&
            `Lọc: ${Object.entries(extra)
              .map(([k, v]) => EXTRA_LABELS[k]!(v))
              .join('; ')}`,
        ]}
      />
      {list.error && (
        <Alert type="error" showIcon title={errorText(list.error, 'Không tải được danh sách.')} style={{ marginBottom: 12 }} />
      )}
      {outcome && <BulkOutcome result={outcome} onClose={() => setOutcome(null)} />}
      <Table<Item>
        rowKey="id"
        size={mobile ? 'small' : 'middle'}
        rowSelection={
          canBulk
            ? {
                selectedRowKeys: selected,
                preserveSelectedRowKeys: true,
                onChange: (keys) => setSelected(keys as string[]),
                columnWidth: mobile ? 36 : 48,
                getTitleCheckboxProps: () => ({ 'aria-label': 'Chọn tất cả hồ sơ trên trang' }),
                getCheckboxProps: (r) => ({ 'aria-label': `Chọn ${r.title}` }),
              }
            : undefined
        }
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        locale={{ emptyText: 'Chưa có mô hình, điển hình nào' }}
        onRow={(r) => ({
          // A click on the selection box selects; anywhere else on the row opens the record.
          onClick: (e) => {
            if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return;
            navigate(`/mo-hinh/${r.id}`);
          },
          style: { cursor: 'pointer' },
        })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (t) => `${formatNumber(t)} hồ sơ`,
          size: mobile ? 'small' : undefined,
        }}
      />
      {selected.length > 0 && (
        <BulkBar
          count={selected.length}
          canRound={me.canCreate.round}
          busy={dialog !== null}
          onAction={setDialog}
          onClear={() => setSelected([])}
        />
      )}
      {dialog && <BulkDialog action={dialog} ids={selected} onClose={() => setDialog(null)} onDone={bulkDone} />}
    </Card>
  );
}
