import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Collapse,
  Descriptions,
  List,
  Pagination,
  Progress,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Upload,
} from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportJob, ImportRow } from '@domain/import-schemas.js';
import type { Me } from '@domain/schemas.js';
import { ApiError, errorText, get, post, qs } from '../../api';
import { formatDateTime } from '../../format';

type Kind = ImportJob['kind'];
type Action = ImportRow['action'];

const KIND_LABELS: Record<Kind, string> = {
  registrations: 'Mô hình, điển hình (kể cả các năm trước)',
  units: 'Đơn vị',
  users: 'Tài khoản người dùng',
};
const STATE_TAGS: Record<ImportJob['state'], { color: string; label: string }> = {
  queued: { color: 'default', label: 'Đang chờ đọc tệp' },
  reading: { color: 'processing', label: 'Đang đọc và kiểm tra' },
  ready: { color: 'blue', label: 'Đã kiểm tra, chờ xác nhận' },
  confirmed: { color: 'processing', label: 'Đã xác nhận, chờ ghi' },
  writing: { color: 'processing', label: 'Đang ghi dữ liệu' },
  done: { color: 'success', label: 'Đã ghi xong' },
  failed: { color: 'error', label: 'Không thành công' },
};
const ACTION_TAGS: Record<Action, { color: string; label: string }> = {
  create: { color: 'green', label: 'Thêm mới' },
  update: { color: 'blue', label: 'Cập nhật' },
  unchanged: { color: 'default', label: 'Không đổi' },
  rejected: { color: 'red', label: 'Bị từ chối' },
};
const CHARSETS: Record<string, string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI' };
const BUSY: ImportJob['state'][] = ['queued', 'reading', 'confirmed', 'writing'];
const PAGE_SIZE = 50;

/** Sends the file as the browser's form would; the answer is the job (202). */
async function upload(kind: Kind, file: File): Promise<ImportJob> {
  const form = new FormData();
  form.set('file', file, file.name);
  let res: Response;
  try {
    res = await fetch(`/api/v1/imports${qs({ kind })}`, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { 'accept-language': 'vi' },
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng rồi thử lại.');
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? 'HTTP', data?.error?.message ?? `Máy chủ báo lỗi (mã ${res.status}).`);
  return data as ImportJob;
}

/**
 * "Nhập từ Excel": choose what to import, download its template, send the file, follow the reading,
 * read the preview (rows to create, update, left unchanged, refused with the reason per row and
 * column, text converted from old Vietnamese fonts), download the error sheet, confirm. The job's id
 * is in the address, so a reload finds the same import where it is.
 */
export default function ImportPage() {
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const id = params.get('id');
  const [kind, setKind] = useState<Kind>('registrations');
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const me = queryClient.getQueryData<Me>(['me']);
  const kinds = (Object.keys(KIND_LABELS) as Kind[]).filter((k) => k !== 'users' || me?.capabilities.manageUsers);

  const job = useQuery({
    queryKey: ['import', id],
    queryFn: () => get<ImportJob>(`/imports/${id}`),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && BUSY.includes(q.state.data.state) ? 1000 : false),
  });
  const history = useQuery({
    queryKey: ['imports'],
    queryFn: () => get<{ items: ImportJob[]; total: number }>(`/imports${qs({ pageSize: 10 })}`),
    staleTime: 0,
    // Imports still being read or written move on by themselves.
    refetchInterval: (q) => (q.state.data?.items.some((j) => BUSY.includes(j.state)) ? 2000 : false),
  });

  async function send(file: File) {
    setSending(true);
    setError(null);
    try {
      const j = await upload(kind, file);
      setParams({ id: j.id });
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSending(false);
    }
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={<h2 style={{ margin: 0, fontSize: 20 }}>Nhập từ Excel</h2>}>
        <p style={{ color: '#555', marginTop: 0 }}>
          Chọn loại dữ liệu, tải mẫu, điền rồi gửi tệp (.xlsx hoặc .csv). Hệ thống đọc và kiểm tra từng dòng, cho xem trước; chỉ khi bạn xác
          nhận, mọi dòng mới được ghi cùng lúc (hoặc không dòng nào). Tệp gõ bằng phông cũ (.VnTime – TCVN3, VNI-Times) được tự chuyển sang
          Unicode.
        </p>
        <Space wrap>
          <Select<Kind>
            aria-label="Loại dữ liệu"
            value={kind}
            onChange={setKind}
            style={{ minWidth: 280 }}
            options={kinds.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          />
          <Button icon={<DownloadOutlined />} href={`/api/v1/imports/templates/${kind}`}>
            Tải mẫu Excel
          </Button>
          <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => (void send(f), false)} disabled={sending}>
            <Button type="primary" icon={<UploadOutlined />} loading={sending}>
              Chọn tệp và gửi
            </Button>
          </Upload>
        </Space>
        {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
      </Card>

      {id && job.error && <Alert type="error" showIcon title={errorText(job.error)} />}
      {id && job.data && <ImportResult job={job.data} onChanged={() => void queryClient.invalidateQueries({ queryKey: ['import', id] })} />}

      <Card title="Các lần nhập gần đây" size="small">
        <List
          dataSource={history.data?.items ?? []}
          locale={{ emptyText: 'Bạn chưa nhập tệp nào.' }}
          renderItem={(j) => (
            <List.Item
              actions={[
                <Link key="open" to={{ search: `?id=${encodeURIComponent(j.id)}` }}>
                  Xem
                </Link>,
              ]}
            >
              <List.Item.Meta
                title={j.fileName}
                description={
                  <>
                    {KIND_LABELS[j.kind]} · {formatDateTime(j.createdAt)} ·{' '}
                    <Tag color={STATE_TAGS[j.state].color}>{STATE_TAGS[j.state].label}</Tag>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}

function ImportResult({ job, onChanged }: { job: ImportJob; onChanged: () => void }) {
  const [action, setAction] = useState<Action | 'all'>(job.counts.rejected > 0 ? 'rejected' : 'all');
  const [page, setPage] = useState(1);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = !BUSY.includes(job.state) && job.state !== 'failed';
  const columns = useQuery({
    queryKey: ['import-columns', job.kind],
    queryFn: () => get<{ key: string; header: string }[]>(`/imports/columns/${job.kind}`),
    staleTime: Infinity,
  });
  const rows = useQuery({
    queryKey: ['import-rows', job.id, action, page, job.state],
    queryFn: () =>
      get<{ items: ImportRow[]; total: number }>(
        `/imports/${job.id}/rows${qs({ action: action === 'all' ? undefined : action, page, pageSize: PAGE_SIZE })}`,
      ),
    enabled: ready,
    staleTime: 0,
  });
  const converted = useQuery({
    queryKey: ['import-rows', job.id, 'conversions', job.state],
    queryFn: () => get<{ items: ImportRow[]; total: number }>(`/imports/${job.id}/rows${qs({ pageSize: 200 })}`),
    enabled: ready && job.notes.some((n) => n.includes('bảng mã')),
    staleTime: 0,
  });

  async function confirm() {
    setConfirming(true);
    setError(null);
    try {
      await post(`/imports/${job.id}/confirm`);
      onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setConfirming(false);
    }
  }

  const filled = new Set((rows.data?.items ?? []).flatMap((r) => Object.keys(r.cells).filter((k) => r.cells[k])));
  const shown = (columns.data ?? []).filter((c) => filled.has(c.key));
  const percent =
    job.state === 'writing' || job.state === 'done'
      ? job.counts.create + job.counts.update
        ? Math.round((100 * job.rowsWritten) / (job.counts.create + job.counts.update))
        : 100
      : 0;
  const conversions = (converted.data?.items ?? []).flatMap((r) => r.conversions.map((c) => ({ ...c, line: r.line, sheet: r.sheet })));

  return (
    <Card
      title={
        <span>
          {job.fileName} <Tag color={STATE_TAGS[job.state].color}>{STATE_TAGS[job.state].label}</Tag>
        </span>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="Loại">{KIND_LABELS[job.kind]}</Descriptions.Item>
        <Descriptions.Item label="Dòng đã đọc">{job.rowsRead.toLocaleString('vi-VN')}</Descriptions.Item>
        <Descriptions.Item label="Dòng đã kiểm tra">{job.rowsChecked.toLocaleString('vi-VN')}</Descriptions.Item>
        <Descriptions.Item label="Dòng đã ghi">{job.rowsWritten.toLocaleString('vi-VN')}</Descriptions.Item>
      </Descriptions>
      {BUSY.includes(job.state) && (
        <Progress percent={job.state === 'writing' ? percent : 99} status="active" showInfo={job.state === 'writing'} />
      )}
      {job.error && <Alert type="error" showIcon title={job.error} style={{ marginBottom: 12 }} />}
      {job.notes.length > 0 && (
        <ul style={{ color: '#555', paddingLeft: 18 }}>
          {job.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {ready && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            {(Object.keys(ACTION_TAGS) as Action[]).map((a) => (
              <Tag key={a} color={ACTION_TAGS[a].color}>
                {ACTION_TAGS[a].label}: {job.counts[a].toLocaleString('vi-VN')}
              </Tag>
            ))}
          </Space>
          {job.state === 'ready' && job.counts.rejected > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`Tệp còn ${job.counts.rejected.toLocaleString('vi-VN')} dòng lỗi nên chưa ghi được. Tải bảng lỗi, sửa các ô tô đỏ rồi gửi lại tệp.`}
            />
          )}
          {job.state === 'done' && (
            <Alert type="success" showIcon style={{ marginBottom: 12 }} title={`Đã ghi ${job.rowsWritten.toLocaleString('vi-VN')} dòng.`} />
          )}
          <Space wrap style={{ marginBottom: 12 }}>
            {job.counts.rejected > 0 && (
              <Button icon={<DownloadOutlined />} href={`/api/v1/imports/${job.id}/errors.xlsx`}>
                Tải bảng lỗi
              </Button>
            )}
            {job.canConfirm && (
              <Button type="primary" loading={confirming} onClick={() => void confirm()}>
                Xác nhận ghi {(job.counts.create + job.counts.update).toLocaleString('vi-VN')} dòng
              </Button>
            )}
          </Space>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          {conversions.length > 0 && (
            <Collapse
              style={{ marginBottom: 12 }}
              items={[
                {
                  key: 'conv',
                  label: `Chữ đã chuyển từ phông cũ sang Unicode (${conversions.length})`,
                  children: (
                    <Table
                      size="small"
                      rowKey={(c) => `${c.sheet}-${c.line}-${c.column}`}
                      pagination={false}
                      scroll={{ x: true }}
                      dataSource={conversions.slice(0, 50)}
                      columns={[
                        { title: 'Dòng', key: 'line', render: (_, c) => c.line },
                        { title: 'Cột', dataIndex: 'column' },
                        { title: 'Bảng mã', key: 'from', render: (_, c) => CHARSETS[c.from] ?? c.from },
                        { title: 'Trong tệp', dataIndex: 'before' },
                        { title: 'Đọc thành', dataIndex: 'after' },
                      ]}
                    />
                  ),
                },
              ]}
            />
          )}
          <Segmented<Action | 'all'>
            style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
            value={action}
            onChange={(v) => {
              setAction(v);
              setPage(1);
            }}
            options={[
              { value: 'all', label: 'Tất cả' },
              ...(Object.keys(ACTION_TAGS) as Action[]).map((a) => ({ value: a, label: ACTION_TAGS[a].label })),
            ]}
          />
          <Table<ImportRow>
            rowKey="n"
            size="small"
            loading={rows.isFetching && !rows.data}
            dataSource={rows.data?.items ?? []}
            pagination={false}
            scroll={{ x: true }}
            locale={{ emptyText: 'Không có dòng nào.' }}
            columns={[
              { title: 'Dòng', key: 'line', fixed: 'left', render: (_, r) => <span title={r.sheet}>{r.line}</span> },
              {
                title: 'Kết quả',
                key: 'action',
                render: (_, r) => <Tag color={ACTION_TAGS[r.action].color}>{ACTION_TAGS[r.action].label}</Tag>,
              },
              {
                title: 'Lý do',
                key: 'problems',
                render: (_, r) =>
                  r.problems.length ? (
                    <ul style={{ margin: 0, paddingLeft: 16, color: '#a8071a', minWidth: 240 }}>
                      {r.problems.map((p, i) => (
                        <li key={i}>{p.text}</li>
                      ))}
                    </ul>
                  ) : null,
              },
              ...shown.map((c) => ({
                title: c.header,
                key: c.key,
                render: (_: unknown, r: ImportRow) => {
                  const bad = r.problems.some((p) => p.key === c.key);
                  return <span style={bad ? { background: '#ffc7ce', padding: '0 4px' } : undefined}>{r.cells[c.key]}</span>;
                },
              })),
            ]}
          />
          {rows.data && rows.data.total > PAGE_SIZE && (
            <Pagination
              current={page}
              pageSize={PAGE_SIZE}
              total={rows.data.total}
              showSizeChanger={false}
              onChange={setPage}
              style={{ marginTop: 12 }}
            />
          )}
        </>
      )}
    </Card>
  );
}
