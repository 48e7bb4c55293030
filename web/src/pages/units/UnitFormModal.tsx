import { useEffect } from 'react';
import { Form, Input, Modal, Select } from 'antd';
import type { Unit } from '@domain/schemas.js';
import { UNIT_KIND_LABELS, UNIT_LEVEL_LABELS } from '@domain/unit-kinds.js';
import { ApiError, patch, post } from '../../api';

const kindOptions = Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }));
const levelOptions = Object.entries(UNIT_LEVEL_LABELS).map(([value, label]) => ({ value, label }));

interface Props {
  open: boolean;
  /** Create under this parent, or edit this unit. */
  mode: { kind: 'create'; parent: Unit } | { kind: 'edit'; unit: Unit };
  onClose: () => void;
  onSaved: (unit: Unit) => void;
}

const FIELD_OF_ERROR: Record<string, string> = { UNIT_CODE_TAKEN: 'code' };

export function UnitFormModal({ open, mode, onClose, onSaved }: Props) {
  const [form] = Form.useForm();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (mode.kind === 'edit') {
      const u = mode.unit;
      form.setFieldsValue({ code: u.code, name: u.name, kind: u.kind, level: u.level, address: u.address ?? '' });
    } else {
      form.setFieldsValue({ level: mode.parent.kind === 'province' ? 'commune' : 'grassroots' });
    }
  }, [open, mode, form]);

  async function save() {
    const v = await form.validateFields();
    try {
      const saved =
        mode.kind === 'create'
          ? await post<Unit>('/units', { ...v, parentId: mode.parent.id, address: v.address || null })
          : await patch<Unit>(`/units/${mode.unit.id}`, { ...v, version: mode.unit.version, address: v.address || null });
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError) {
        const field = FIELD_OF_ERROR[e.code];
        if (field) form.setFields([{ name: field, errors: [e.message] }]);
        else Modal.error({ title: 'Chưa lưu được', content: e.message });
      }
    }
  }

  return (
    <Modal
      open={open}
      title={mode.kind === 'create' ? `Thêm đơn vị trực thuộc ${mode.parent.name}` : `Sửa đơn vị ${mode.unit.name}`}
      okText={mode.kind === 'create' ? 'Thêm đơn vị' : 'Lưu thay đổi'}
      cancelText="Hủy"
      onOk={save}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" requiredMark="optional" name="unit-form">
        <Form.Item label="Tên đơn vị" name="name" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đơn vị' }, { max: 200, message: 'Tên quá dài (tối đa 200 ký tự)' }]}>
          <Input placeholder="Ví dụ: Chi hội Phụ nữ ấp Tân Hòa" />
        </Form.Item>
        <Form.Item
          label="Mã đơn vị"
          name="code"
          extra="Chữ không dấu, số, dấu chấm hoặc gạch ngang; không trùng với đơn vị khác."
          rules={[{ required: true, message: 'Vui lòng nhập mã đơn vị' }, { pattern: /^[A-Za-z0-9._-]+$/, message: 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang' }]}
        >
          <Input placeholder="Ví dụ: X00834-CHPN-TH" />
        </Form.Item>
        <Form.Item label="Loại hình" name="kind" rules={[{ required: true, message: 'Vui lòng chọn loại hình' }]}>
          <Select options={kindOptions} placeholder="Chọn loại hình đơn vị" showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item label="Cấp" name="level" rules={[{ required: true, message: 'Vui lòng chọn cấp' }]}>
          <Select options={levelOptions} />
        </Form.Item>
        <Form.Item label="Địa chỉ" name="address">
          <Input placeholder="Không bắt buộc" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
