import { useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Modal } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import type { Registration } from '@domain/movement-schemas.js';
import type { Paper } from '@domain/paper-schemas.js';
import { post } from '../../../api';
import { ModalTitle } from '../../../components/ModalTitle';
import { useAction } from '../../../components/useAction';

interface Values {
  autoNumber: boolean;
  number?: string;
  place: string;
  title?: string;
  name?: string;
}

/**
 * "Phiếu đăng ký": the registering unit issues the form of its registration (numbered by DVK or by
 * hand) and downloads it to sign and stamp. Shown only when the record says this user may issue it.
 */
export function RegistrationFormPaper({ r, size }: { r: Registration; size: 'large' | 'middle' }) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const auto = Form.useWatch('autoNumber', form);
  const issue = useAction((body: Record<string, unknown>, opts) => post<Paper>('/papers', body, opts), {
    onSuccess: (p: Paper) => {
      setOpen(false);
      window.location.assign(`/api/v1/papers/${p.id}/docx`);
    },
  });
  if (!r.papers.includes('registration_form')) return null;
  const submit = async () => {
    const v = await form.validateFields();
    await issue.run({
      kind: 'registration_form',
      registrationId: r.id,
      autoNumber: v.autoNumber,
      number: v.autoNumber ? undefined : v.number || undefined,
      place: v.place,
      signer: { title: v.title || undefined, name: v.name || undefined },
    });
  };
  return (
    <>
      <Button size={size} icon={<FileWordOutlined />} onClick={() => setOpen(true)}>
        Phiếu đăng ký
      </Button>
      {open && (
        <Modal
          open
          title={<ModalTitle main="Lập phiếu đăng ký" sub={r.title} />}
          okText="Lập và tải về"
          cancelText="Hủy"
          confirmLoading={issue.busy}
          onCancel={() => setOpen(false)}
          onOk={() => void submit()}
        >
          {issue.error && <Alert type="error" showIcon title={issue.error} style={{ marginBottom: 12 }} />}
          <Form form={form} layout="vertical" initialValues={{ autoNumber: true }}>
            <Form.Item name="autoNumber" valuePropName="checked">
              <Checkbox>Lấy số tiếp theo của đơn vị</Checkbox>
            </Form.Item>
            {!auto && (
              <Form.Item name="number" label="Số (để trống để ghi tay)">
                <Input maxLength={60} />
              </Form.Item>
            )}
            <Form.Item name="place" label="Địa danh" rules={[{ required: true, whitespace: true, message: 'Nhập địa danh.' }]}>
              <Input maxLength={120} placeholder="Ví dụ: Càng Long" />
            </Form.Item>
            <Form.Item name="title" label="Chức vụ người ký">
              <Input maxLength={200} placeholder="Ví dụ: CHI HỘI TRƯỞNG" />
            </Form.Item>
            <Form.Item name="name" label="Họ và tên người ký">
              <Input maxLength={120} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
