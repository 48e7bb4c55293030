import { Button, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { UNIT_KIND_LABELS } from '@domain/unit-kinds.js';

const ANY = '__any__';
const kindOptions = [{ value: ANY, label: 'Mọi đơn vị' }, ...Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))];

export interface QuotaValue {
  unitKind: string;
  minNew?: number;
  minConsolidated?: number;
  minTotal?: number;
  note?: string;
}

/** The quota rows as the API takes them: "every unit" is a null kind. */

/** The three minimum counts of a quota, in the order the campaign's table shows them. */
const COUNTS = [
  ['minNew', 'Mới'],
  ['minConsolidated', 'Củng cố'],
  ['minTotal', 'Tổng'],
] as const;

export function quotasForApi(rows: QuotaValue[] | undefined) {
  return (rows ?? []).map((q) => ({
    unitKind: q.unitKind === ANY ? null : q.unitKind,
    minNew: q.minNew ?? 0,
    minConsolidated: q.minConsolidated ?? 0,
    minTotal: q.minTotal ?? 0,
    note: q.note?.trim() || null,
  }));
}

/** "Each Party organisation: at least 1 new model or 2 consolidated a year" as editable rows. */
export function QuotaFields() {
  return (
    <Form.List name="quotas">
      {(fields, { add, remove }) => (
        <div>
          <div style={{ fontWeight: 500, marginBottom: 8 }}>Chỉ tiêu mỗi năm theo loại hình đơn vị</div>
          {fields.map((f) => (
            <div key={f.key} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 8px 0', marginBottom: 8 }}>
              <Row gutter={8}>
                <Col xs={24} md={10}>
                  <Form.Item name={[f.name, 'unitKind']} label="Loại hình" rules={[{ required: true, message: 'Chọn loại hình' }]}>
                    <Select options={kindOptions} showSearch={{ optionFilterProp: 'label' }} />
                  </Form.Item>
                </Col>
                {COUNTS.map(([key, label]) => (
                  <Col key={key} xs={8} md={4}>
                    <Form.Item name={[f.name, key]} label={label}>
                      <InputNumber min={0} max={1000} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                ))}
                <Col xs={24} md={2} style={{ display: 'flex', alignItems: 'center' }}>
                  <Button aria-label="Xóa chỉ tiêu" icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Col>
                <Col span={24}>
                  <Form.Item name={[f.name, 'note']} label="Ghi chú">
                    <Input placeholder="Ví dụ: ít nhất 1 mô hình mới hoặc củng cố 2 mô hình đã có" />
                  </Form.Item>
                </Col>
              </Row>
            </div>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ unitKind: ANY, minNew: 0, minConsolidated: 0, minTotal: 2 })}>
            Thêm chỉ tiêu
          </Button>
        </div>
      )}
    </Form.List>
  );
}

export function quotaText(q: {
  unitKind: string | null;
  minNew: number;
  minConsolidated: number;
  minTotal: number;
  note?: string | null;
}): string {
  const who = q.unitKind ? (UNIT_KIND_LABELS[q.unitKind as keyof typeof UNIT_KIND_LABELS] ?? q.unitKind) : 'Mọi đơn vị';
  const parts = [
    q.minNew ? `${q.minNew} mới` : '',
    q.minConsolidated ? `${q.minConsolidated} củng cố` : '',
    q.minTotal ? `tổng ${q.minTotal}` : '',
  ].filter(Boolean);
  return `${who}: ${parts.join(', ') || '—'}${q.note ? ` (${q.note})` : ''}`;
}
