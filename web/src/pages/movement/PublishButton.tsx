import { useState } from 'react';
import { Alert, App, Button, Input, Modal } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { errorText, api } from '../../api';

/** Shows a recognised model on the public showcase with a summary written for the public, or takes it down. */
export function PublishButton({ registrationId, size }: { registrationId: string; size: 'large' | 'middle' }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [summary, setSummary] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(method: 'PUT' | 'DELETE') {
    setBusy(true);
    setError(null);
    try {
      if (method === 'PUT') {
        const r = await api<{ url: string }>('PUT', `/registrations/${registrationId}/publication`, { summary });
        message.success('Đã công khai. Mở trang công khai để xem.');
        window.open(r.url, '_blank');
      } else {
        await api('DELETE', `/registrations/${registrationId}/publication`);
        message.success('Đã thôi công khai mô hình này.');
      }
      setOpen(false);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button size={size} icon={<GlobalOutlined />} onClick={() => setOpen(true)}>Công khai cho nhân dân</Button>
      <Modal open={open} title="Công khai trên trang “Mô hình tiêu biểu”" onCancel={() => setOpen(false)} destroyOnHidden
        footer={[
          <Button key="off" danger loading={busy} onClick={() => void run('DELETE')}>Thôi công khai</Button>,
          <Button key="on" type="primary" loading={busy} disabled={summary.trim().length < 20} onClick={() => void run('PUT')}>Công khai</Button>,
        ]}>
        <p>Trang công khai chỉ hiện tên mô hình, đơn vị, lĩnh vực, thời gian, ảnh, quyết định công nhận, khen thưởng và đoạn giới thiệu dưới đây; không hiện tên người, ý kiến nội bộ hay biểu quyết.</p>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
        <Input.TextArea aria-label="Giới thiệu cho nhân dân" autoSize={{ minRows: 5, maxRows: 14 }} value={summary} onChange={(e) => setSummary(e.target.value)}
          placeholder="Giới thiệu mô hình cho người dân: làm gì, ở đâu, kết quả ra sao (ít nhất 20 ký tự)" style={{ fontSize: 16 }} />
      </Modal>
    </>
  );
}
