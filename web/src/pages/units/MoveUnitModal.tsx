import { useState } from 'react';
import { Alert, Form, Typography } from 'antd';
import type { Unit } from '@domain/schemas.js';
import { post } from '../../api';
import { useAction } from '../../components/useAction';
import { FormModal } from '../../components/FormModal';
import { UnitPicker } from '../../components/UnitPicker';

interface Props {
  unit: Unit;
  open: boolean;
  onClose: () => void;
  onMoved: (u: Unit) => void;
  onStale: () => void;
}

export function MoveUnitModal({ unit, open, onClose, onMoved, onStale }: Props) {
  const [target, setTarget] = useState<string | null>(null);
  const move = useAction(
    (newParentId: string, opts) => post<Unit>(`/units/${unit.id}/move`, { version: unit.version, newParentId }, opts),
    {
      fallback: 'Chưa chuyển được đơn vị.',
      onStale,
      onSuccess: onMoved,
    },
  );
  const { busy, error, setError } = move;
  const currentParent = unit.ancestors.at(-1)?.name;
  const save = () => (target ? move.run(target) : setError('Vui lòng chọn đơn vị cấp trên mới.'));

  return (
    <FormModal open={open} title="Chuyển đơn vị" sub={unit.name} okText="Chuyển đơn vị" onOk={save} busy={busy} onClose={onClose}>
      <Typography.Paragraph style={{ marginTop: 12 }}>
        Đơn vị cùng toàn bộ đơn vị trực thuộc sẽ chuyển sang đơn vị cấp trên mới. Thao tác được ghi vào nhật ký hệ thống.
      </Typography.Paragraph>
      {currentParent && (
        <Typography.Paragraph type="secondary">
          Đơn vị cấp trên hiện nay: <b>{currentParent}</b>
        </Typography.Paragraph>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label="Đơn vị cấp trên mới" required htmlFor="move-target">
          <UnitPicker id="move-target" value={target} onChange={(v) => setTarget(v)} exclude={[unit.id, unit.parentId ?? '']} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
