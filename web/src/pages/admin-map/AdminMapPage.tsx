import { Alert, Button, Card, Space, Table, Tag } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ADMIN_LOAD_LABELS, type AdminLoadJob } from '@domain/admin-map-schemas.js';
import { errorText, get, post } from '../../api';
import { useAction } from '../../components/useAction';
import { formatDateTime } from '../../format';

const STATE_TAGS: Record<AdminLoadJob['state'], { color: string; label: string }> = {
  queued: { color: 'default', label: 'Đang chờ' },
  running: { color: 'processing', label: 'Đang nạp' },
  done: { color: 'success', label: 'Đã xong' },
  failed: { color: 'error', label: 'Không thành công' },
};

const number = (n: number) => n.toLocaleString('vi-VN');

const RESULT_LABELS: Record<string, string> = {
  unitsAdded: 'đơn vị mới',
  mapUnitsAdded: 'đơn vị của bản đồ 2025',
  oldUnitsAdded: 'đơn vị cũ (đến 30/06/2025)',
  versionsAdded: 'giai đoạn của đơn vị',
  lineageAdded: 'quan hệ kế thừa',
  changesAdded: 'thay đổi',
};

/** "Bản đồ hành chính": the administrator loads the 2025 map and the history of the 2025 reform while DVK runs. */
export default function AdminMapPage() {
  const client = useQueryClient();
  const loads = useQuery({
    queryKey: ['admin-map-loads'],
    queryFn: () => get<{ items: AdminLoadJob[] }>('/admin-map/loads'),
    staleTime: 0,
    // A load moves on by itself: look again while one is waiting or running.
    refetchInterval: (q) => (q.state.data?.items.some((j) => j.state === 'queued' || j.state === 'running') ? 1500 : false),
  });
  const start = useAction((kind: AdminLoadJob['kind'], opts) => post<AdminLoadJob>('/admin-map/loads', { kind }, opts), {
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin-map-loads'] }),
  });
  const busy = loads.data?.items.some((j) => j.state === 'queued' || j.state === 'running') ?? false;

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 20 }}>Bản đồ hành chính</h2>}>
      <p style={{ color: '#555', marginTop: 0 }}>
        Nạp bản đồ hành chính từ ngày 01/7/2025 (34 tỉnh, thành phố; 3.321 xã, phường, đặc khu, theo mã chính thức) và lịch sử sắp xếp năm
        2025: cây đơn vị đến ngày 30/6/2025 (63 tỉnh, 696 huyện, 10.035 xã) với các nghị quyết sắp xếp. Đơn vị đã có được giữ nguyên; nạp
        lại không thêm gì. Hệ thống vẫn hoạt động trong khi nạp.
      </p>
      <Space wrap style={{ marginBottom: 16 }}>
        <Button type="primary" disabled={busy} loading={start.pending === 'units'} onClick={() => void start.run('admin_units', 'units')}>
          {ADMIN_LOAD_LABELS.admin_units}
        </Button>
        <Button disabled={busy} loading={start.pending === 'history'} onClick={() => void start.run('admin_history', 'history')}>
          {ADMIN_LOAD_LABELS.admin_history}
        </Button>
      </Space>
      {start.error && <Alert type="error" showIcon title={start.error} style={{ marginBottom: 16 }} />}
      {loads.error && <Alert type="error" showIcon title={errorText(loads.error)} style={{ marginBottom: 16 }} />}
      <Table<AdminLoadJob>
        rowKey="id"
        loading={loads.isFetching && !loads.data}
        dataSource={loads.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: 'Chưa có lần nạp nào.' }}
        scroll={{ x: true }}
        columns={[
          { title: 'Nội dung', key: 'kind', render: (_, j) => ADMIN_LOAD_LABELS[j.kind] },
          { title: 'Người nạp', key: 'createdBy', render: (_, j) => j.createdBy },
          { title: 'Bắt đầu lúc', key: 'createdAt', render: (_, j) => formatDateTime(j.createdAt) },
          {
            title: 'Trạng thái',
            key: 'state',
            render: (_, j) => (
              <div data-testid={`load-${j.kind}`}>
                <Tag color={STATE_TAGS[j.state].color}>{STATE_TAGS[j.state].label}</Tag>
                {j.state === 'running' && j.stageLabel}
                {j.error && <div style={{ color: '#a8071a' }}>{j.error}</div>}
              </div>
            ),
          },
          { title: 'Dòng dữ liệu đã đọc', key: 'rowsRead', align: 'right', render: (_, j) => number(j.rowsRead) },
          { title: 'Đơn vị đã ghi', key: 'unitsWritten', align: 'right', render: (_, j) => number(j.unitsWritten) },
          {
            title: 'Kết quả',
            key: 'result',
            render: (_, j) =>
              j.result &&
              Object.entries(j.result)
                .map(([k, v]) => `${number(v)} ${RESULT_LABELS[k] ?? k}`)
                .join('; '),
          },
          { title: 'Xong lúc', key: 'finishedAt', render: (_, j) => formatDateTime(j.finishedAt) },
        ]}
      />
    </Card>
  );
}
