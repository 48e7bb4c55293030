import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SaveCriterionTemplate, type CriterionTemplate } from '@domain/movement-schemas.js';
import { UNIT_KIND_LABELS } from '@domain/unit-kinds.js';
import { get, patch, post, qs } from '../../api';
import { ModalTitle } from '../../components/ModalTitle';
import { maxRule } from '../../components/limits';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useSession } from '../../session';
import { useIsMobile } from '../../useIsMobile';

const TARGETS = [
  { value: 'collective', label: 'Tập thể điển hình' },
  { value: 'individual', label: 'Cá nhân điển hình' },
  { value: 'model', label: 'Mô hình' },
];
const ALL_KINDS = '__all__';
const kindOptions = [
  { value: ALL_KINDS, label: 'Mọi loại hình' },
  ...Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label })),
];
const kindLabel = (k: string | null) => (k ? UNIT_KIND_LABELS[k as keyof typeof UNIT_KIND_LABELS] : 'Mọi loại hình');

/** The criteria catalogue: everyone reads it; officers add their level's criteria and edit what is theirs. */
export default function CriteriaPage() {
  const me = useSession();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState('collective');
  const [editing, setEditing] = useState<CriterionTemplate | 'new' | null>(null);
  const list = useQuery({
    queryKey: ['criteria', target],
    queryFn: () => get<CriterionTemplate[]>(`/criteria-templates${qs({ target })}`),
  });
  const mayAdd = me.canCreate.criterion;

  return (
    <Card
      title="Danh mục tiêu chí"
      extra={
        mayAdd && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {mobile ? 'Thêm' : 'Thêm tiêu chí'}
          </Button>
        )
      }
      styles={{ body: { padding: mobile ? 8 : 16 } }}
    >
      <Select
        value={target}
        onChange={setTarget}
        options={TARGETS}
        style={{ width: mobile ? '100%' : 260, marginBottom: 12 }}
        aria-label="Áp dụng cho"
      />
      <Table<CriterionTemplate>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          {
            title: 'Tiêu chí',
            render: (_, c) => (
              <div>
                <div style={{ opacity: c.active ? 1 : 0.55 }}>{c.name}</div>
                <Space size={4} wrap style={{ marginTop: 4 }}>
                  {target === 'collective' && <Tag>{kindLabel(c.unitKind)}</Tag>}
                  <Tag color={c.national ? 'red' : 'blue'}>{c.national ? 'Toàn quốc' : 'Của cấp mình'}</Tag>
                  {!c.active && <Tag>Ngừng áp dụng</Tag>}
                </Space>
              </div>
            ),
          },
          {
            title: '',
            width: 90,
            render: (_, c) =>
              c.actions.includes('update') && (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)}>
                  Sửa
                </Button>
              ),
          },
        ]}
      />
      {editing && (
        <CriterionModal
          value={editing === 'new' ? null : editing}
          target={target}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            message.success('Đã lưu tiêu chí.');
            setEditing(null);
            await queryClient.invalidateQueries({ queryKey: ['criteria'] });
          }}
        />
      )}
    </Card>
  );
}

interface Values {
  target: string;
  unitKind: string;
  name: string;
  description?: string;
  sort?: number;
  active: boolean;
}

function CriterionModal({
  value,
  target,
  onClose,
  onSaved,
}: {
  value: CriterionTemplate | null;
  target: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const {
    submit: ok,
    busy,
    error,
  } = useFormSubmit(
    form,
    (v, opts) => {
      const body = {
        target: v.target,
        unitKind: v.unitKind === ALL_KINDS ? null : v.unitKind,
        name: v.name.trim(),
        description: v.description?.trim() || null,
        sort: v.sort ?? 0,
        active: v.active,
      };
      return value
        ? patch(`/criteria-templates/${value.id}`, { ...body, version: value.version }, opts)
        : post('/criteria-templates', body, opts);
    },
    { onSuccess: onSaved },
  );
  return (
    <Modal
      open
      title={<ModalTitle main={value ? 'Sửa tiêu chí' : 'Thêm tiêu chí'} />}
      okText="Lưu"
      cancelText="Hủy"
      onOk={ok}
      confirmLoading={busy}
      onCancel={onClose}
      maskClosable={false}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        name="criterion-form"
        initialValues={
          value
            ? {
                target: value.target,
                unitKind: value.unitKind ?? ALL_KINDS,
                name: value.name,
                description: value.description ?? '',
                sort: value.sort,
                active: value.active,
              }
            : { target, unitKind: ALL_KINDS, sort: 0, active: true }
        }
      >
        <Form.Item label="Áp dụng cho" name="target" rules={[{ required: true }]}>
          <Select options={TARGETS} />
        </Form.Item>
        <Form.Item label="Loại hình đơn vị" name="unitKind">
          <Select options={kindOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item
          label="Nội dung tiêu chí"
          name="name"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập nội dung tiêu chí' },
            maxRule(SaveCriterionTemplate.shape.name),
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item label="Hướng dẫn đánh giá" name="description" rules={[maxRule(SaveCriterionTemplate.shape.description)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="Không bắt buộc" />
        </Form.Item>
        <Space size={24}>
          <Form.Item label="Thứ tự" name="sort">
            <InputNumber min={0} max={10000} />
          </Form.Item>
          <Form.Item label="Đang áp dụng" name="active" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
