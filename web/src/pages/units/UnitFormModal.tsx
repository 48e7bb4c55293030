import { useEffect } from 'react';
import { Form, Input, Select } from 'antd';
import type { Unit } from '@domain/schemas.js';
import { UNIT_KIND_LABELS, UNIT_LEVEL_LABELS } from '@domain/unit-kinds.js';
import { patch, post } from '../../api';
import { useFormSubmit } from '../../components/useFormSubmit';
import { FormModal } from '../../components/FormModal';
import { showOnFields } from '../../components/formErrors';
import { matchFolded } from '../../components/selectFilter';

const kindOptions = Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }));
const levelOptions = Object.entries(UNIT_LEVEL_LABELS).map(([value, label]) => ({ value, label }));
const FIELDS = ['name', 'code', 'kind', 'level', 'address'];
const FIELD_OF_CODE: Record<string, string> = { UNIT_CODE_TAKEN: 'code' };

interface Props {
  open: boolean;
  /** Create under this parent, or edit this unit. */
  mode: { kind: 'create'; parent: Unit } | { kind: 'edit'; unit: Unit };
  onClose: () => void;
  onSaved: (unit: Unit) => void;
  /** Someone else changed the unit meanwhile: reload it. */
  onStale: () => void;
}

interface Values {
  name: string;
  code: string;
  kind: Unit['kind'];
  level: Unit['level'];
  address?: string;
}

export function UnitFormModal({ open, mode, onClose, onSaved, onStale }: Props) {
  const [form] = Form.useForm<Values>();
  // The form shows what is missing; a refusal about one field (a code in use) is shown on that field.
  const {
    submit: save,
    busy,
    error,
    setError,
  } = useFormSubmit(
    form,
    (v, opts) => {
      const body = { ...v, name: v.name.trim(), code: v.code.trim(), address: v.address?.trim() || null };
      return mode.kind === 'create'
        ? post<Unit>('/units', { ...body, parentId: mode.parent.id }, opts)
        : patch<Unit>(`/units/${mode.unit.id}`, { ...body, version: mode.unit.version }, opts);
    },
    {
      fallback: 'Chưa lưu được. Vui lòng thử lại.',
      onStale,
      onSuccess: onSaved,
      onError: (e) => showOnFields(form, e, FIELD_OF_CODE, FIELDS),
    },
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setError(null);
    if (mode.kind === 'edit') {
      const u = mode.unit;
      form.setFieldsValue({ code: u.code, name: u.name, kind: u.kind, level: u.level, address: u.address ?? '' });
    } else {
      form.setFieldsValue({ level: mode.parent.kind === 'province' ? 'commune' : 'grassroots' });
    }
  }, [open, mode, form, setError]);

  return (
    <FormModal
      open={open}
      title={mode.kind === 'create' ? 'Thêm đơn vị trực thuộc' : 'Sửa thông tin đơn vị'}
      sub={mode.kind === 'create' ? mode.parent.name : mode.unit.name}
      okText={mode.kind === 'create' ? 'Thêm đơn vị' : 'Lưu thay đổi'}
      onOk={save}
      busy={busy}
      onClose={onClose}
      error={error}
      width={560}
    >
      <Form form={form} layout="vertical" requiredMark="optional" name="unit-form" style={{ marginTop: 12 }}>
        <Form.Item
          label="Tên đơn vị"
          name="name"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập tên đơn vị' },
            { max: 200, message: 'Tên quá dài (tối đa 200 ký tự)' },
          ]}
        >
          <Input placeholder="Ví dụ: Chi hội Phụ nữ ấp Tân Hòa" />
        </Form.Item>
        <Form.Item
          label="Mã đơn vị"
          name="code"
          extra="Chữ không dấu, số, dấu chấm hoặc gạch ngang; không trùng với đơn vị khác."
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập mã đơn vị' },
            { pattern: /^\s*[A-Za-z0-9._-]+\s*$/, message: 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang (không có dấu cách)' },
            { max: 40, message: 'Mã quá dài (tối đa 40 ký tự)' },
          ]}
        >
          <Input placeholder="Ví dụ: X29266-CHPN-TH" autoCapitalize="characters" spellCheck={false} />
        </Form.Item>
        <Form.Item label="Loại hình" name="kind" rules={[{ required: true, message: 'Vui lòng chọn loại hình' }]}>
          <Select options={kindOptions} placeholder="Chọn loại hình đơn vị" showSearch={{ filterOption: matchFolded }} />
        </Form.Item>
        <Form.Item label="Cấp" name="level" rules={[{ required: true, message: 'Vui lòng chọn cấp' }]}>
          <Select options={levelOptions} placeholder="Chọn cấp" />
        </Form.Item>
        <Form.Item label="Địa chỉ" name="address" rules={[{ max: 300, message: 'Địa chỉ quá dài (tối đa 300 ký tự)' }]}>
          <Input placeholder="Không bắt buộc" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
