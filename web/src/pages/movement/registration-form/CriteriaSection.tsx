import { useState } from 'react';
import { Alert, Button, Checkbox, Col, Form, Input, Modal, Row, Space, Spin } from 'antd';
import type { FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { CriterionInput, type CriterionTemplate } from '@domain/movement-schemas.js';
import { errorText, get, qs } from '../../../api';
import { maxRule } from '../../../components/limits';
import { DecimalInput } from '../../../components/MoneyInput';
import { ModalTitle } from '../../../components/ModalTitle';
import { Section } from './Section';
import type { CriterionRow, RegistrationValues } from './values';

const C = CriterionInput.shape;
const tight = { marginBottom: 8 };

/** 5. The criteria and targets, typed or taken from the catalogue for the kind being registered. */
export function CriteriaSection({ form }: { form: FormInstance<RegistrationValues> }) {
  const [catalogue, setCatalogue] = useState(false);
  const kind = Form.useWatch('kind', form);
  const holder = Form.useWatch('holder', form);
  return (
    <Section title="5. Tiêu chí, chỉ tiêu">
      <Form.List name="criteria">
        {(items, { add, remove }) => (
          <>
            {items.map((item, i) => (
              <div key={item.key} className="criterion-row">
                <Row gutter={8} align="top">
                  <Col xs={24} md={12}>
                    {/* A criterion has a name (the API requires it); a row left wholly empty is dropped. */}
                    <Form.Item
                      label={`Tiêu chí ${i + 1}`}
                      name={[item.name, 'name']}
                      required
                      rules={[
                        maxRule(C.name, (n) => `Tối đa ${n} ký tự`),
                        ({ getFieldValue }) => ({
                          validator: (_, value?: string) => {
                            const row = (getFieldValue(['criteria', item.name]) ?? {}) as CriterionRow;
                            const started = row.target != null || !!row.unitOfMeasure?.trim();
                            return started && !value?.trim()
                              ? Promise.reject(new Error('Vui lòng nhập tên tiêu chí hoặc xóa dòng này'))
                              : Promise.resolve();
                          },
                        }),
                      ]}
                      dependencies={[
                        ['criteria', item.name, 'target'],
                        ['criteria', item.name, 'unitOfMeasure'],
                      ]}
                      style={tight}
                    >
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} placeholder="Tên tiêu chí" />
                    </Form.Item>
                  </Col>
                  <Col xs={9} md={4}>
                    <Form.Item label="Chỉ tiêu" name={[item.name, 'target']} style={tight}>
                      <DecimalInput />
                    </Form.Item>
                  </Col>
                  <Col xs={11} md={6}>
                    <Form.Item label="Đơn vị tính" name={[item.name, 'unitOfMeasure']} rules={[maxRule(C.unitOfMeasure)]} style={tight}>
                      <Input placeholder="người, hộ, %…" />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2} className="criterion-remove">
                    <Button aria-label={`Xóa tiêu chí ${i + 1}`} danger icon={<DeleteOutlined />} onClick={() => remove(item.name)} />
                  </Col>
                </Row>
              </div>
            ))}
            <Space wrap>
              <Button icon={<PlusOutlined />} onClick={() => add({})}>
                Thêm tiêu chí
              </Button>
              <Button icon={<UnorderedListOutlined />} onClick={() => setCatalogue(true)}>
                Lấy từ danh mục
              </Button>
            </Space>
            {catalogue && (
              <CatalogueModal
                target={kind === 'exemplar' ? (holder ?? 'collective') : 'model'}
                onClose={() => setCatalogue(false)}
                onPick={(names) => {
                  const current = (form.getFieldValue('criteria') as CriterionRow[] | undefined) ?? [];
                  const kept = current.filter((c) => c.name && c.name.trim());
                  form.setFieldValue('criteria', [
                    ...kept,
                    ...names.filter((n) => !kept.some((c) => c.name === n)).map((name) => ({ name })),
                  ]);
                  setCatalogue(false);
                }}
              />
            )}
          </>
        )}
      </Form.List>
    </Section>
  );
}

function CatalogueModal({ target, onClose, onPick }: { target: string; onClose: () => void; onPick: (names: string[]) => void }) {
  const [picked, setPicked] = useState<string[]>([]);
  const list = useQuery({
    queryKey: ['criteria-templates', target],
    queryFn: () => get<CriterionTemplate[]>(`/criteria-templates${qs({ target })}`),
  });
  const names = [...new Set((list.data ?? []).filter((t) => t.active).map((t) => t.name))];
  return (
    <Modal
      open
      title={<ModalTitle main="Lấy tiêu chí từ danh mục" sub="Chọn các tiêu chí cần đưa vào đăng ký" />}
      okText={`Thêm ${picked.length} tiêu chí`}
      cancelText="Hủy"
      okButtonProps={{ disabled: picked.length === 0 }}
      onOk={() => onPick(picked)}
      onCancel={onClose}
    >
      {list.isPending ? (
        <Spin />
      ) : list.error ? (
        <Alert type="error" showIcon title={errorText(list.error)} />
      ) : names.length === 0 ? (
        <Alert type="info" showIcon title="Danh mục chưa có tiêu chí phù hợp." />
      ) : (
        <Checkbox.Group value={picked} onChange={(v) => setPicked(v as string[])} className="checkbox-column">
          {names.map((n) => (
            <Checkbox key={n} value={n}>
              {n}
            </Checkbox>
          ))}
        </Checkbox.Group>
      )}
    </Modal>
  );
}
