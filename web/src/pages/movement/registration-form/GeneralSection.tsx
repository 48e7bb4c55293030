import { Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { RegistrationInput, type Campaign, type EarlierRegistration, type Registration } from '@domain/movement-schemas.js';
import { DISTRICT_LEVEL_ENDS, levelsForDate } from '@domain/registration-rules.js';
import { formatDateVi, HOLDER_LABELS, KIND_LABELS } from '@domain/statistics.js';
import { get } from '../../../api';
import { DateRangeFields } from '../../../components/DateField';
import { maxRule } from '../../../components/limits';
import { UnitPicker } from '../../../components/UnitPicker';
import { SimilarWarning } from '../SimilarWarning';
import { LEVEL_OPTIONS, useFields } from '../shared';
import { HALF, Section, wrapOption } from './Section';
import type { RegistrationValues } from './values';

const F = RegistrationInput.shape;
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** 1. Who registers what: kind, holder, title (with the re-registration check), unit, field, campaign, level, year, period. */
export function GeneralSection(props: {
  form: FormInstance<RegistrationValues>;
  existing: Registration | undefined;
  mobile: boolean;
  onShown: (items: EarlierRegistration[]) => void;
  onConsolidate: (item: EarlierRegistration) => void;
}) {
  const { form, existing } = props;
  const editing = !!existing;
  const fields = useFields();
  const campaigns = useQuery({
    queryKey: ['campaigns', 'launched'],
    queryFn: () => get<{ items: Campaign[] }>('/campaigns?state=launched&pageSize=200'),
  });
  const kind = Form.useWatch('kind', form);
  const holder = Form.useWatch('holder', form);
  const unitId = Form.useWatch('unitId', form);
  const title = Form.useWatch('title', form);
  const year = Form.useWatch('year', form);
  const start = Form.useWatch('startDate', form);
  // The district level ended on 01/07/2025: it is offered only for work that started before then.
  const periodStart = start?.isValid() ? start.format('YYYY-MM-DD') : year ? `${year}-01-01` : null;
  const levels = periodStart ? new Set<string>(levelsForDate(periodStart)) : null;
  const levelOptions = levels ? LEVEL_OPTIONS.filter((o) => levels.has(o.value) || o.value === existing?.level) : LEVEL_OPTIONS;
  return (
    <Section title="1. Thông tin chung">
      <Row gutter={16}>
        <Col {...HALF}>
          <Form.Item label="Loại" name="kind" rules={[{ required: true }]}>
            <Radio.Group disabled={editing} options={options(KIND_LABELS)} />
          </Form.Item>
        </Col>
        <Col {...HALF}>
          <Form.Item label="Chủ thể" name="holder" rules={[{ required: true }]}>
            <Radio.Group options={options(HOLDER_LABELS)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label={kind === 'exemplar' ? 'Tên điển hình' : 'Tên mô hình'}
        name="title"
        rules={[
          { required: true, whitespace: true, message: 'Vui lòng nhập tên' },
          maxRule(F.title, (n) => `Tên quá dài (tối đa ${n} ký tự)`),
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="Ví dụ: Mô hình “Dân vận khéo” vận động phụ nữ tiết kiệm" />
      </Form.Item>
      <SimilarWarning
        unitId={unitId}
        title={title}
        year={year}
        excludeId={existing?.id}
        onShown={props.onShown}
        onConsolidate={props.onConsolidate}
      />
      {holder === 'individual' && (
        <Row gutter={16}>
          <Col {...HALF}>
            <Form.Item
              label="Họ và tên cá nhân"
              name="personName"
              rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập họ và tên' }, maxRule(F.personName)]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col {...HALF}>
            <Form.Item label="Chức vụ" name="personPosition" rules={[maxRule(F.personPosition)]}>
              <Input placeholder="Không bắt buộc" />
            </Form.Item>
          </Col>
        </Row>
      )}
      {editing ? (
        <>
          <Form.Item label="Đơn vị đăng ký" htmlFor="registration-unit-name" required>
            <Input id="registration-unit-name" disabled value={existing.unit.name} />
          </Form.Item>
          <Form.Item name="unitId" hidden>
            <Input />
          </Form.Item>
        </>
      ) : (
        <Form.Item label="Đơn vị đăng ký" name="unitId" rules={[{ required: true, message: 'Vui lòng chọn đơn vị' }]}>
          <UnitPicker />
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col {...HALF}>
          <Form.Item label="Lĩnh vực" name="fieldCode" rules={[{ required: true, message: 'Vui lòng chọn lĩnh vực' }]}>
            <Select
              placeholder="Chọn lĩnh vực"
              options={(fields.data ?? []).filter((x) => x.active).map((x) => ({ value: x.code, label: x.name }))}
            />
          </Form.Item>
        </Col>
        <Col {...HALF}>
          <Form.Item label="Đợt phát động" name="campaignId">
            <Select
              allowClear
              placeholder="Không thuộc đợt phát động nào"
              options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.title }))}
              optionRender={wrapOption}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label="Cấp đăng ký"
            name="level"
            dependencies={['startDate']}
            rules={[
              { required: true, message: 'Vui lòng chọn cấp' },
              {
                validator: (_, level: string | undefined) =>
                  level === 'district' && levels && !levels.has('district')
                    ? Promise.reject(new Error(`Cấp huyện không còn từ ngày ${formatDateVi(DISTRICT_LEVEL_ENDS)}: vui lòng chọn cấp khác`))
                    : Promise.resolve(),
              },
            ]}
          >
            <Select options={levelOptions} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label="Năm" name="year">
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <DateRangeFields
            label="Thời gian thực hiện"
            startName="startDate"
            endName="endDate"
            requiredStart="Vui lòng nhập ngày bắt đầu"
            requiredEnd="Vui lòng nhập ngày kết thúc"
          />
        </Col>
      </Row>
    </Section>
  );
}
