import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Table, Tag } from 'antd';
import { DateRangeFields } from '../../components/DateField';
import { useNavigate } from 'react-router';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { CAMPAIGN_STATE_LABELS, CampaignListQuery, type Campaign } from '@domain/movement-schemas.js';
import { CAMPAIGN_SORTS, type SortValue } from '@domain/list-sort.js';
import { SortSelect, sortableColumn, tableSortChange } from '../../components/ListSort';
import { useListParams } from '../../components/useListParams';
import { errorText, get, patch, post, qs } from '../../api';
import { ModalTitle } from '../../components/ModalTitle';
import { UnitPicker } from '../../components/UnitPicker';
import { formatDate, vietnamYear } from '../../format';
import { useAction } from '../../components/useAction';
import { useSession } from '../../session';
import { useIsMobile } from '../../useIsMobile';
import { XlsxButton } from '../../components/XlsxButton';
import { QuotaFields, quotasForApi, quotaText, type QuotaValue } from './QuotaFields';
import { useFormSubmit } from '../../components/useFormSubmit';
import { Attachments } from '../../components/Attachments';
import { CalendarFields, calendarForApi, calendarFormValue, calendarText, type CalendarValue } from './CalendarFields';

const STATE: Record<string, { color: string; label: string }> = {
  draft: { color: 'default', label: CAMPAIGN_STATE_LABELS.draft },
  launched: { color: 'green', label: CAMPAIGN_STATE_LABELS.launched },
  closed: { color: 'default', label: CAMPAIGN_STATE_LABELS.closed },
};

const SORT_OPTIONS: { value: SortValue<(typeof CAMPAIGN_SORTS)[number]>; label: string }[] = [
  { value: '-year', label: 'Giai đoạn mới nhất trước' },
  { value: 'year', label: 'Giai đoạn cũ nhất trước' },
  { value: 'title', label: 'Tên A → Z' },
  { value: 'unit', label: 'Đơn vị A → Z' },
  { value: 'state', label: 'Trạng thái' },
];

export default function CampaignsPage() {
  const navigate = useNavigate();
  const me = useSession();
  const mobile = useIsMobile();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Campaign | null>(null);
  // The state filter and the order live in the address (reload, back, a shared link).
  const list$ = useListParams({ shape: CampaignListQuery.shape, filters: ['state'], sorts: CAMPAIGN_SORTS, defaultSort: '-year' });
  const { sort } = list$;
  const state = list$.values.state;
  const list = useQuery({
    queryKey: ['campaigns', 'all', state, sort],
    queryFn: () =>
      get<{ items: Campaign[]; total: number }>(`/campaigns${qs({ pageSize: 200, state, sort: sort === '-year' ? undefined : sort })}`),
  });
  const mayCreate = me.canCreate.campaign;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['campaigns'] });

  const launching = useAction((c: Campaign, opts) => post(`/campaigns/${c.id}/launch`, { version: c.version }, opts), {
    showError: 'modal',
    onSuccess: async () => {
      message.success('Đã phát động.');
      await refresh();
    },
  });
  const launch = (c: Campaign) =>
    modal.confirm({
      title: `Phát động “${c.title}”?`,
      content: 'Các đơn vị cấp dưới sẽ thấy và đăng ký mô hình, điển hình theo đợt này.',
      okText: 'Phát động',
      cancelText: 'Hủy',
      onOk: () => launching.run(c),
    });

  return (
    <Card
      title={<h2 style={{ fontSize: 20, margin: '10px 0', whiteSpace: 'normal' }}>Phát động thi đua</h2>}
      extra={
        mobile ? null : (
          <span style={{ display: 'flex', gap: 8 }}>
            {(list.data?.total ?? 0) > 0 && <XlsxButton path="/campaigns/xlsx" />}
            {mayCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                Tạo đợt phát động
              </Button>
            )}
          </span>
        )
      }
      styles={{ body: { padding: mobile ? 12 : 20 } }}
    >
      {mayCreate && mobile && (
        <Button type="primary" size="large" block icon={<PlusOutlined />} onClick={() => setCreating(true)} style={{ marginBottom: 12 }}>
          Tạo đợt phát động
        </Button>
      )}
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} />}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}>
        <Select
          aria-label="Trạng thái"
          allowClear
          placeholder="Trạng thái"
          style={{ minWidth: 180 }}
          value={state}
          onChange={(v) => list$.update({ state: v })}
          options={Object.entries(STATE).map(([value, { label }]) => ({ value, label }))}
        />
        {mobile && (
          <div style={{ flex: 1, minWidth: 200 }}>
            <SortSelect value={sort} onChange={list$.setSort} options={SORT_OPTIONS} />
          </div>
        )}
      </div>
      <Table<Campaign>
        onChange={tableSortChange(list$.setSort)}
        rowKey="id"
        size={mobile ? 'small' : 'middle'}
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: 'Chưa có đợt phát động nào' }}
        expandable={{ expandedRowRender: (c) => <Attachments kind="campaign" recordId={c.id} /> }}
        showHeader={!mobile}
        columns={[
          {
            title: 'Đợt phát động',
            dataIndex: 'title',
            ...sortableColumn(sort, 'title'),
            render: (t: string, c) => (
              <div>
                <div style={{ fontWeight: 500 }}>{t}</div>
                {mobile && (
                  <Tag color={STATE[c.state]?.color} style={{ margin: '4px 0' }}>
                    {STATE[c.state]?.label ?? c.state}
                  </Tag>
                )}
                <div style={{ color: '#666', fontSize: 13 }}>
                  {c.unit.name} · {formatDate(c.startDate)} – {formatDate(c.endDate)}
                </div>
                {c.focusThemes.length > 0 && <div style={{ fontSize: 13 }}>Trọng tâm: {c.focusThemes.join('; ')}</div>}
                {c.quotas.map((q, i) => (
                  <div key={i} style={{ fontSize: 13, color: '#595959' }}>
                    Chỉ tiêu – {quotaText(q)}
                  </div>
                ))}
                {calendarText(c.calendar).map((line) => (
                  <div key={line} style={{ fontSize: 13, color: '#595959' }}>
                    {line}
                  </div>
                ))}
                {c.actions.includes('update') && (
                  <Button size={mobile ? 'large' : 'small'} style={{ marginTop: 6, marginInlineEnd: 6 }} onClick={() => setEditing(c)}>
                    Lịch và nhắc hạn
                  </Button>
                )}
                {c.state !== 'draft' && c.quotas.length > 0 && (
                  <Button
                    size={mobile ? 'large' : 'small'}
                    style={{ marginTop: 6 }}
                    onClick={() => navigate(`/phat-dong/${c.id}/chi-tieu`)}
                  >
                    Tình hình thực hiện chỉ tiêu
                  </Button>
                )}
                {mobile && c.actions.includes('launch') && (
                  <Button size="large" style={{ marginTop: 6 }} onClick={() => launch(c)}>
                    Phát động
                  </Button>
                )}
              </div>
            ),
          },
          // On a phone the period is in the dates under the title and the state is a tag there.
          ...(mobile
            ? []
            : [
                {
                  title: 'Giai đoạn',
                  width: 130,
                  ...sortableColumn(sort, 'year'),
                  render: (_: unknown, c: Campaign) => `${c.yearFrom}–${c.yearTo}`,
                },
                {
                  title: 'Trạng thái',
                  dataIndex: 'state',
                  width: 150,
                  ...sortableColumn(sort, 'state'),
                  render: (s: string) => <Tag color={STATE[s]?.color}>{STATE[s]?.label ?? s}</Tag>,
                },
              ]),
          ...(mobile
            ? []
            : [
                {
                  title: '',
                  width: 120,
                  render: (_: unknown, c: Campaign) =>
                    c.actions.includes('launch') ? <Button onClick={() => launch(c)}>Phát động</Button> : null,
                },
              ]),
        ]}
      />
      {editing && (
        <CalendarModal
          campaign={editing}
          onClose={() => setEditing(null)}
          onSaved={async () => {
            setEditing(null);
            message.success('Đã lưu lịch thực hiện và nhắc hạn.');
            await refresh();
          }}
        />
      )}
      {creating && (
        <CreateCampaignModal
          onClose={() => setCreating(false)}
          onCreated={async () => {
            setCreating(false);
            message.success('Đã tạo đợt phát động (bản nháp).');
            await refresh();
          }}
        />
      )}
    </Card>
  );
}

interface Values {
  unitId: string;
  title: string;
  description?: string;
  yearFrom: number;
  yearTo: number;
  startDate: Dayjs;
  endDate: Dayjs;
  focusThemes?: string[];
  quotas?: QuotaValue[];
  calendar?: CalendarValue;
}

function CreateCampaignModal({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const scope = me.user.entryScope ?? me.user.viewScope;
  const y = vietnamYear();
  const {
    submit: ok,
    busy,
    error,
  } = useFormSubmit(
    form,
    (v, opts) =>
      post(
        '/campaigns',
        {
          unitId: v.unitId,
          title: v.title.trim(),
          description: v.description?.trim() || null,
          yearFrom: v.yearFrom,
          yearTo: v.yearTo,
          startDate: v.startDate.format('YYYY-MM-DD'),
          endDate: v.endDate.format('YYYY-MM-DD'),
          focusThemes: (v.focusThemes ?? []).map((s) => s.trim()).filter(Boolean),
          quotas: quotasForApi(v.quotas),
          calendar: calendarForApi(v.calendar),
        },
        opts,
      ),
    { onSuccess: onCreated },
  );
  return (
    <Modal
      open
      title={<ModalTitle main="Tạo đợt phát động" />}
      okText="Tạo đợt phát động"
      cancelText="Hủy"
      onOk={ok}
      confirmLoading={busy}
      onCancel={onClose}
      maskClosable={false}
      width={640}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        name="campaign-form"
        initialValues={{ unitId: scope?.id, yearFrom: y, yearTo: y, calendar: { remindDaysBefore: 3, remindDaysAfter: 1 } }}
      >
        <Form.Item label="Cấp phát động" name="unitId" rules={[{ required: true, message: 'Vui lòng chọn đơn vị' }]}>
          <UnitPicker initialLabel={scope?.name} />
        </Form.Item>
        <Form.Item
          label="Tên đợt phát động"
          name="title"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên' }, { max: 300 }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 1, maxRows: 3 }}
            placeholder="Ví dụ: Phong trào thi đua “Dân vận khéo” giai đoạn 2026–2030"
          />
        </Form.Item>
        <Form.Item label="Nội dung" name="description" rules={[{ max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Row gutter={8}>
          <Col xs={12} md={6}>
            <Form.Item label="Từ năm" name="yearFrom" rules={[{ required: true, message: 'Nhập năm' }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="Đến năm" name="yearTo" rules={[{ required: true, message: 'Nhập năm' }]}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <DateRangeFields
              label="Thời gian"
              startName="startDate"
              endName="endDate"
              requiredStart="Vui lòng nhập ngày bắt đầu"
              requiredEnd="Vui lòng nhập ngày kết thúc"
            />
          </Col>
        </Row>
        <Form.Item label="Nội dung trọng tâm" name="focusThemes" extra="Gõ từng nội dung rồi nhấn Enter.">
          <Select mode="tags" open={false} placeholder="Ví dụ: Chuyển đổi số" />
        </Form.Item>
        <QuotaFields />
        <CalendarFields />
      </Form>
    </Modal>
  );
}

/** The campaign's deadlines and reminder days, editable while it is a draft or launched. */
function CalendarModal({ campaign, onClose, onSaved }: { campaign: Campaign; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<{ calendar: CalendarValue }>();
  const {
    submit: ok,
    busy,
    error,
  } = useFormSubmit(
    form,
    (v, opts) => patch(`/campaigns/${campaign.id}`, { version: campaign.version, calendar: calendarForApi(v.calendar) }, opts),
    { onSuccess: onSaved },
  );
  return (
    <Modal
      open
      title={<ModalTitle main="Lịch thực hiện và nhắc hạn" sub={campaign.title} />}
      okText="Lưu"
      cancelText="Hủy"
      onOk={ok}
      confirmLoading={busy}
      onCancel={onClose}
      maskClosable={false}
      width={640}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" name="campaign-calendar" initialValues={{ calendar: calendarFormValue(campaign.calendar) }}>
        <CalendarFields />
      </Form>
    </Modal>
  );
}
