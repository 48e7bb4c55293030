import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import type { User } from '@domain/schemas.js';
import { ROLE_LABELS } from '@domain/roles.js';
import { patch, post } from '../../api';
import { useFormSubmit } from '../../components/useFormSubmit';
import { ModalTitle } from '../../components/ModalTitle';
import { showOnFields } from '../../components/formErrors';
import { newPasswordRules, PASSWORD_HINT } from '../../components/passwordRules';
import { UnitPicker } from '../../components/UnitPicker';

const roleOptions = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));
const FIELDS = ['username', 'fullName', 'position', 'role', 'unitId', 'viewUnitId', 'entryUnitId', 'password'];
const FIELD_OF_CODE: Record<string, string> = { USERNAME_TAKEN: 'username', WEAK_PASSWORD: 'password', SCOPE_INVALID: 'entryUnitId' };

interface Values {
  username?: string;
  fullName: string;
  position?: string;
  role: User['role'];
  unitId: string;
  viewUnitId: string;
  entryUnitId?: string | null;
  password?: string;
}

export function UserFormModal({ user, onClose, onSaved }: { user: User | null; onClose: () => void; onSaved: (u: User) => void }) {
  const [form] = Form.useForm<Values>();
  const editing = user !== null;

  useEffect(() => {
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        fullName: user.fullName,
        position: user.position ?? '',
        role: user.role,
        unitId: user.unit.id,
        entryUnitId: user.entryScope?.id ?? null,
        viewUnitId: user.viewScope.id,
      });
    }
  }, [user, form]);

  /** A new account usually sees and writes where it works: fill the scopes from the unit. */
  function unitChosen(id: string | null) {
    if (editing || !id) return;
    if (!form.getFieldValue('viewUnitId')) form.setFieldValue('viewUnitId', id);
    if (!form.getFieldValue('entryUnitId') && form.getFieldValue('role') !== 'viewer') form.setFieldValue('entryUnitId', id);
  }

  // The form shows what is missing; a refusal about one field is shown on that field.
  const {
    submit: save,
    busy,
    error,
  } = useFormSubmit(
    form,
    (v, opts) => {
      const body = { ...v, fullName: v.fullName.trim(), position: v.position?.trim() || null, entryUnitId: v.entryUnitId ?? null };
      return user ? patch<User>(`/users/${user.id}`, { ...body, version: user.version }, opts) : post<User>('/users', body, opts);
    },
    { fallback: 'Chưa lưu được. Vui lòng thử lại.', onSuccess: onSaved, onError: (e) => showOnFields(form, e, FIELD_OF_CODE, FIELDS) },
  );

  return (
    <Modal
      open
      title={
        editing ? <ModalTitle main="Sửa tài khoản" sub={`${user.fullName} (${user.username})`} /> : <ModalTitle main="Thêm người dùng" />
      }
      okText={editing ? 'Lưu thay đổi' : 'Tạo tài khoản'}
      cancelText="Hủy"
      onOk={save}
      confirmLoading={busy}
      onCancel={onClose}
      width={600}
      destroyOnHidden
      maskClosable={false}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark="optional" name="user-form" style={{ marginTop: 12 }}>
        {!editing && (
          <Form.Item
            label="Tên đăng nhập"
            name="username"
            extra="Chữ thường không dấu, số, dấu chấm hoặc gạch; không đổi được sau khi tạo."
            rules={[
              { required: true, message: 'Vui lòng nhập tên đăng nhập' },
              { pattern: /^[a-z0-9._-]+$/, message: 'Chỉ gồm chữ thường không dấu, số, dấu chấm, gạch (không có dấu cách)' },
              { max: 60, message: 'Tối đa 60 ký tự' },
            ]}
          >
            <Input autoCapitalize="none" autoCorrect="off" spellCheck={false} placeholder="Ví dụ: nguyenvana.canglong" />
          </Form.Item>
        )}
        <Form.Item
          label="Họ và tên"
          name="fullName"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập họ và tên' },
            { max: 120, message: 'Tối đa 120 ký tự' },
          ]}
        >
          <Input placeholder="Ví dụ: Nguyễn Văn An" />
        </Form.Item>
        <Form.Item label="Chức vụ" name="position" rules={[{ max: 120, message: 'Tối đa 120 ký tự' }]}>
          <Input placeholder="Không bắt buộc" />
        </Form.Item>
        <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: 'Vui lòng chọn vai trò' }]}>
          <Select options={roleOptions} placeholder="Chọn vai trò" />
        </Form.Item>
        <Form.Item label="Đơn vị công tác" name="unitId" rules={[{ required: true, message: 'Vui lòng chọn đơn vị công tác' }]}>
          <UnitPicker initialLabel={user?.unit.name} onChange={unitChosen} />
        </Form.Item>
        <Form.Item
          label="Phạm vi xem"
          name="viewUnitId"
          extra="Người dùng xem được đơn vị này và mọi đơn vị trực thuộc."
          rules={[{ required: true, message: 'Vui lòng chọn phạm vi xem' }]}
        >
          <UnitPicker initialLabel={user?.viewScope.name} />
        </Form.Item>
        <Form.Item
          label="Phạm vi nhập liệu"
          name="entryUnitId"
          extra="Phải nằm trong phạm vi xem. Để trống nếu người dùng chỉ xem, không nhập liệu."
        >
          <UnitPicker allowClear initialLabel={user?.entryScope?.name} />
        </Form.Item>
        {!editing && (
          <Form.Item
            label="Mật khẩu ban đầu"
            name="password"
            extra={`${PASSWORD_HINT} Người dùng sẽ phải đổi mật khẩu ở lần đăng nhập đầu.`}
            rules={newPasswordRules.map((r) =>
              typeof r === 'object' && 'required' in r ? { ...r, message: 'Vui lòng nhập mật khẩu ban đầu' } : r,
            )}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
