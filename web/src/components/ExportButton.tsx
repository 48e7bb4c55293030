import { useEffect, useState } from 'react';
import { Alert, Button, Progress, Space } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import type { ExportJob } from '@domain/report-schemas.js';
import { Link } from 'react-router';
import { errorText, get, post } from '../api';

/** Exports a list with its filters to Excel as a background job, showing its progress, then downloads it. */
export function ExportButton({ filter }: { filter: Record<string, unknown> }) {
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = job && (job.state === 'queued' || job.state === 'running');

  useEffect(() => {
    if (!job || !running) return;
    const t = setTimeout(async () => {
      try {
        const next = await get<ExportJob>(`/exports/${job.id}`);
        setJob(next);
        if (next.state === 'done') window.location.assign(`/api/v1/exports/${next.id}/file`);
        if (next.state === 'failed') setError(next.error ?? 'Không tạo được tệp. Vui lòng thử xuất lại.');
      } catch (e) {
        setError(errorText(e));
        setJob(null);
      }
    }, 700);
    return () => clearTimeout(t);
  }, [job, running]);

  async function start() {
    setError(null);
    try {
      setJob(await post<ExportJob>('/exports', { kind: 'registrations', filter }));
    } catch (e) {
      setError(errorText(e));
    }
  }

  const percent = job?.total ? Math.round((job.progress / job.total) * 100) : 0;
  return (
    <Space orientation="vertical" size={4}>
      <Button icon={<FileExcelOutlined />} onClick={start} loading={!!running}>
        Xuất Excel
      </Button>
      {running && <Progress percent={percent} size="small" style={{ width: 200 }} format={() => `${job.progress}/${job.total ?? '…'}`} />}
      {job?.state === 'done' && <a href={`/api/v1/exports/${job.id}/file`}>Tải lại tệp {job.fileName}</a>}
      {job && <Link to="/tep-da-xuat">Xem các tệp đã xuất</Link>}
      {error && <Alert type="error" showIcon title={error} />}
    </Space>
  );
}
