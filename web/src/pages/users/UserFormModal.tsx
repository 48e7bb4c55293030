import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import type { User } from '@domain/schemas.js';
import { ROLE_LABELS } from '@domain/roles.js';
import { ApiError, patch, post } from '../../api';
import { UnitPicker } from '../../components/UnitPicker';

const roleOptions = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));
const FIELD_OF_ERROR: Record<string, string> = { USERNAME_TAKEN: 'username', WEAK_PASSWORD: 'password', SCOPE_INVALID: 'entryUnitId' };

export function UserFormModal({ user, onClose, onSaved }: { user: User | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const editing = user !== null;
  useEffect(() => {
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        fullName: user.fullName, position: user.position ?? '', role: user.role,
        unitId: user.unit.id, entryUnitId: user.entryScope?.id ?? null, viewUnitId: user.viewScope.id,
      });
    }
  }, [user, form]);

  async function save() {
    const v = await form.validateFields();
    const body = { ...v, position: v.position || null, entryUnitId: v.entryUnitId ?? null };
    try {
      if (user) await patch(`/users/${user.id}`, { ...body, version: user.version });
      else await post('/users', body);
      onSaved();
    } catch (e) {
      if (e instanceof ApiError) {
        const field = FIELD_OF_ERROR[e.code];
        if (field) form.setFields([{ name: field, errors: [e.message] }]);
        else Modal.error({ title: 'Chưa lưu được', content: e.message });
      }
    }
  }

  return (
    <Modal open title={editing ? `Sửa tài khoản ${user.username}` : 'Thêm người dùng'} okText={editing ? 'Lưu' : 'Tạo tài khoản'} cancelText="Hủy" onOk={save} onCancel={onClose} width={600} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark="optional" name="user-form">
        {!editing && (
          <Form.Item label="Tên đăng nhập" name="username" extra="Chữ thường không dấu, số, dấu chấm hoặc gạch." rules={[{ required: true, message: 'Vui lòng nhập tên đăng nhập' }, { pattern: /^[a-z0-9._-]+$/, message: 'Chỉ gồm chữ thường không dấu, số, dấu chấm, gạch' }]}>
            <Input autoCapitalize="none" placeholder="ví dụ: nguyenvana.canglong" />
          </Form.Item>
        )}
        <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập họ và tên' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="Chức vụ" name="position">
          <Input placeholder="Không bắt buộc" />
        </Form.Item>
        <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: 'Vui lòng chọn vai trò' }]}>
          <Select options={roleOptions} />
        </Form.Item>
        <Form.Item label="Đơn vị công tác" name="unitId" rules={[{ required: true, message: 'Vui lòng chọn đơn vị công tác' }]}>
          <UnitPicker initialLabel={user?.unit.name} />
        </Form.Item>
        <Form.Item label="Phạm vi xem (đơn vị và cấp dưới)" name="viewUnitId" rules={[{ required: true, message: 'Vui lòng chọn phạm vi xem' }]}>
          <UnitPicker initialLabel={user?.viewScope.name} />
        </Form.Item>
        <Form.Item label="Phạm vi nhập liệu (để trống nếu chỉ xem)" name="entryUnitId" extra="Phải nằm trong phạm vi xem.">
          <UnitPicker allowClear initialLabel={user?.entryScope?.name} />
        </Form.Item>
        {!editing && (
          <Form.Item label="Mật khẩu ban đầu" name="password" extra="Ít nhất 8 ký tự, gồm chữ và số. Người dùng sẽ phải đổi mật khẩu ở lần đăng nhập đầu." rules={[{ required: true, message: 'Vui lòng nhập mật khẩu ban đầu' }, { min: 8, message: 'Ít nhất 8 ký tự' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
