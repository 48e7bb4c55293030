import { Alert, Button, Card, Pagination, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { REORGANISATION_STATUS_LABELS, type ReorganisationList, type ReorganisationSummary } from '@domain/reorganisation-schemas.js';
import { errorText, get, qs } from '../../api';
import { formatDate, formatNumber } from '../../format';

const PAGE_SIZE = 20;
type Summary = z.infer<typeof ReorganisationSummary>;

export const STATUS_COLORS: Record<Summary['status'], string> = { scheduled: 'processing', applied: 'success', undone: 'default' };

/** "Sắp xếp đơn vị": the reorganisations of the administrator's scope, newest effective date first. */
export default function ReorganisationsPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const result = useQuery({
    queryKey: ['reorganisations', page],
    queryFn: () => get<z.infer<typeof ReorganisationList>>(`/reorganisations${qs({ page, pageSize: PAGE_SIZE })}`),
    staleTime: 0,
  });

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 20, whiteSpace: 'normal' }}>Sắp xếp đơn vị hành chính</h2>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/sap-xep-don-vi/moi')}>
          Sắp xếp mới
        </Button>
      }
    >
      <p style={{ color: '#555', marginTop: 0 }}>
        Sáp nhập, chia tách, đổi tên, chuyển đơn vị và bỏ cấp theo nghị quyết, quyết định của cấp có thẩm quyền. Đơn vị cũ được giữ lại với
        thời gian hiệu lực; hồ sơ của đơn vị cũ theo về đơn vị kế thừa.
      </p>
      {result.error && <Alert type="error" showIcon title={errorText(result.error)} />}
      <Table<Summary>
        rowKey="id"
        loading={result.isFetching && !result.data}
        dataSource={result.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: 'Chưa có lần sắp xếp nào.' }}
        scroll={{ x: true }}
        columns={[
          {
            title: 'Ngày hiệu lực',
            key: 'date',
            render: (_, r) => <Link to={`/sap-xep-don-vi/${r.id}`}>{formatDate(r.effectiveDate)}</Link>,
          },
          {
            title: 'Căn cứ',
            key: 'basis',
            render: (_, r) => (
              <span style={{ whiteSpace: 'normal' }}>
                {r.basis.number} của {r.basis.issuer}
                {r.basis.date ? ` ngày ${formatDate(r.basis.date)}` : ''}
              </span>
            ),
          },
          { title: 'Số thay đổi', key: 'count', align: 'right', render: (_, r) => formatNumber(r.changeCount) },
          {
            title: 'Trạng thái',
            key: 'status',
            render: (_, r) => (
              <>
                <Tag color={STATUS_COLORS[r.status]}>{REORGANISATION_STATUS_LABELS[r.status]}</Tag>
                {r.lastError && <div style={{ color: '#a8071a', whiteSpace: 'normal' }}>{r.lastError}</div>}
              </>
            ),
          },
          { title: 'Người lập', key: 'by', render: (_, r) => r.createdBy ?? '—' },
        ]}
      />
      {result.data && result.data.total > PAGE_SIZE && (
        <Pagination
          current={page}
          pageSize={PAGE_SIZE}
          total={result.data.total}
          showSizeChanger={false}
          onChange={(p) => setParams({ page: String(p) })}
          style={{ marginTop: 12 }}
        />
      )}
    </Card>
  );
}
