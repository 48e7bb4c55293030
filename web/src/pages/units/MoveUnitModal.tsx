import { useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import type { Unit } from '@domain/schemas.js';
import { ApiError, post } from '../../api';
import { UnitPicker } from '../../components/UnitPicker';

export function MoveUnitModal({ unit, open, onClose, onMoved }: { unit: Unit; open: boolean; onClose: () => void; onMoved: (u: Unit) => void }) {
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    if (!target) {
      setError('Vui lòng chọn đơn vị cấp trên mới.');
      return;
    }
    try {
      onMoved(await post<Unit>(`/units/${unit.id}/move`, { version: unit.version, newParentId: target }));
      setTarget(null);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Chưa chuyển được đơn vị.');
    }
  }

  return (
    <Modal open={open} title={`Chuyển đơn vị ${unit.name}`} okText="Chuyển" cancelText="Hủy" onOk={save} onCancel={onClose} destroyOnHidden>
      <p>Đơn vị và toàn bộ các đơn vị trực thuộc sẽ được chuyển sang đơn vị cấp trên mới. Thao tác được ghi vào nhật ký.</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label="Đơn vị cấp trên mới" required>
          <UnitPicker value={target} onChange={setTarget} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
