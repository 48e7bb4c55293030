import { useState } from 'react';
import { App, Form, Input, Modal } from 'antd';
import type { User } from '@domain/schemas.js';
import { errorText, post } from '../../api';
import { ModalTitle } from '../../components/ModalTitle';
import { newPasswordRules, PASSWORD_HINT } from '../../components/passwordRules';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const [busy, setBusy] = useState(false);

  async function save() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is missing
    setBusy(true);
    try {
      await post(`/users/${user.id}/reset-password`, { newPassword: v.newPassword });
      message.success(`Đã đặt lại mật khẩu cho ${user.fullName}. Người dùng sẽ phải đổi mật khẩu khi đăng nhập.`);
      onClose();
    } catch (e) {
      form.setFields([{ name: 'newPassword', errors: [errorText(e)] }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={<ModalTitle main="Đặt lại mật khẩu" sub={`${user.fullName} (${user.username})`} />}
      okText="Đặt lại mật khẩu"
      cancelText="Hủy"
      onOk={save}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <Form form={form} layout="vertical" style={{ marginTop: 12 }} name="reset-password">
        <Form.Item
          label="Mật khẩu mới"
          name="newPassword"
          extra={`${PASSWORD_HINT} Hãy báo mật khẩu này cho người dùng một cách an toàn; họ sẽ phải đổi ở lần đăng nhập tới.`}
          rules={newPasswordRules}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
