import { useState } from 'react';
import { Alert, Button, Card, Col, InputNumber, Row, Select, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { RegistrationListQuery, type Campaign, type RegistrationList } from '@domain/movement-schemas.js';
import { REGISTRATION_SORTS, type SortValue } from '@domain/list-sort.js';
import type { BulkAction, BulkResult } from '@domain/bulk-schemas.js';
import { can, type RegistrationQueue } from '@domain/policy.js';
import { REGISTRATION_STATES, REGISTRATION_STATE_LABELS, type RegistrationState } from '@domain/workflow.js';
import { ExportButton } from '../../components/ExportButton';
import { GuideLink } from '../../components/GuideLink';
import { GUIDE_ANCHORS } from '../guide/guide-content';
import { PrintButton, PrintHeading } from '../../components/PrintButton';
import { errorText, get, qs } from '../../api';
import { UnitPicker } from '../../components/UnitPicker';
import { SortSelect, sortableColumn, tableSortChange } from '../../components/ListSort';
import { useListParams } from '../../components/useListParams';
import { formatNumber } from '../../format';
import { useSession } from '../../session';
import { useIsMobile } from '../../useIsMobile';
import { BulkBar, BulkDialog, BulkOutcome } from './BulkActions';
import { ReasonLine } from './LastReason';
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

/** The filters with a field of their own on this page. */
const FIELD_FILTERS = ['state', 'fieldCode', 'year', 'holder', 'kind', 'campaignId', 'unitId'] as const;
type Filters = Partial<Record<(typeof FIELD_FILTERS)[number], string>>;

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
const EXTRA_FILTERS = Object.keys(EXTRA_LABELS) as (keyof typeof EXTRA_LABELS & keyof typeof RegistrationListQuery.shape)[];

/** The orders a phone offers in its sort box (a desk sorts by the column headers). */
const SORT_OPTIONS: { value: SortValue<(typeof REGISTRATION_SORTS)[number]>; label: string }[] = [
  { value: '-updated', label: 'Mới cập nhật trước' },
  { value: 'title', label: 'Tên A → Z' },
  { value: '-title', label: 'Tên Z → A' },
  { value: 'unit', label: 'Đơn vị A → Z' },
  { value: '-year', label: 'Năm mới nhất trước' },
  { value: 'year', label: 'Năm cũ nhất trước' },
  { value: 'state', label: 'Trạng thái (theo quy trình)' },
];

export default function RegistrationsPage() {
  const me = useSession();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const fields = useFields();
  const fieldName = useFieldName();
  // The queue, the filters, the page and the order live in the address: a figure of the dashboard
  // opens this list with its filter, a to-do card with its queue, and a reload or a shared link
  // gives the same list.
  const list$ = useListParams({
    shape: RegistrationListQuery.shape,
    filters: ['queue', ...FIELD_FILTERS, ...EXTRA_FILTERS],
    sorts: REGISTRATION_SORTS,
    defaultSort: '-updated',
  });
  const { page, sort, values, update } = list$;
  const f: Filters = Object.fromEntries(FIELD_FILTERS.filter((k) => values[k]).map((k) => [k, values[k]]));
  const extra: Record<string, string> = Object.fromEntries(EXTRA_FILTERS.filter((k) => values[k]).map((k) => [k, values[k]!]));
  const dropExtra = (k: string) => update({ [k]: null });
  // Only the queues of the user's own work (the server says which), beside "Tất cả".
  const queues = QUEUES.filter((q) => !q.key || me.queues.includes(q.key));
  const mayRegister = me.canCreate.registration;
  // A queue in the address that is not the user's own work is left out.
  const queue = (queues.find((q) => q.key && q.key === values.queue)?.key ?? '') as Queue;
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
  const set = (patch: Partial<Record<keyof Filters, string | number | null | undefined>>, replace = false) => update(patch, { replace });

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
    queryKey: ['registrations', queue, f, extra, page, sort],
    queryFn: () =>
      get<{ items: Item[]; total: number }>(
        `/registrations${qs({ ...f, ...extra, queue: queue || undefined, page, pageSize, sort: sort === '-updated' ? undefined : sort })}`,
      ),
    placeholderData: keepPreviousData,
  });

  const columns = mobile
    ? [
        {
          title: 'Mô hình, điển hình',
          key: 'all',
          render: (_: unknown, r: Item) => (
            <div style={{ lineHeight: 1.4 }}>
              <Link to={`/mo-hinh/${r.id}`} style={{ fontWeight: 600, fontSize: 15 }}>
                {r.title}
              </Link>
              {r.lastReason && <ReasonLine reason={r.lastReason} />}
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
          ...sortableColumn(sort, 'title'),
          render: (t: string, r: Item) => (
            <div>
              <Link to={`/mo-hinh/${r.id}`} style={{ fontWeight: 500 }}>
                {t}
              </Link>
              {r.lastReason && <ReasonLine reason={r.lastReason} />}
              <div style={{ color: '#666', fontSize: 13 }}>
                {KIND_LABELS[r.kind]} · {HOLDER_LABELS[r.holder]}
                {r.personName ? `: ${r.personName}` : ''}
              </div>
            </div>
          ),
        },
        { title: 'Đơn vị', dataIndex: ['unit', 'name'], width: 220, ...sortableColumn(sort, 'unit') },
        { title: 'Lĩnh vực', dataIndex: 'fieldCode', width: 150, render: (c: string) => fieldName(c) },
        { title: 'Năm', dataIndex: 'year', width: 90, ...sortableColumn(sort, 'year') },
        {
          title: 'Trạng thái',
          dataIndex: 'state',
          width: 180,
          ...sortableColumn(sort, 'state'),
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
          className="tabs-wrap"
          activeKey={queue || 'all'}
          onChange={(k) => update({ queue: k === 'all' ? null : k })}
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
        <Col xs={12} sm={6} lg={2}>
          <InputNumber
            aria-label="Năm"
            placeholder="Năm"
            style={filterStyle}
            min={2000}
            max={thisYear + 5}
            value={f.year ? Number(f.year) : null}
            onChange={(v) => set({ year: v }, true)}
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
        <Col xs={12} sm={6} lg={4}>
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
            aria-label="Đơn vị"
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
          <ExportButton filter={{ ...f, ...extra }} />
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
      {mobile && (
        <div style={{ marginBottom: 8 }}>
          <SortSelect value={sort} onChange={list$.setSort} options={SORT_OPTIONS} />
        </div>
      )}
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
        locale={{
          emptyText: (
            <>
              Chưa có mô hình nào – <GuideLink anchor={GUIDE_ANCHORS.register}>xem hướng dẫn đăng ký</GuideLink>
            </>
          ),
        }}
        onChange={tableSortChange(list$.setSort)}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          onChange: list$.setPage,
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
