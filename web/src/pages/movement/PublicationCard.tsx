import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Image, Input, Modal, Popconfirm, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Inspection } from '@domain/inspection-schemas.js';
import { GlobalOutlined } from '@ant-design/icons';
import type { Registration } from '@domain/movement-schemas.js';
import { api, errorText, get, put } from '../../api';
import { useAction } from '../../components/useAction';
import { formatDate } from '../../format';

const MIN = 20;

/**
 * Whether a recognised model is on the public showcase. An officer publishes it with a summary
 * written for the public, edits that summary, or takes it down.
 */
export function PublicationCard({
  r,
  size,
  mobile,
  onChanged,
}: {
  r: Registration;
  size: 'large' | 'middle';
  mobile: boolean;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState('');
  // the photos the public sees: only those the officer ticks
  const [chosen, setChosen] = useState<string[]>([]);
  const pub = r.publication;
  const inspections = useQuery({
    queryKey: ['inspections', r.id],
    queryFn: () => get<Inspection[]>(`/registrations/${r.id}/inspections`),
    enabled: open,
  });
  const photos = (inspections.data ?? []).flatMap((i) =>
    i.files.filter((f) => f.mime.startsWith('image/')).map((f) => ({ ...f, inspectedOn: i.inspectedOn })),
  );
  const publish = useAction((text: string, opts) => put(`/registrations/${r.id}/publication`, { summary: text, photoIds: chosen }, opts), {
    onSuccess: () => {
      message.success(pub ? 'Đã cập nhật phần giới thiệu trên trang công khai.' : 'Đã công khai mô hình cho nhân dân xem.');
      setOpen(false);
      onChanged();
    },
  });
  const withdraw = useAction((_: void) => api('DELETE', `/registrations/${r.id}/publication`), {
    onSuccess: () => {
      message.success('Đã thôi công khai mô hình này.');
      onChanged();
    },
    onError: (e) => {
      message.error(errorText(e));
      return true;
    },
  });
  const may = r.actions.includes('publish');
  if (!may && !pub) return null;

  function edit() {
    setSummary(pub?.summary ?? '');
    setChosen(pub?.photoIds ?? []);
    publish.setError(null);
    setOpen(true);
  }

  const left = MIN - summary.trim().length;
  return (
    <Card title="Công khai cho nhân dân" styles={{ body: { padding: mobile ? 12 : 16 } }}>
      {pub ? (
        <>
          <div style={{ marginBottom: 8 }}>
            Đang hiện trên trang “Mô hình tiêu biểu” từ ngày {formatDate(pub.publishedAt)}:{' '}
            <a href={pub.url} target="_blank" rel="noreferrer">
              mở trang công khai
            </a>
          </div>
          <Typography.Paragraph
            ellipsis={{ rows: 3, expandable: true, symbol: 'xem thêm' }}
            style={{ whiteSpace: 'pre-line', color: '#595959' }}
          >
            {pub.summary}
          </Typography.Paragraph>
        </>
      ) : (
        <div style={{ color: '#666', marginBottom: 8 }}>Mô hình chưa được công khai.</div>
      )}
      {may && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <Button size={size} type={pub ? 'default' : 'primary'} icon={<GlobalOutlined />} onClick={edit}>
            {pub ? 'Sửa phần giới thiệu' : 'Công khai cho nhân dân'}
          </Button>
          {pub && (
            <Popconfirm
              title="Thôi công khai mô hình này?"
              description="Trang công khai và ảnh của mô hình sẽ không còn xem được."
              okText="Thôi công khai"
              cancelText="Không"
              onConfirm={() => withdraw.run()}
            >
              <Button size={size} danger loading={withdraw.busy}>
                Thôi công khai
              </Button>
            </Popconfirm>
          )}
        </div>
      )}
      <Modal
        open={open}
        title="Công khai trên trang “Mô hình tiêu biểu”"
        onCancel={() => setOpen(false)}
        destroyOnHidden
        okText={pub ? 'Lưu' : 'Công khai'}
        cancelText="Hủy"
        confirmLoading={publish.busy}
        okButtonProps={{ disabled: left > 0, size }}
        cancelButtonProps={{ size }}
        onOk={() => void publish.run(summary)}
      >
        <p>
          Trang công khai hiện tên mô hình, đơn vị, lĩnh vực, thời gian, ảnh, tiêu chí và mức hoàn thành, quyết định công nhận, khen thưởng
          và đoạn giới thiệu dưới đây. Với điển hình cá nhân, hiện họ tên và chức vụ của người được công nhận. Không hiện cán bộ xử lý, ý
          kiến nội bộ, nhận xét kiểm tra hay biểu quyết.
        </p>
        {publish.error && <Alert type="error" showIcon title={publish.error} style={{ marginBottom: 8 }} />}
        <Input.TextArea
          aria-label="Giới thiệu cho nhân dân"
          autoSize={{ minRows: 5, maxRows: 14 }}
          value={summary}
          maxLength={5000}
          showCount
          onChange={(e) => setSummary(e.target.value)}
          style={{ fontSize: 16 }}
          placeholder="Giới thiệu mô hình cho người dân: làm gì, ở đâu, kết quả ra sao"
        />
        {left > 0 && <div style={{ color: '#666', marginTop: 4 }}>Viết thêm ít nhất {left} ký tự.</div>}
        <div style={{ fontWeight: 600, margin: '12px 0 4px' }}>Ảnh được công khai</div>
        {photos.length === 0 ? (
          <div style={{ color: '#666' }}>{inspections.isPending ? 'Đang tải ảnh…' : 'Mô hình chưa có ảnh minh chứng.'}</div>
        ) : (
          <>
            <div style={{ color: '#666', marginBottom: 4 }}>
              Chỉ những ảnh được chọn mới hiện trên trang công khai (đã bỏ thông tin vị trí, người chụp).
            </div>
            <Checkbox.Group value={chosen} onChange={(v) => setChosen(v)} style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
              {photos.map((f) => (
                <Checkbox key={f.id} value={f.id} aria-label={`Công khai ảnh ${f.fileName}`}>
                  <Image
                    src={`/api/v1/files/${f.id}?size=thumb`}
                    preview={{ src: `/api/v1/files/${f.id}` }}
                    alt={f.fileName}
                    width={96}
                    height={72}
                    style={{ objectFit: 'cover', borderRadius: 4 }}
                  />
                  <div style={{ fontSize: 12, color: '#666' }}>{formatDate(f.inspectedOn)}</div>
                </Checkbox>
              ))}
            </Checkbox.Group>
          </>
        )}
      </Modal>
    </Card>
  );
}
