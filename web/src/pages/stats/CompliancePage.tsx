import { useState } from 'react';
import { OVERDUE_LABEL } from '@domain/deadlines.js';
import { Alert, Button, Card, Col, Row, Segmented, Select, Statistic, Table, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { COMPLIANCE_LABELS, type Compliance } from '@domain/report-schemas.js';
import { UNIT_KIND_LABELS, type UnitKind } from '@domain/unit-kinds.js';
import { errorText, get, qs } from '../../api';
import { XlsxButton } from '../../components/XlsxButton';
import { useIsMobile } from '../../useIsMobile';

type Row = Compliance['rows'][number];
const COLORS = { met: 'green', short: 'orange', none: 'red' } as const;

/** Who met a campaign's quota in a year, who fell short, who registered nothing. */
export default function CompliancePage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>();
  const mobile = useIsMobile();
  const [status, setStatus] = useState<'all' | Row['status']>('all');
  const data = useQuery({
    queryKey: ['compliance', id, year],
    queryFn: () => get<Compliance>(`/campaigns/${id}/compliance${qs({ year })}`),
    placeholderData: keepPreviousData,
  });
  const c = data.data;
  const years = c ? Array.from({ length: c.campaign.yearTo - c.campaign.yearFrom + 1 }, (_, i) => c.campaign.yearFrom + i) : [];
  const rows = (c?.rows ?? []).filter((r) => status === 'all' || r.status === status);
  const quota = (r: Row) =>
    [
      r.quota.minNew && `${r.quota.minNew} mới`,
      r.quota.minConsolidated && `${r.quota.minConsolidated} củng cố`,
      r.quota.minTotal && `tổng ${r.quota.minTotal}`,
    ]
      .filter(Boolean)
      .join(', ') || '—';

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 1100 }}>
      <div>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/phat-dong')}>
          Về danh sách đợt phát động
        </Button>
      </div>
      {data.error && <Alert type="error" showIcon title={errorText(data.error)} />}
      <Card>
        <h2 style={{ margin: '0 0 8px', fontSize: 20 }}>Tình hình thực hiện chỉ tiêu</h2>
        <div style={{ marginBottom: 12 }}>{c?.campaign.title}</div>
        <span style={{ marginRight: 8 }}>Năm</span>
        <Select
          style={{ width: 110, marginRight: 8 }}
          value={c?.year}
          onChange={setYear}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          aria-label="Năm"
        />
        {c && <XlsxButton path={`/campaigns/${id}/compliance/xlsx`} params={{ year: c.year }} />}
        <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
          {(
            [
              ['units', 'Đơn vị có chỉ tiêu'],
              ['met', COMPLIANCE_LABELS.met],
              ['short', COMPLIANCE_LABELS.short],
              ['none', COMPLIANCE_LABELS.none],
            ] as const
          ).map(([k, label]) => (
            <Col key={k} xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={label}
                  value={c?.summary[k] ?? 0}
                  loading={data.isPending}
                  valueStyle={k === 'none' && c?.summary.none ? { color: '#cf1322' } : undefined}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
      <Card size="small">
        <div style={{ overflowX: 'auto', marginBottom: 12 }}>
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            options={[
              { value: 'all', label: 'Tất cả' },
              { value: 'none', label: COMPLIANCE_LABELS.none },
              { value: 'short', label: COMPLIANCE_LABELS.short },
              { value: 'met', label: COMPLIANCE_LABELS.met },
            ]}
          />
        </div>
        <Table<Row>
          size="small"
          rowKey={(r) => r.unit.id}
          dataSource={rows}
          scroll={{ x: true }}
          pagination={rows.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
          columns={
            mobile
              ? [
                  {
                    title: 'Đơn vị, số mô hình',
                    render: (_, r) => (
                      <div>
                        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
                          <span>{r.unit.name}</span>
                          <span style={{ alignSelf: 'flex-start', whiteSpace: 'nowrap' }}>
                            <Tag color={COLORS[r.status]} style={{ marginInlineEnd: r.overdue ? 4 : 0 }}>
                              {COMPLIANCE_LABELS[r.status]}
                            </Tag>
                            {r.overdue && <OverdueTag />}
                          </span>
                        </div>
                        <div style={{ color: '#595959', fontSize: 14 }}>
                          Đã đăng ký {r.total} (mới {r.newCount + r.replicationCount}, củng cố {r.consolidationCount}) · chỉ tiêu:{' '}
                          {quota(r)}
                        </div>
                      </div>
                    ),
                  },
                ]
              : [
                  {
                    title: 'Đơn vị',
                    render: (_, r) => (
                      <>
                        <div>{r.unit.name}</div>
                        <div style={{ color: '#666', fontSize: 13 }}>{UNIT_KIND_LABELS[r.unit.kind as UnitKind] ?? r.unit.kind}</div>
                      </>
                    ),
                  },
                  { title: 'Chỉ tiêu', render: (_, r) => quota(r) },
                  { title: 'Mới', align: 'right', render: (_, r) => r.newCount + r.replicationCount },
                  { title: 'Củng cố', align: 'right', dataIndex: 'consolidationCount' },
                  { title: 'Tổng', align: 'right', dataIndex: 'total' },
                  {
                    title: 'Kết quả',
                    render: (_, r) => (
                      <>
                        <Tag color={COLORS[r.status]}>{COMPLIANCE_LABELS[r.status]}</Tag>
                        {r.overdue && <OverdueTag />}
                      </>
                    ),
                  },
                ]
          }
        />
      </Card>
    </div>
  );
}

/** Past the campaign's registration deadline with nothing registered. */
function OverdueTag() {
  return (
    <Tag color="volcano" title="Đã quá hạn đăng ký của đợt phát động mà chưa đăng ký">
      {OVERDUE_LABEL}
    </Tag>
  );
}
