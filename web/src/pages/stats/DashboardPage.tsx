import { useMemo } from 'react';
import { Alert, Breadcrumb, Card, Col, InputNumber, Row, Segmented, Select, Space, Statistic, Table } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  APPORTIONED_MARK,
  APPORTIONED_NOTE,
  cellFilter,
  formatNumberVi,
  formatPercentVi,
  type StatsResult,
  type StatsRow,
  type UnitsAt,
} from '@domain/statistics.js';
import type { Campaign } from '@domain/movement-schemas.js';
import { errorText, get, qs } from '../../api';
import { BAR_ROW_HEIGHT, Chart, barOption } from '../../components/Chart';
import { PrintButton } from '../../components/PrintButton';
import { UnitPicker } from '../../components/UnitPicker';
import { XlsxButton } from '../../components/XlsxButton';
import { useIsMobile } from '../../useIsMobile';
import { formatMoney } from '@domain/money.js';

const RED = '#b71c1c';

/** The dashboard: headline figures, by field, by unit below (drill down), by year; every figure opens its list. */
export default function DashboardPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const base: Record<string, string> = {};
  for (const k of ['unitId', 'yearFrom', 'yearTo', 'campaignId', 'kind', 'holder', 'tree', 'thenStrict']) {
    const v = params.get(k);
    if (v) base[k] = v;
  }
  const withPatch = (patch: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null || v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    return next;
  };
  const set = (patch: Record<string, string | number | null | undefined>) => setParams(withPatch(patch));
  const stats = (groupBy: string) => ({
    queryKey: ['stats', groupBy, base],
    queryFn: () => get<StatsResult>(`/stats${qs({ ...base, groupBy })}`),
    placeholderData: keepPreviousData,
  });
  const byField = useQuery(stats('field'));
  const byChild = useQuery(stats('child'));
  const byYear = useQuery(stats('year'));
  const byKind = useQuery(stats('kind'));
  const then = base.tree === 'then';
  // The tree "then" stands on the period's last day: the end of the last year chosen, or of this year.
  const at = `${base.yearTo ?? new Date().getFullYear()}-12-31`;
  const unitsThen = useQuery({
    queryKey: ['stats-units', at, base.unitId ?? byField.data?.unit.id],
    queryFn: () => get<UnitsAt>(`/stats/units${qs({ at, parentId: base.unitId ?? byField.data?.unit.id })}`),
    enabled: then && !!(base.unitId ?? byField.data?.unit.id),
  });
  const campaigns = useQuery({ queryKey: ['campaigns', 'all'], queryFn: () => get<{ items: Campaign[] }>('/campaigns?pageSize=200') });
  const unitPath = useQuery({
    queryKey: ['unit', base.unitId],
    queryFn: () => get<{ ancestors: { id: string; name: string }[]; name: string; id: string }>(`/units/${base.unitId}`),
    enabled: !!base.unitId,
  });

  /** The address of the list behind a figure: the figure's own filter. */
  const listUrl = (result: StatsResult, row: Pick<StatsRow, 'keys' | 'own'> | null) =>
    `/mo-hinh${qs(cellFilter({ ...base, unitId: base.unitId ?? result.unit.id, states: result.states } as never, row ?? { keys: {} }))}`;
  const open = (result: StatsResult | undefined, row: Pick<StatsRow, 'keys' | 'own'> | null) => {
    if (result) navigate(listUrl(result, row));
  };
  const number = (result: StatsResult | undefined, row: StatsRow | null, n: number) =>
    result ? (
      <Link to={listUrl(result, row)} style={{ fontVariantNumeric: 'tabular-nums' }} aria-label={`${formatNumberVi(n)} – xem danh sách`}>
        {formatNumberVi(n)}
      </Link>
    ) : (
      formatNumberVi(n)
    );

  const total = byField.data?.total;
  const models = byKind.data?.rows.find((r) => r.keys.kind === 'model')?.count ?? 0;
  const exemplars = byKind.data?.rows.find((r) => r.keys.kind === 'exemplar')?.count ?? 0;
  const error = byField.error ?? byChild.error;

  const fieldOption = useMemo(() => {
    const labels = byField.data?.rows.map((r) => r.labels.field ?? '') ?? [];
    const values = byField.data?.rows.map((r) => r.count) ?? [];
    return (width: number) => barOption(labels, values, false, width, RED);
  }, [byField.data]);
  // Units with most registrations first; those with none stay listed, at the end.
  const children = useMemo(
    () => (byChild.data?.rows ?? []).filter((r) => r.count > 0 || !r.own).sort((a, b) => b.count - a.count),
    [byChild.data],
  );
  const childOption = useMemo(() => {
    const top = children
      .filter((r) => r.count > 0)
      .slice(0, 15)
      .reverse();
    const labels = top.map((r) => r.labels.child ?? '');
    const values = top.map((r) => r.count);
    return { build: (width: number) => barOption(labels, values, true, width, RED), rows: top };
  }, [children]);
  const yearOption = useMemo(
    () => ({
      grid: { left: 48, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: byYear.data?.rows.map((r) => String(r.keys.year)) ?? [] },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'line', data: byYear.data?.rows.map((r) => r.count) ?? [], color: RED, symbolSize: 9, label: { show: true } }],
    }),
    [byYear.data],
  );

  const unitName = byField.data?.unit.name ?? '';
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 1200 }}>
      <Card>
        <h2 style={{ margin: '0 0 8px', fontSize: 20 }}>Thống kê phong trào “Dân vận khéo” – {unitName}</h2>
        {base.unitId && unitPath.data && (
          <Breadcrumb
            style={{ marginBottom: 8 }}
            items={[...unitPath.data.ancestors, { id: unitPath.data.id, name: unitPath.data.name }].map((a) => ({
              title: <Link to={{ search: `?${withPatch({ unitId: a.id })}` }}>{a.name}</Link>,
            }))}
          />
        )}
        <Space wrap>
          <span>Theo địa giới:</span>
          <Segmented
            aria-label="Theo địa giới"
            value={then ? 'then' : 'today'}
            onChange={(v) => set({ tree: v === 'then' ? 'then' : null, thenStrict: null })}
            options={[
              { value: 'today', label: 'hiện nay' },
              { value: 'then', label: 'tại thời điểm' },
            ]}
          />
          <div style={{ minWidth: mobile ? 280 : 320 }}>
            {then ? (
              // Units as they stood on the period's last day, closed ones "(cũ)" included.
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                aria-label="Đơn vị (theo địa giới tại thời điểm)"
                placeholder="Đơn vị trực thuộc (theo địa giới tại thời điểm)"
                style={{ width: '100%' }}
                value={null}
                onChange={(v) => v && set({ unitId: v, thenStrict: 'true' })}
                onClear={() => set({ unitId: null, thenStrict: null })}
                options={(unitsThen.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
              />
            ) : (
              <UnitPicker
                aria-label="Đơn vị"
                value={base.unitId ?? null}
                onChange={(v) => set({ unitId: v, thenStrict: null })}
                allowClear
                placeholder="Toàn bộ phạm vi của tôi"
              />
            )}
          </div>
          <span>Từ năm</span>
          <InputNumber
            aria-label="Từ năm"
            min={2000}
            max={2100}
            value={base.yearFrom ? Number(base.yearFrom) : null}
            onChange={(v) => set({ yearFrom: v })}
            style={{ width: 100 }}
          />
          <span>đến</span>
          <InputNumber
            aria-label="Đến năm"
            min={2000}
            max={2100}
            value={base.yearTo ? Number(base.yearTo) : null}
            onChange={(v) => set({ yearTo: v })}
            style={{ width: 100 }}
          />
          <Select
            aria-label="Đợt phát động"
            allowClear
            placeholder="Đợt phát động"
            style={{ minWidth: 220 }}
            value={base.campaignId}
            onChange={(v) => set({ campaignId: v })}
            options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
          />
          <Select
            aria-label="Mô hình hay điển hình"
            allowClear
            placeholder="Mô hình và điển hình"
            style={{ minWidth: 170 }}
            value={base.kind}
            onChange={(v) => set({ kind: v })}
            options={[
              { value: 'model', label: 'Chỉ mô hình' },
              { value: 'exemplar', label: 'Chỉ điển hình' },
            ]}
          />
          <Select
            aria-label="Tập thể hay cá nhân"
            allowClear
            placeholder="Tập thể và cá nhân"
            style={{ minWidth: 170 }}
            value={base.holder}
            onChange={(v) => set({ holder: v })}
            options={[
              { value: 'collective', label: 'Tập thể' },
              { value: 'individual', label: 'Cá nhân' },
            ]}
          />
          <XlsxButton path="/stats/xlsx" params={base} />
          <PrintButton />
        </Space>
        <div style={{ color: '#666', marginTop: 8 }}>
          Tính các hồ sơ đã gửi đăng ký (không tính bản nháp và hồ sơ không được chấp thuận). Bấm vào một con số để xem danh sách.
          {byField.data && <> {byField.data.treeNote}.</>}
        </div>
      </Card>
      {error && <Alert type="error" showIcon title={errorText(error)} />}

      <Row gutter={[12, 12]}>
        {[
          { title: 'Tổng số đã đăng ký', value: total?.count, row: null },
          { title: 'Mô hình', value: models, row: { keys: { kind: 'model' } } },
          { title: 'Điển hình', value: exemplars, row: { keys: { kind: 'exemplar' } } },
          {
            title: 'Được công nhận',
            value: total?.recognised,
            share: total ? formatPercentVi(total.recognised, total.count) : '',
            row: { keys: { recognised: true } },
          },
          {
            title: 'Được khen thưởng',
            value: total?.commended,
            share: total ? formatPercentVi(total.commended, total.count) : '',
            row: { keys: { commended: true } },
          },
          {
            title: 'Kinh phí dự kiến (triệu đồng)',
            value: total ? Math.round(total.fundsVnd / 1_000_000) : undefined,
            row: null,
            plain: true,
          },
          {
            // what the latest inspection of each inspected model recorded as mobilised
            title: 'Kinh phí thực tế đã huy động (triệu đồng)',
            value: total ? Math.round(total.achievedFundsVnd / 1_000_000) : undefined,
            share: total ? `${formatNumberVi(total.inspected)} hồ sơ đã kiểm tra` : '',
            row: null,
            plain: true,
          },
        ].map((c) => (
          <Col key={c.title} xs={12} md={8} xl={4}>
            <Card size="small" hoverable={!c.plain} onClick={() => !c.plain && open(byField.data, c.row as never)}>
              <Statistic
                title={c.title}
                value={c.value ?? 0}
                loading={byField.isPending}
                formatter={(v) => formatNumberVi(Number(v))}
                suffix={c.share ? <span style={{ fontSize: 14, color: '#666' }}>({c.share})</span> : undefined}
              />
            </Card>
          </Col>
        ))}
      </Row>

      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card title="Theo lĩnh vực" size="small">
            <Chart
              label="Biểu đồ số mô hình, điển hình theo lĩnh vực"
              option={fieldOption}
              height={240}
              onPick={(i) => open(byField.data, byField.data?.rows[i] ?? null)}
            />
            <Table<StatsRow>
              size="small"
              pagination={false}
              rowKey={(r) => String(r.keys.field)}
              dataSource={byField.data?.rows ?? []}
              scroll={{ x: true }}
              columns={[
                { title: 'Lĩnh vực', render: (_, r) => r.labels.field },
                { title: 'Số lượng', align: 'right', render: (_, r) => number(byField.data, r, r.count) },
                { title: 'Tỷ lệ', align: 'right', render: (_, r) => formatPercentVi(r.count, byField.data?.total.count ?? 0) },
                { title: 'Công nhận', align: 'right', render: (_, r) => formatNumberVi(r.recognised) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="Theo năm" size="small">
            <Chart
              label="Biểu đồ số mô hình, điển hình theo năm"
              option={yearOption}
              height={240}
              onPick={(i) => open(byYear.data, byYear.data?.rows[i] ?? null)}
            />
          </Card>
        </Col>
      </Row>

      <Card title="Theo đơn vị trực thuộc (bấm tên để xem sâu hơn)" size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={11}>
            <Chart
              label="Biểu đồ số mô hình, điển hình theo đơn vị trực thuộc"
              option={childOption.build}
              height={Math.max(200, childOption.rows.length * BAR_ROW_HEIGHT + 40)}
              onPick={(i) => open(byChild.data, childOption.rows[i] ?? null)}
            />
          </Col>
          <Col xs={24} lg={13}>
            <Table<StatsRow>
              size="small"
              rowKey={(r) => `${r.keys.child}-${r.own ? 'own' : ''}`}
              dataSource={children}
              scroll={{ x: true }}
              pagination={children.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              columns={[
                {
                  title: 'Đơn vị',
                  render: (_, r) => {
                    const label = r.apportioned ? `${r.labels.child} (${APPORTIONED_MARK})` : r.labels.child;
                    return r.own ? (
                      label
                    ) : (
                      <Link to={{ search: `?${withPatch({ unitId: String(r.keys.child), thenStrict: then ? 'true' : null })}` }}>
                        {label}
                      </Link>
                    );
                  },
                },
                {
                  title: 'Số lượng',
                  align: 'right',
                  sorter: (a, b) => a.count - b.count,
                  render: (_, r) => number(byChild.data, r, r.count),
                },
                { title: 'Công nhận', align: 'right', render: (_, r) => formatNumberVi(r.recognised) },
                { title: 'Khen thưởng', align: 'right', render: (_, r) => formatNumberVi(r.commended) },
                {
                  title: 'Kinh phí dự kiến / thực tế (triệu đồng)',
                  align: 'right',
                  render: (_, r) =>
                    `${formatMoney(Math.round(r.fundsVnd / 1_000_000))} / ${formatMoney(Math.round(r.achievedFundsVnd / 1_000_000))}`,
                },
                {
                  title: 'Ngày công dự kiến / thực tế',
                  align: 'right',
                  render: (_, r) => `${formatMoney(r.workdays)} / ${formatMoney(r.achievedWorkdays)}`,
                },
              ]}
            />
            {byChild.data?.apportioned && <div style={{ color: '#666', marginTop: 8 }}>{APPORTIONED_NOTE}</div>}
          </Col>
        </Row>
      </Card>
      <div style={{ color: '#666' }}>
        Xem thêm: <Link to="/bao-cao">Báo cáo sơ kết, tổng kết</Link> ·{' '}
        <Link to="/phat-dong">Tình hình thực hiện chỉ tiêu theo đợt phát động</Link>
      </div>
    </div>
  );
}
