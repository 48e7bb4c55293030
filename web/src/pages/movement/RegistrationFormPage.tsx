import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Spin } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import type { Campaign, CriterionTemplate, EarlierRegistration, Registration, RegistrationList, ReplicableModel } from '@domain/movement-schemas.js';
import { ApiError, errorText, get, patch, post, qs } from '../../api';
import { UnitPicker } from '../../components/UnitPicker';
import { ModalTitle } from '../../components/ModalTitle';
import { useIsMobile } from '../../useIsMobile';
import { SimilarWarning } from './SimilarWarning';
import { HOLDER_LABELS, KIND_LABELS, LEVEL_OPTIONS, ORIGIN_LABELS, currentYear, useFields } from './shared';

type ListItem = z.infer<typeof RegistrationList>['items'][number];
type Replicable = z.infer<typeof ReplicableModel>;

interface CriterionRow {
  name?: string;
  target?: number | null;
  unitOfMeasure?: string | null;
}
interface Values {
  kind: 'model' | 'exemplar';
  holder: 'collective' | 'individual';
  personName?: string;
  personPosition?: string;
  title: string;
  fieldCode: string;
  campaignId?: string | null;
  unitId: string;
  origin: 'new' | 'consolidation' | 'replication';
  originId?: string | null;
  problem?: string;
  purpose?: string;
  placeUnitId?: string | null;
  placeAddress?: string;
  period: [Dayjs, Dayjs];
  forces?: string;
  targets?: string;
  solutions?: string;
  plannedFundsVnd?: number | null;
  plannedWorkdays?: number | null;
  plannedOther?: string;
  level: string;
  year?: number | null;
  criteria: CriterionRow[];
}

const textOrNull = (s: string | undefined | null) => (s && s.trim() ? s.trim() : null);
const thousands = {
  formatter: (v: number | string | undefined) => (v === undefined || v === '' ? '' : String(v).replace(/\B(?=(\d{3})+(?!\d))/g, '.')),
  parser: (v: string | undefined) => Number((v ?? '').replace(/\./g, '')) as unknown as number,
};

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card size="small" title={<span style={{ fontSize: 16, whiteSpace: 'normal' }}>{title}</span>} style={{ marginBottom: 12 }}>
      {children}
    </Card>
  );
}

export default function RegistrationFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [catalogue, setCatalogue] = useState(false);
  const fields = useFields();
  const campaigns = useQuery({ queryKey: ['campaigns', 'launched'], queryFn: () => get<{ items: Campaign[] }>('/campaigns?state=launched&pageSize=200') });
  const existing = useQuery({ queryKey: ['registration', id], queryFn: () => get<Registration>(`/registrations/${id}`), enabled: editing });

  const kind = Form.useWatch('kind', form);
  const holder = Form.useWatch('holder', form);
  const origin = Form.useWatch('origin', form);
  const unitId = Form.useWatch('unitId', form);
  const title = Form.useWatch('title', form);
  const year = Form.useWatch('year', form);
  // What the re-registration check showed; saved with the registration for the appraiser.
  const [shown, setShown] = useState<EarlierRegistration[]>([]);
  const [pickedOrigin, setPickedOrigin] = useState<EarlierRegistration | null>(null);
  const rememberShown = useCallback((items: EarlierRegistration[]) => setShown((prev) => {
    const fresh = items.filter((i) => !prev.some((p) => p.id === i.id));
    return fresh.length ? [...prev, ...fresh] : prev;
  }), []);

  useEffect(() => {
    if (!editing) {
      form.setFieldsValue({ kind: 'model', holder: 'collective', origin: 'new', level: 'commune', year: currentYear(), criteria: [{}] });
      return;
    }
    const r = existing.data;
    if (!r) return;
    form.setFieldsValue({
      kind: r.kind,
      holder: r.holder,
      personName: r.personName ?? '',
      personPosition: r.personPosition ?? '',
      title: r.title,
      fieldCode: r.fieldCode,
      campaignId: r.campaign?.id ?? null,
      unitId: r.unit.id,
      origin: r.origin,
      originId: r.originRef?.id ?? null,
      problem: r.problem ?? '',
      purpose: r.purpose ?? '',
      placeUnitId: r.placeUnit?.id ?? null,
      placeAddress: r.placeAddress ?? '',
      period: [dayjs(r.startDate), dayjs(r.endDate)],
      forces: r.forces ?? '',
      targets: r.targets ?? '',
      solutions: r.solutions ?? '',
      plannedFundsVnd: r.plannedFundsVnd,
      plannedWorkdays: r.plannedWorkdays,
      plannedOther: r.plannedOther ?? '',
      level: r.level,
      year: r.year,
      criteria: r.criteria.map((c) => ({ name: c.name, target: c.target ?? null, unitOfMeasure: c.unitOfMeasure ?? '' })),
    });
  }, [editing, existing.data, form]);

  // Earlier models of the chosen unit, to continue one ("củng cố").
  const own = useQuery({
    queryKey: ['registrations', 'of-unit', unitId],
    queryFn: () => get<{ items: ListItem[] }>(`/registrations${qs({ unitId, pageSize: 200 })}`),
    enabled: origin === 'consolidation' && !!unitId,
  });
  // Recognised models anywhere, to replicate one ("nhân rộng").
  const [replicaQ, setReplicaQ] = useState('');
  const replicable = useQuery({
    queryKey: ['replicable', replicaQ],
    queryFn: () => get<Replicable[]>(`/replicable-models${qs({ q: replicaQ.trim() || undefined })}`),
    enabled: origin === 'replication',
  });

  async function save() {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const criteria = (v.criteria ?? [])
      .filter((c) => c.name && c.name.trim())
      .map((c) => ({ name: c.name!.trim(), target: c.target ?? null, unitOfMeasure: textOrNull(c.unitOfMeasure) }));
    const body = {
      holder: v.holder,
      personName: v.holder === 'individual' ? textOrNull(v.personName) : null,
      personPosition: v.holder === 'individual' ? textOrNull(v.personPosition) : null,
      title: v.title.trim(),
      fieldCode: v.fieldCode,
      campaignId: v.campaignId ?? null,
      origin: v.origin,
      originId: v.origin === 'new' ? null : v.originId ?? null,
      problem: textOrNull(v.problem),
      purpose: textOrNull(v.purpose),
      placeUnitId: v.placeUnitId ?? null,
      placeAddress: textOrNull(v.placeAddress),
      startDate: v.period[0].format('YYYY-MM-DD'),
      endDate: v.period[1].format('YYYY-MM-DD'),
      forces: textOrNull(v.forces),
      targets: textOrNull(v.targets),
      solutions: textOrNull(v.solutions),
      plannedFundsVnd: v.plannedFundsVnd ?? null,
      plannedWorkdays: v.plannedWorkdays ?? null,
      plannedOther: textOrNull(v.plannedOther),
      level: v.level,
      ...(v.year ? { year: v.year } : {}),
      criteria,
      ...(shown.length ? { similarSeen: shown.map((x) => x.id).slice(0, 20) } : {}),
    };
    setBusy(true);
    setError(null);
    try {
      const saved = editing
        ? await patch<Registration>(`/registrations/${id}`, { ...body, version: existing.data!.version })
        : await post<Registration>('/registrations', { ...body, kind: v.kind, unitId: v.unitId });
      queryClient.setQueryData(['registration', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['registrations'] });
      message.success(editing ? 'Đã lưu thay đổi.' : 'Đã lưu bản đăng ký (bản nháp). Kiểm tra lại rồi bấm “Gửi đăng ký”.');
      navigate(`/mo-hinh/${saved.id}`, { replace: editing });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') void existing.refetch();
      setError(errorText(e, 'Chưa lưu được. Vui lòng thử lại.'));
      window.scrollTo({ top: 0, behavior: 'smooth' });
    } finally {
      setBusy(false);
    }
  }

  if (editing && existing.error) return <Alert type="error" showIcon title={errorText(existing.error, 'Không tải được hồ sơ.')} />;
  if (editing && !existing.data) return <Card loading />;
  const size = mobile ? 'large' : 'middle';
  const half = { xs: 24, md: 12 };

  return (
    <div style={{ maxWidth: 980 }}>
      <Button size={size} icon={<ArrowLeftOutlined />} onClick={() => navigate(editing ? `/mo-hinh/${id}` : '/mo-hinh')} style={{ marginBottom: 8 }}>
        {editing ? 'Về hồ sơ' : 'Về danh sách'}
      </Button>
      <h2 style={{ fontSize: 20, margin: '4px 0 12px' }}>{editing ? 'Sửa đăng ký mô hình, điển hình' : 'Đăng ký mô hình, điển hình'}</h2>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark="optional" name="registration-form" scrollToFirstError>
        <Section title="1. Thông tin chung">
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item label="Loại" name="kind" rules={[{ required: true }]}>
                <Radio.Group disabled={editing} options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item label="Chủ thể" name="holder" rules={[{ required: true }]}>
                <Radio.Group options={Object.entries(HOLDER_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={kind === 'exemplar' ? 'Tên điển hình' : 'Tên mô hình'} name="title" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên' }, { max: 300, message: 'Tên quá dài (tối đa 300 ký tự)' }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="Ví dụ: Mô hình “Dân vận khéo” vận động phụ nữ tiết kiệm" />
          </Form.Item>
          <SimilarWarning
            unitId={unitId}
            title={title}
            year={year}
            excludeId={id}
            onShown={rememberShown}
            onConsolidate={(e) => {
              setPickedOrigin(e);
              form.setFieldsValue({ origin: 'consolidation', originId: e.id });
              message.info(`Đã chọn củng cố mô hình “${e.title}” (năm ${e.year}).`);
            }}
          />
          {holder === 'individual' && (
            <Row gutter={16}>
              <Col {...half}>
                <Form.Item label="Họ và tên cá nhân" name="personName" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập họ và tên' }, { max: 120 }]}>
                  <Input />
                </Form.Item>
              </Col>
              <Col {...half}>
                <Form.Item label="Chức vụ" name="personPosition" rules={[{ max: 120 }]}>
                  <Input placeholder="Không bắt buộc" />
                </Form.Item>
              </Col>
            </Row>
          )}
          {editing ? (
            <Form.Item label="Đơn vị đăng ký">
              <Input disabled value={existing.data?.unit.name} />
            </Form.Item>
          ) : (
            <Form.Item label="Đơn vị đăng ký" name="unitId" rules={[{ required: true, message: 'Vui lòng chọn đơn vị' }]}>
              <UnitPicker />
            </Form.Item>
          )}
          {editing && (
            <Form.Item name="unitId" hidden>
              <Input />
            </Form.Item>
          )}
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item label="Lĩnh vực" name="fieldCode" rules={[{ required: true, message: 'Vui lòng chọn lĩnh vực' }]}>
                <Select placeholder="Chọn lĩnh vực" options={(fields.data ?? []).filter((x) => x.active).map((x) => ({ value: x.code, label: x.name }))} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item label="Đợt phát động" name="campaignId">
                <Select
                  allowClear
                  placeholder="Không thuộc đợt phát động nào"
                  options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
                  optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="Cấp đăng ký" name="level" rules={[{ required: true, message: 'Vui lòng chọn cấp' }]}>
                <Select options={LEVEL_OPTIONS} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item label="Năm" name="year">
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Thời gian thực hiện" name="period" rules={[{ required: true, message: 'Vui lòng chọn thời gian bắt đầu và kết thúc' }]}>
                <DatePicker.RangePicker format="DD/MM/YYYY" style={{ width: '100%' }} placeholder={['Từ ngày', 'Đến ngày']} inputReadOnly={mobile} />
              </Form.Item>
            </Col>
          </Row>
        </Section>

        <Section title="2. Hình thức đăng ký">
          <Form.Item name="origin" rules={[{ required: true }]}>
            <Radio.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={Object.entries(ORIGIN_LABELS).map(([value, label]) => ({ value, label }))}
              onChange={() => form.setFieldValue('originId', null)}
            />
          </Form.Item>
          {origin === 'consolidation' && (
            <Form.Item label="Mô hình cũ được củng cố" name="originId" rules={[{ required: true, message: 'Vui lòng chọn mô hình cũ' }]} extra={unitId ? undefined : 'Chọn đơn vị đăng ký trước để thấy các mô hình cũ của đơn vị.'}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={own.isFetching}
                placeholder="Chọn mô hình, điển hình đã đăng ký các năm trước"
                options={[
                  ...(pickedOrigin && !own.data?.items.some((r) => r.id === pickedOrigin.id) ? [{ value: pickedOrigin.id, label: `${pickedOrigin.title} (${pickedOrigin.year}, ${pickedOrigin.unitName})` }] : []),
                  ...(own.data?.items ?? []).filter((r) => r.id !== id).map((r) => ({ value: r.id, label: `${r.title} (${r.year})` })),
                ]}
                optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
                notFoundContent="Đơn vị chưa có mô hình nào"
              />
            </Form.Item>
          )}
          {origin === 'replication' && (
            <Form.Item label="Mô hình đã được công nhận để nhân rộng" name="originId" rules={[{ required: true, message: 'Vui lòng chọn mô hình được nhân rộng' }]}>
              <Select
                showSearch={{ filterOption: false, onSearch: setReplicaQ }}
                loading={replicable.isFetching}
                placeholder="Gõ tên mô hình để tìm trên cả nước…"
                options={[
                  ...(existing.data?.originRef && existing.data.origin === 'replication' && !(replicable.data ?? []).some((m) => m.id === existing.data!.originRef!.id)
                    ? [{ value: existing.data.originRef.id, label: existing.data.originRef.title }]
                    : []),
                  ...(replicable.data ?? []).map((m) => ({ value: m.id, label: `${m.title} — ${m.unitName} (${m.year})` })),
                ]}
                optionRender={(o) => <span style={{ whiteSpace: 'normal' }}>{o.label}</span>}
                notFoundContent={replicable.isFetching ? 'Đang tìm…' : 'Không tìm thấy mô hình đã công nhận'}
              />
            </Form.Item>
          )}
        </Section>

        <Section title="3. Nội dung">
          <Form.Item label="Thực trạng, vấn đề cần giải quyết" name="problem" rules={[{ max: 5000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
          <Form.Item label="Mục đích" name="purpose" rules={[{ max: 5000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
          <Form.Item label="Lực lượng tham gia" name="forces" rules={[{ max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
          </Form.Item>
          <Form.Item label="Đối tượng tác động" name="targets" rules={[{ max: 2000 }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
          </Form.Item>
          <Form.Item label="Giải pháp, cách làm" name="solutions" rules={[{ max: 5000 }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
          </Form.Item>
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item label="Địa bàn thực hiện" name="placeUnitId">
                <UnitPicker allowClear placeholder="Không bắt buộc; gõ tên đơn vị…" initialLabel={existing.data?.placeUnit?.name} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item label="Địa chỉ cụ thể" name="placeAddress" rules={[{ max: 300 }]}>
                <Input placeholder="Không bắt buộc" />
              </Form.Item>
            </Col>
          </Row>
        </Section>

        <Section title="4. Nguồn lực dự kiến">
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="Kinh phí (đồng)" name="plannedFundsVnd">
                <InputNumber min={0} style={{ width: '100%' }} {...thousands} inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Ngày công" name="plannedWorkdays">
                <InputNumber min={0} style={{ width: '100%' }} {...thousands} inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Nguồn lực khác" name="plannedOther" rules={[{ max: 1000 }]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
        </Section>

        <Section title="5. Tiêu chí, chỉ tiêu">
          <Form.List name="criteria">
            {(items, { add, remove }) => (
              <>
                {items.map((item, i) => (
                  <div key={item.key} style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 10px 0', marginBottom: 8, background: '#fafafa' }}>
                    <Row gutter={8} align="top">
                      <Col xs={24} md={12}>
                        <Form.Item label={`Tiêu chí ${i + 1}`} name={[item.name, 'name']} rules={[{ max: 300, message: 'Tối đa 300 ký tự' }]} style={{ marginBottom: 8 }}>
                          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} placeholder="Tên tiêu chí" />
                        </Form.Item>
                      </Col>
                      <Col xs={9} md={4}>
                        <Form.Item label="Chỉ tiêu" name={[item.name, 'target']} style={{ marginBottom: 8 }}>
                          <InputNumber min={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={11} md={6}>
                        <Form.Item label="Đơn vị tính" name={[item.name, 'unitOfMeasure']} rules={[{ max: 60 }]} style={{ marginBottom: 8 }}>
                          <Input placeholder="người, hộ, %…" />
                        </Form.Item>
                      </Col>
                      <Col xs={4} md={2} style={{ paddingTop: 30 }}>
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
                    target={kind === 'exemplar' ? holder ?? 'collective' : 'model'}
                    onClose={() => setCatalogue(false)}
                    onPick={(names) => {
                      const current = (form.getFieldValue('criteria') as CriterionRow[] | undefined) ?? [];
                      const kept = current.filter((c) => c.name && c.name.trim());
                      form.setFieldValue('criteria', [...kept, ...names.filter((n) => !kept.some((c) => c.name === n)).map((name) => ({ name }))]);
                      setCatalogue(false);
                    }}
                  />
                )}
              </>
            )}
          </Form.List>
        </Section>

        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 24 }}>
          <Button type="primary" size="large" loading={busy} onClick={() => void save()}>
            {editing ? 'Lưu thay đổi' : 'Lưu bản đăng ký'}
          </Button>
          <Button size="large" onClick={() => navigate(editing ? `/mo-hinh/${id}` : '/mo-hinh')}>
            Hủy
          </Button>
        </div>
      </Form>
    </div>
  );
}

function CatalogueModal({ target, onClose, onPick }: { target: string; onClose: () => void; onPick: (names: string[]) => void }) {
  const [picked, setPicked] = useState<string[]>([]);
  const list = useQuery({ queryKey: ['criteria-templates', target], queryFn: () => get<CriterionTemplate[]>(`/criteria-templates${qs({ target })}`) });
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
        <Checkbox.Group value={picked} onChange={(v) => setPicked(v as string[])} style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
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
