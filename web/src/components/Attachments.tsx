import { useState } from 'react';
import { Alert, Button, Card, Select, Space, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ATTACHMENT_CATEGORIES, ATTACHMENT_ROUTES, type AttachmentKind } from '@domain/attachments.js';
import type { Attachment } from '@domain/attachments.js';
import { errorText, get } from '../api';
import { formatDate } from '../format';

/** What the file pickers offer: photos, PDF, Word and Excel documents (the server checks the content). */
export const ACCEPTED_FILES =
  'image/jpeg,image/png,image/gif,image/webp,application/pdf,.docx,.xlsx,' +
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const sizeText = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

/** "Tệp đính kèm" of a record: the list, and for those who may change the record, an upload by category. */
export function Attachments({ kind, recordId }: { kind: AttachmentKind; recordId: string }) {
  const base = `/${ATTACHMENT_ROUTES[kind]}/${recordId}/attachments`;
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['attachments', kind, recordId],
    queryFn: () => get<{ items: Attachment[]; mayAttach: boolean }>(base),
    staleTime: 0,
  });
  const categories = Object.entries(ATTACHMENT_CATEGORIES[kind]) as [string, string][];
  const [category, setCategory] = useState(categories[0]![0]);
  const [refused, setRefused] = useState<string | null>(null);
  return (
    <Card title="Tệp đính kèm" size="small" className="gap-above-8" data-testid={`attachments-${kind}`}>
      {list.error ? <Alert type="error" showIcon title={errorText(list.error)} /> : null}
      {list.data && list.data.items.length === 0 ? <p className="muted">Chưa có tệp đính kèm.</p> : null}
      <ul className="plain-list">
        {list.data?.items.map((a) => (
          <li key={a.id}>
            <PaperClipOutlined /> <a href={`/api/v1/attachments/${a.id}`}>{a.fileName}</a>{' '}
            <span className="muted">
              — {a.categoryLabel}, {sizeText(a.sizeBytes)}, {a.uploadedByName}, {formatDate(a.createdAt)}
            </span>
          </li>
        ))}
      </ul>
      {list.data?.mayAttach ? (
        <Space wrap className="gap-above-8">
          <Select
            aria-label="Loại tệp"
            value={category}
            onChange={setCategory}
            options={categories.map(([value, label]) => ({ value, label }))}
            style={{ minWidth: 220 }}
          />
          <Upload
            name="file"
            action={`/api/v1${base}?category=${category}`}
            withCredentials
            headers={{ 'accept-language': 'vi' }}
            accept={ACCEPTED_FILES}
            showUploadList={false}
            onChange={(info) => {
              if (info.file.status === 'done') {
                setRefused(null);
                void client.invalidateQueries({ queryKey: ['attachments', kind, recordId] });
              }
              if (info.file.status === 'error') {
                const said = (info.file.response as { error?: { message?: string } } | undefined)?.error?.message;
                setRefused(said ?? `Không tải lên được tệp "${info.file.name}". Vui lòng thử lại.`);
              }
            }}
          >
            <Button icon={<UploadOutlined />}>Đính kèm tệp</Button>
          </Upload>
          <span className="muted">Ảnh, PDF, Word, Excel; tối đa 20 MB mỗi tệp</span>
        </Space>
      ) : null}
      {refused ? <Alert type="error" showIcon title={refused} className="gap-above-8" /> : null}
    </Card>
  );
}
