import { Col, Form, InputNumber, Row } from 'antd';
import { DateField, dateRules } from '../../components/DateField';
import type { Dayjs } from 'dayjs';
import type { CampaignCalendar } from '@domain/movement-schemas.js';
import type { z } from 'zod';
import { dateValue, formatDate } from '../../format';

type Calendar = z.infer<typeof CampaignCalendar>;
const DATES = [
  ['registrationDeadline', 'Hạn đăng ký'],
  ['inspectionDueDate', 'Hạn kiểm tra mô hình'],
  ['recognitionDate', 'Ngày xét công nhận'],
  ['reviewDate', 'Ngày sơ kết, tổng kết'],
] as const;

export interface CalendarValue {
  registrationDeadline?: Dayjs | null;
  inspectionDueDate?: Dayjs | null;
  recognitionDate?: Dayjs | null;
  reviewDate?: Dayjs | null;
  remindDaysBefore?: number | null;
  remindDaysAfter?: number | null;
}

/** The campaign's deadlines and reminder days, as fields under `calendar` of a form. */
export function CalendarFields() {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 15, fontWeight: 600, marginBottom: 8 }}>Lịch thực hiện và nhắc hạn</legend>
      <Row gutter={8}>
        {DATES.map(([key, label]) => (
          <Col key={key} xs={24} sm={12}>
            <Form.Item label={label} name={['calendar', key]} rules={dateRules()}>
              <DateField />
            </Form.Item>
          </Col>
        ))}
        <Col xs={24} sm={12}>
          <Form.Item
            label="Nhắc trước hạn (ngày)"
            name={['calendar', 'remindDaysBefore']}
            extra="0: không nhắc trước; luôn nhắc đúng ngày đến hạn"
          >
            <InputNumber min={0} max={60} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item label="Nhắc lại sau hạn (ngày)" name={['calendar', 'remindDaysAfter']} extra="Nhắc một lần khi đã quá hạn">
            <InputNumber min={1} max={60} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </fieldset>
  );
}

/** A campaign's calendar as the form's values. */
export function calendarFormValue(c: Calendar): CalendarValue {
  const d = (s: string | null) => (s ? dateValue(s) : null);
  return {
    registrationDeadline: d(c.registrationDeadline),
    inspectionDueDate: d(c.inspectionDueDate),
    recognitionDate: d(c.recognitionDate),
    reviewDate: d(c.reviewDate),
    remindDaysBefore: c.remindDaysBefore,
    remindDaysAfter: c.remindDaysAfter,
  };
}

/** The form's calendar as the API takes it (an emptied date is cleared). */
export function calendarForApi(v: CalendarValue | undefined) {
  const d = (x: Dayjs | null | undefined) => (x ? x.format('YYYY-MM-DD') : null);
  return {
    registrationDeadline: d(v?.registrationDeadline),
    inspectionDueDate: d(v?.inspectionDueDate),
    recognitionDate: d(v?.recognitionDate),
    reviewDate: d(v?.reviewDate),
    ...(v?.remindDaysBefore != null ? { remindDaysBefore: v.remindDaysBefore } : {}),
    ...(v?.remindDaysAfter != null ? { remindDaysAfter: v.remindDaysAfter } : {}),
  };
}

/** One line per date set, and the reminder days. */
export function calendarText(c: Calendar): string[] {
  const lines: string[] = DATES.filter(([k]) => c[k]).map(([k, label]) => `${label}: ${formatDate(c[k])}`);
  if (lines.length)
    lines.push(`Nhắc hạn: ${c.remindDaysBefore > 0 ? `trước ${c.remindDaysBefore} ngày, ` : ''}đúng ngày và sau ${c.remindDaysAfter} ngày`);
  return lines;
}
