import { Alert, Card, Pagination, Table, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { ExportJob, ExportJobList } from '@domain/report-schemas.js';
import { errorText, get, qs } from '../../api';
import { formatDateTime } from '../../format';

const PAGE_SIZE = 20;

const STATE_TAGS: Record<ExportJob['state'], { color: string; label: string }> = {
  queued: { color: 'default', label: 'Đang chờ' },
  running: { color: 'processing', label: 'Đang tạo' },
  done: { color: 'success', label: 'Đã xong' },
  failed: { color: 'error', label: 'Không tạo được' },
};

const KIND_LABELS: Record<ExportJob['kind'], string> = { registrations: 'Danh sách mô hình, điển hình' };

/** "Tệp đã xuất của tôi": the user's own exports of the last day, with a download link for finished ones. */
export default function MyExportsPage() {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? 1);
  const result = useQuery({
    queryKey: ['exports', page],
    queryFn: () => get<ExportJobList>(`/exports${qs({ page, pageSize: PAGE_SIZE })}`),
    // An export asked for a moment ago must show at once.
    staleTime: 0,
    // Unfinished jobs move on by themselves: look again while one is still being made.
    refetchInterval: (q) => (q.state.data?.items.some((j) => j.state === 'queued' || j.state === 'running') ? 2000 : false),
  });

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 20 }}>Tệp đã xuất của tôi</h2>}>
      <p style={{ color: '#555', marginTop: 0 }}>Các tệp Excel bạn đã xuất được giữ trong một ngày, sau đó tự xóa.</p>
      {result.error && <Alert type="error" showIcon title={errorText(result.error)} />}
      <Table<ExportJob>
        rowKey="id"
        loading={result.isFetching && !result.data}
        dataSource={result.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: 'Bạn chưa xuất tệp nào trong một ngày qua.' }}
        scroll={{ x: true }}
        columns={[
          { title: 'Nội dung', key: 'kind', render: (_, j) => KIND_LABELS[j.kind] },
          { title: 'Lúc xuất', key: 'createdAt', render: (_, j) => formatDateTime(j.createdAt) },
          {
            title: 'Trạng thái',
            key: 'state',
            render: (_, j) => (
              <>
                <Tag color={STATE_TAGS[j.state].color}>{STATE_TAGS[j.state].label}</Tag>
                {j.state === 'running' && `${j.progress.toLocaleString('vi-VN')}/${j.total?.toLocaleString('vi-VN') ?? '…'}`}
                {j.error && <div style={{ color: '#a8071a' }}>{j.error}</div>}
              </>
            ),
          },
          { title: 'Xong lúc', key: 'finishedAt', render: (_, j) => formatDateTime(j.finishedAt) },
          {
            title: 'Tệp',
            key: 'file',
            render: (_, j) => (j.state === 'done' ? <a href={`/api/v1/exports/${j.id}/file`}>Tải {j.fileName ?? 'tệp'}</a> : '—'),
          },
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
