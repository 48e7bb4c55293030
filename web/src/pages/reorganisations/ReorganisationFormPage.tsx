import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, InputNumber, List, Radio, Row, Select, Space, Statistic } from 'antd';
import { DateField, dateRules } from '../../components/DateField';
import { ArrowLeftOutlined, DeleteOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import {
  CHANGE_KIND_LABELS,
  CHANGE_KINDS,
  type Change,
  type ChangeKind,
  type Reorganisation,
  type ReorganisationPreview,
} from '@domain/reorganisation-schemas.js';
import { UNIT_KIND_LABELS, UNIT_KINDS } from '@domain/unit-kinds.js';
import { post } from '../../api';
import { UnitPicker } from '../../components/UnitPicker';
import { useAction } from '../../components/useAction';
import { formatNumber } from '../../format';
import { useIsMobile } from '../../useIsMobile';

/** A change as the form holds it; `toChange` turns it into the API's shape. */
interface NewUnitFields {
  mode?: 'existing' | 'new';
  unit?: string | null;
  name?: string;
  code?: string;
  unitKind?: string;
  parent?: string | null;
  share?: number | null;
}
interface ChangeFields extends NewUnitFields {
  kind: ChangeKind;
  from?: (string | null)[];
  target?: string | null;
  newName?: string;
  newCode?: string;
  parts?: NewUnitFields[];
}
interface FormValues {
  effectiveDate?: Dayjs;
  basisNumber?: string;
  basisDate?: Dayjs | null;
  basisIssuer?: string;
  note?: string;
  changes?: ChangeFields[];
}

const kindOptions = UNIT_KINDS.map((k) => ({ value: k, label: UNIT_KIND_LABELS[k] }));
const required = (message: string) => [{ required: true, message }];

function target(f: NewUnitFields): Extract<Change, { kind: 'merge' }>['into'] {
  if (f.mode === 'new') {
    return {
      new: {
        code: (f.code ?? '').trim(),
        name: (f.name ?? '').trim(),
        kind: (f.unitKind ?? 'commune') as never,
        parent: { unitId: f.parent ?? '' },
      },
    };
  }
  return { unitId: f.unit ?? '' };
}

function toChange(c: ChangeFields): Change {
  switch (c.kind) {
    case 'merge':
      return { kind: 'merge', from: (c.from ?? []).filter((x): x is string => !!x).map((unitId) => ({ unitId })), into: target(c) };
    case 'split':
      return {
        kind: 'split',
        from: { unitId: c.unit ?? '' },
        into: (c.parts ?? []).map((p) => ({ ...target(p), ...(p.share ? { share: p.share / 100 } : {}) })) as never,
      };
    case 'rename':
      return {
        kind: 'rename',
        unit: { unitId: c.unit ?? '' },
        name: (c.newName ?? '').trim(),
        ...(c.newCode?.trim() ? { code: c.newCode.trim() } : {}),
      };
    case 'move':
      return { kind: 'move', unit: { unitId: c.unit ?? '' }, parent: { unitId: c.target ?? '' } };
    case 'abolish_level':
      return { kind: 'abolish_level', unit: { unitId: c.unit ?? '' }, ...(c.target ? { childrenTo: { unitId: c.target } } : {}) };
  }
}

function toBody(v: FormValues) {
  return {
    effectiveDate: v.effectiveDate?.isValid() ? v.effectiveDate.format('YYYY-MM-DD') : '',
    basis: {
      number: (v.basisNumber ?? '').trim(),
      issuer: (v.basisIssuer ?? '').trim(),
      ...(v.basisDate ? { date: v.basisDate.format('YYYY-MM-DD') } : {}),
    },
    ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    changes: (v.changes ?? []).map(toChange),
  };
}

/** An existing unit, or a new one (name, code, kind, parent). */
function TargetFields({ name, label }: { name: (string | number)[]; label: string }) {
  return (
    <>
      <Form.Item name={[...name, 'mode']} label={label} initialValue="existing" rules={required('Chọn đơn vị có sẵn hoặc thành lập mới')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'existing', label: 'Đơn vị có sẵn' },
            { value: 'new', label: 'Thành lập đơn vị mới' },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) =>
          getFieldValue(['changes', ...name, 'mode']) === 'new' ? (
            <Row gutter={8}>
              <Col xs={24} md={12}>
                <Form.Item name={[...name, 'name']} label="Tên đơn vị mới" rules={required('Nhập tên đơn vị mới')}>
                  <Input placeholder="Ví dụ: Xã Long Hòa" />
                </Form.Item>
              </Col>
              <Col xs={12} md={5}>
                <Form.Item name={[...name, 'code']} label="Mã" rules={required('Nhập mã')}>
                  <Input placeholder="Ví dụ: X29001" />
                </Form.Item>
              </Col>
              <Col xs={12} md={7}>
                <Form.Item name={[...name, 'unitKind']} label="Loại hình" initialValue="commune" rules={required('Chọn loại hình')}>
                  <Select options={kindOptions} />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item name={[...name, 'parent']} label="Trực thuộc" rules={required('Chọn đơn vị cấp trên')}>
                  <UnitPicker />
                </Form.Item>
              </Col>
            </Row>
          ) : (
            <Form.Item name={[...name, 'unit']} label="Đơn vị" rules={required('Chọn đơn vị')}>
              <UnitPicker />
            </Form.Item>
          )
        }
      </Form.Item>
    </>
  );
}

function ChangeCard({ index, onRemove }: { index: number; onRemove: () => void }) {
  return (
    <Card
      size="small"
      title={`Thay đổi ${index + 1}`}
      extra={
        <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={`Bỏ thay đổi ${index + 1}`}>
          Bỏ
        </Button>
      }
      style={{ marginBottom: 12 }}
    >
      <Form.Item name={[index, 'kind']} label="Hình thức" initialValue="merge" rules={required('Chọn hình thức')}>
        <Select options={CHANGE_KINDS.map((k) => ({ value: k, label: CHANGE_KIND_LABELS[k] }))} aria-label="Hình thức sắp xếp" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) => {
          const kind = getFieldValue(['changes', index, 'kind']) as ChangeKind;
          if (kind === 'merge')
            return (
              <>
                <Form.List name={[index, 'from']} initialValue={[null, null]}>
                  {(fields, { add, remove }) => (
                    <>
                      <div className="ant-form-item-label" style={{ paddingBottom: 8 }}>
                        <label>Các đơn vị bị sáp nhập</label>
                      </div>
                      {fields.map((f, i) => (
                        <div key={f.key} style={{ display: 'flex', gap: 8, marginBottom: 8 }}>
                          <div style={{ flex: 1, minWidth: 0 }}>
                            <Form.Item name={f.name} noStyle rules={required('Chọn đơn vị bị sáp nhập')}>
                              <UnitPicker aria-label={`Đơn vị bị sáp nhập ${i + 1}`} placeholder={`Đơn vị ${i + 1}: gõ tên hoặc mã`} />
                            </Form.Item>
                          </div>
                          {fields.length > 1 && (
                            <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={`Bỏ đơn vị ${i + 1}`} />
                          )}
                        </div>
                      ))}
                      <Button icon={<PlusOutlined />} onClick={() => add(null)} style={{ marginBottom: 12 }}>
                        Thêm đơn vị sáp nhập
                      </Button>
                    </>
                  )}
                </Form.List>
                <TargetFields name={[index]} label="Sáp nhập vào" />
              </>
            );
          if (kind === 'split')
            return (
              <>
                <Form.Item name={[index, 'unit']} label="Đơn vị bị chia tách" rules={required('Chọn đơn vị bị chia tách')}>
                  <UnitPicker />
                </Form.Item>
                <Form.List name={[index, 'parts']} initialValue={[{ mode: 'new' }, { mode: 'new' }]}>
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((f, i) => (
                        <Card
                          size="small"
                          key={f.key}
                          style={{ marginBottom: 8 }}
                          title={`Phần ${i + 1}`}
                          extra={
                            fields.length > 2 && (
                              <Button type="link" size="small" onClick={() => remove(f.name)}>
                                Bỏ
                              </Button>
                            )
                          }
                        >
                          <TargetFields name={[index, 'parts', f.name]} label="Về đơn vị" />
                          <Form.Item name={[f.name, 'share']} label="Tỷ lệ (%), nếu đã biết">
                            <InputNumber min={0.1} max={100} style={{ width: 160 }} />
                          </Form.Item>
                        </Card>
                      ))}
                      <Button icon={<PlusOutlined />} onClick={() => add({ mode: 'new' })}>
                        Thêm phần
                      </Button>
                    </>
                  )}
                </Form.List>
              </>
            );
          if (kind === 'rename')
            return (
              <>
                <Form.Item name={[index, 'unit']} label="Đơn vị" rules={required('Chọn đơn vị')}>
                  <UnitPicker />
                </Form.Item>
                <Row gutter={8}>
                  <Col xs={24} md={16}>
                    <Form.Item name={[index, 'newName']} label="Tên mới" rules={required('Nhập tên mới')}>
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[index, 'newCode']} label="Mã mới (nếu đổi)">
                      <Input />
                    </Form.Item>
                  </Col>
                </Row>
              </>
            );
          return (
            <>
              <Form.Item name={[index, 'unit']} label={kind === 'move' ? 'Đơn vị chuyển' : 'Đơn vị bỏ cấp'} rules={required('Chọn đơn vị')}>
                <UnitPicker />
              </Form.Item>
              <Form.Item
                name={[index, 'target']}
                label={kind === 'move' ? 'Về đơn vị cấp trên' : 'Đơn vị trực thuộc chuyển về (bỏ trống: cấp trên của đơn vị)'}
                rules={kind === 'move' ? required('Chọn đơn vị cấp trên mới') : []}
              >
                <UnitPicker allowClear />
              </Form.Item>
            </>
          );
        }}
      </Form.Item>
    </Card>
  );
}

/** "Sắp xếp mới": date, legal basis, changes; the preview comes before "Áp dụng". */
export default function ReorganisationFormPage() {
  const [form] = Form.useForm<FormValues>();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<{ key: string; result: ReorganisationPreview } | null>(null);
  const values = Form.useWatch([], form) as FormValues | undefined;
  const currentKey = values ? JSON.stringify(toBody(values)) : '';
  const fresh = preview !== null && preview.key === currentKey;

  const previewAction = useAction(
    (body: ReturnType<typeof toBody>, opts) => post<ReorganisationPreview>('/reorganisations/preview', body, opts),
    {
      onSuccess: (result, body) => setPreview({ key: JSON.stringify(body), result }),
    },
  );
  const apply = useAction(
    (body: ReturnType<typeof toBody> & { unitVersions: Record<string, number> }, opts) =>
      post<Reorganisation>('/reorganisations', body, opts),
    {
      onSuccess: async (r) => {
        await queryClient.invalidateQueries({ queryKey: ['reorganisations'] });
        await queryClient.invalidateQueries({ queryKey: ['unit'] });
        await queryClient.invalidateQueries({ queryKey: ['units'] });
        navigate(`/sap-xep-don-vi/${r.id}`);
      },
    },
  );

  const runPreview = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    await previewAction.run(toBody(form.getFieldsValue(true) as FormValues));
  };

  return (
    <Card
      title={
        <div style={{ whiteSpace: 'normal', padding: '8px 0' }}>
          <Link to="/sap-xep-don-vi" style={{ fontSize: 14, fontWeight: 400, display: 'block' }}>
            <ArrowLeftOutlined /> Danh sách sắp xếp
          </Link>
          <h2 style={{ fontSize: 20, margin: '4px 0 0' }}>Sắp xếp mới</h2>
        </div>
      }
    >
      <Form form={form} layout="vertical" requiredMark="optional" initialValues={{ changes: [{ kind: 'merge' }] }}>
        <Row gutter={12}>
          <Col xs={24} md={8}>
            <Form.Item name="effectiveDate" label="Ngày hiệu lực" rules={dateRules('Chọn hoặc gõ ngày hiệu lực (dd/mm/yyyy)')}>
              <DateField id="effectiveDate" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="basisNumber" label="Số văn bản" rules={required('Nhập số nghị quyết, quyết định')}>
              <Input placeholder="Ví dụ: 1680/NQ-UBTVQH15" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="basisDate" label="Ngày ban hành" rules={dateRules()}>
              <DateField />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="basisIssuer" label="Cơ quan ban hành" rules={required('Nhập cơ quan ban hành')}>
              <Input placeholder="Ví dụ: Ủy ban Thường vụ Quốc hội" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label="Ghi chú">
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="changes">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <ChangeCard key={f.key} index={f.name} onRemove={() => remove(f.name)} />
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'merge' })} style={{ marginBottom: 16 }}>
                Thêm thay đổi
              </Button>
            </>
          )}
        </Form.List>
      </Form>
      {previewAction.error && <Alert type="error" showIcon title={previewAction.error} style={{ marginBottom: 12 }} />}
      {apply.error && <Alert type="error" showIcon title={apply.error} style={{ marginBottom: 12 }} />}
      {preview && (
        <Card
          size="small"
          title="Xem trước"
          style={{ marginBottom: 12, borderColor: fresh ? '#1677ff' : undefined }}
          data-testid="reorganisation-preview"
        >
          {!fresh && (
            <Alert type="warning" showIcon title="Bạn đã sửa nội dung sau khi xem trước: hãy xem trước lại." style={{ marginBottom: 8 }} />
          )}
          {preview.result.scheduled && (
            <Alert
              type="info"
              showIcon
              title="Ngày hiệu lực sau hôm nay: lần sắp xếp được lưu và tự áp dụng khi đến ngày."
              style={{ marginBottom: 8 }}
            />
          )}
          <Space wrap size={mobile ? 12 : 32} style={{ marginBottom: 8 }}>
            <Statistic title="Đơn vị đóng" value={preview.result.counts.closed} />
            <Statistic title="Đơn vị mới" value={preview.result.counts.opened} />
            <Statistic title="Đơn vị chuyển" value={preview.result.counts.moved} />
            <Statistic title="Đổi tên" value={preview.result.counts.renamed} />
            <Statistic title="Hồ sơ theo về" value={formatNumber(preview.result.counts.records)} />
          </Space>
          <List
            size="small"
            dataSource={preview.result.changes}
            renderItem={(c) => <List.Item style={{ whiteSpace: 'normal' }}>{c.summary}</List.Item>}
          />
        </Card>
      )}
      <Space wrap>
        <Button icon={<EyeOutlined />} size={mobile ? 'large' : 'middle'} onClick={() => void runPreview()} loading={previewAction.busy}>
          Xem trước
        </Button>
        <Button
          type="primary"
          size={mobile ? 'large' : 'middle'}
          disabled={!fresh}
          loading={apply.busy}
          onClick={() =>
            preview && void apply.run({ ...toBody(form.getFieldsValue(true) as FormValues), unitVersions: preview.result.unitVersions })
          }
        >
          Áp dụng
        </Button>
      </Space>
    </Card>
  );
}
