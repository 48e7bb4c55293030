import { useState } from 'react';
import { Alert, Button, Col, Form, Input, Modal, Radio, Row, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { Registration } from '@domain/movement-schemas.js';
import type { Inspection } from '@domain/inspection-schemas.js';
import { InspectionInput, OVERALL_LABELS } from '@domain/inspection-schemas.js';
import { achievedLabel, completionPct } from '@domain/achievement.js';
import { DateField, dateRules } from '../../components/DateField';
import { maxRule } from '../../components/limits';
import { DecimalInput, MoneyInput } from '../../components/MoneyInput';
import { post } from '../../api';
import { ModalTitle } from '../../components/ModalTitle';
import { formatNumber, vietnamToday } from '../../format';
import { useFormSubmit } from '../../components/useFormSubmit';
import { FormModal } from '../../components/FormModal';
import { ACCEPTED_FILES } from '../../components/Attachments';

const I = InspectionInput.shape;

interface Values {
  inspectedOn: Dayjs;
  overall: keyof typeof OVERALL_LABELS;
  assessment?: string;
  difficulties?: string;
  supportGiven?: string;
  fundsVnd?: number | null;
  workdays?: number | null;
  peopleReached?: number | null;
  criteria: { criterionId: string; achieved?: number | null; note?: string }[];
}

const t = (s?: string) => (s && s.trim() ? s.trim() : null);

/** "130 / 200 bóng (65 %)", live as the value is typed; green at or above the target. */
export function AchievedBadge({
  achieved,
  target,
  unit,
}: {
  achieved: number | null | undefined;
  target: number | null | undefined;
  unit: string | null | undefined;
}) {
  const pct = completionPct(achieved, target);
  const colour = pct === null ? '#595959' : pct >= 100 ? '#389e0d' : '#d46b08';
  return (
    <div data-testid="achieved-label" style={{ marginBottom: 8, color: colour, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {achievedLabel(achieved, target, unit)}
    </div>
  );
}

/** Records an inspection; once saved, photos and documents are attached to it. */
export function InspectionModal({ registration, onClose }: { registration: Registration; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [saved, setSaved] = useState<Inspection | null>(null);
  const [uploaded, setUploaded] = useState(0);
  // the server's own words for a refused file (not a photo, too large, damaged)
  const [refused, setRefused] = useState<string[]>([]);

  const {
    submit: save,
    busy,
    error,
  } = useFormSubmit(
    form,
    (v, opts) =>
      post<Inspection>(
        `/registrations/${registration.id}/inspections`,
        {
          inspectedOn: v.inspectedOn.format('YYYY-MM-DD'),
          overall: v.overall,
          assessment: t(v.assessment),
          difficulties: t(v.difficulties),
          supportGiven: t(v.supportGiven),
          fundsVnd: v.fundsVnd ?? null,
          workdays: v.workdays ?? null,
          peopleReached: v.peopleReached ?? null,
          // Rows follow the registration's criteria, one for one.
          criteria: (v.criteria ?? [])
            .map((c, i) => ({ criterionId: registration.criteria[i]!.id, achieved: c.achieved, note: t(c.note) }))
            .filter((c): c is { criterionId: string; achieved: number; note: string | null } => c.achieved != null),
        },
        opts,
      ),
    { fallback: 'Chưa lưu được. Vui lòng thử lại.', onSuccess: setSaved },
  );

  if (saved) {
    return (
      <Modal
        open
        title={<ModalTitle main="Ảnh, tài liệu minh chứng" sub={registration.title} />}
        footer={
          <Button type="primary" size="large" onClick={onClose}>
            Xong
          </Button>
        }
        onCancel={onClose}
        maskClosable={false}
      >
        <Alert type="success" showIcon title="Đã lưu kết quả kiểm tra." style={{ marginBottom: 12 }} />
        {registration.actions.includes('add_evidence') || registration.actions.includes('inspect') ? (
          <>
            <p>Tải lên ảnh chụp, tệp PDF, Word hoặc Excel làm minh chứng (mỗi tệp tối đa 20 MB).</p>
            <Upload
              name="file"
              action={`/api/v1/registrations/${registration.id}/evidence?inspectionId=${saved.id}`}
              withCredentials
              headers={{ 'accept-language': 'vi' }}
              accept={ACCEPTED_FILES}
              listType="picture"
              multiple
              onChange={(info) => {
                if (info.file.status === 'done') setUploaded((n) => n + 1);
                if (info.file.status === 'error') {
                  const said = (info.file.response as { error?: { message?: string } } | undefined)?.error?.message;
                  setRefused((list) => [...list, said ?? `Không tải lên được tệp "${info.file.name}". Vui lòng thử lại.`]);
                }
              }}
              showUploadList={{ showRemoveIcon: false }}
            >
              <Button size="large" icon={<UploadOutlined />}>
                Chọn ảnh, tệp minh chứng
              </Button>
            </Upload>
            {uploaded > 0 && <div style={{ marginTop: 8, color: '#389e0d' }}>Đã tải lên {uploaded} tệp.</div>}
            {refused.map((m, i) => (
              <Alert key={i} type="error" showIcon title={m} style={{ marginTop: 8 }} />
            ))}
          </>
        ) : null}
      </Modal>
    );
  }

  return (
    <FormModal
      title="Ghi kết quả kiểm tra"
      sub={registration.title}
      okText="Lưu kết quả"
      onOk={save}
      busy={busy}
      onClose={onClose}
      error={error}
      width={720}
      destroyOnHidden={false}
    >
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        name="inspection-form"
        initialValues={{ inspectedOn: vietnamToday(), criteria: registration.criteria.map((c) => ({ criterionId: c.id })) }}
      >
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item label="Ngày kiểm tra" name="inspectedOn" rules={dateRules('Vui lòng nhập ngày kiểm tra')}>
              <DateField />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item label="Đánh giá chung" name="overall" rules={[{ required: true, message: 'Vui lòng chọn đánh giá chung' }]}>
              <Radio.Group options={Object.entries(OVERALL_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
          </Col>
        </Row>
        {registration.criteria.length > 0 && (
          <div style={{ marginBottom: 12 }}>
            <div style={{ fontWeight: 600, marginBottom: 6 }}>Kết quả đạt được theo từng tiêu chí</div>
            <Form.List name="criteria">
              {(items) =>
                items.map((item, i) => {
                  const c = registration.criteria[i]!;
                  return (
                    <div
                      key={item.key}
                      style={{
                        background: '#fafafa',
                        border: '1px solid #f0f0f0',
                        borderRadius: 6,
                        padding: '8px 10px 0',
                        marginBottom: 8,
                      }}
                    >
                      <div style={{ marginBottom: 4 }}>
                        {i + 1}. {c.name}
                        {c.target != null ? ` (chỉ tiêu: ${formatNumber(c.target)} ${c.unitOfMeasure ?? ''})` : ''}
                      </div>
                      <Row gutter={8} align="middle">
                        <Col xs={11} md={7}>
                          <Form.Item name={[item.name, 'achieved']} style={{ marginBottom: 8 }}>
                            <DecimalInput
                              aria-label={`Đạt được (${c.unitOfMeasure ?? 'giá trị'}) – ${c.name}`}
                              placeholder="Đạt được"
                              suffix={c.unitOfMeasure ?? undefined}
                            />
                          </Form.Item>
                        </Col>
                        <Col xs={13} md={6}>
                          <Form.Item noStyle shouldUpdate>
                            {() => (
                              <AchievedBadge
                                achieved={form.getFieldValue(['criteria', item.name, 'achieved']) as number | null | undefined}
                                target={c.target}
                                unit={c.unitOfMeasure}
                              />
                            )}
                          </Form.Item>
                        </Col>
                        <Col xs={24} md={11}>
                          <Form.Item name={[item.name, 'note']} style={{ marginBottom: 8 }}>
                            <Input placeholder="Ghi chú" />
                          </Form.Item>
                        </Col>
                      </Row>
                    </div>
                  );
                })
              }
            </Form.List>
          </div>
        )}
        <Form.Item label="Nhận xét, đánh giá" name="assessment" rules={[maxRule(I.assessment)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
        <Form.Item label="Khó khăn, vướng mắc" name="difficulties" rules={[maxRule(I.difficulties)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
        </Form.Item>
        <Form.Item label="Hỗ trợ đã thực hiện" name="supportGiven" rules={[maxRule(I.supportGiven)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} />
        </Form.Item>
        <Row gutter={8}>
          <Col xs={24} md={8}>
            <Form.Item label="Kinh phí đã huy động (đồng)" name="fundsVnd">
              <MoneyInput />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label="Ngày công" name="workdays">
              <MoneyInput />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item label="Số người được tác động" name="peopleReached">
              <MoneyInput />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
}
