import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import { Button, Calendar, Form, Input, Modal, Popover } from 'antd';
import type { Rule } from 'antd/es/form';
import { CalendarOutlined, DoubleLeftOutlined, DoubleRightOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { parseTypedDate } from '@domain/typed-date.js';
import { useIsMobile } from '../useIsMobile';

/**
 * The app's one date field: a date is typed (dd/mm/yyyy, "25/11/2026" or "25112026", with the
 * digits keyboard on a phone) or picked on a one-month calendar that fits a phone's screen. Its
 * value is a Dayjs (midnight of the day), null when empty, and an invalid Dayjs while the text
 * cannot be read: `dateRules` then gives the Vietnamese reason under the field.
 */
export interface DateFieldProps {
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
  id?: string;
  placeholder?: string;
  'aria-label'?: string;
  disabled?: boolean;
  /** Days that cannot be chosen (greyed on the calendar, refused when typed). */
  disabledDate?: (day: Dayjs) => boolean;
  /** Why a disabled day cannot be chosen, in Vietnamese. */
  disabledReason?: string;
  style?: CSSProperties;
  /** Outside a Form.Item: the field shows its own message for a date it cannot read. */
  standalone?: boolean;
}

const FORMAT = 'DD/MM/YYYY';
const reasons = new WeakMap<Dayjs, string>();
const DEFAULT_REASON = 'Ngày chưa đúng. Vui lòng gõ theo dạng ngày/tháng/năm, ví dụ 25/11/2026.';

/** An invalid value that carries the reason the text could not be read. */
function invalidDate(reason: string): Dayjs {
  const d = dayjs('');
  reasons.set(d, reason || DEFAULT_REASON);
  return d;
}

/** Why a value of a date field is not a date, or null when it is one (or empty). */
export function dateProblem(value: Dayjs | null | undefined): string | null {
  if (!value || value.isValid()) return null;
  return reasons.get(value) ?? DEFAULT_REASON;
}

/**
 * The rules of a date field in a form: `required` is the message for an empty field (omit it for an
 * optional one); a date that cannot be read is refused with its reason.
 */
export function dateRules(required?: string): Rule[] {
  const readable: Rule = {
    validator: (_, value: Dayjs | null | undefined) => {
      const problem = dateProblem(value);
      return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
    },
  };
  return required ? [{ required: true, message: required }, readable] : [readable];
}

/** Separators typed between day, month and year: one slash each, added as the digits come. */
function withSlashes(previous: string, typed: string): string {
  const cleaned = typed
    .replace(/[^\d/.\- ]/g, '')
    .replace(/[.\- ]/g, '/')
    .replace(/\/{2,}/g, '/');
  const appending = cleaned.length === previous.length + 1 && cleaned.startsWith(previous);
  // "25" → "25/", "25/11" → "25/11/" while typing forward; deleting leaves the text alone.
  if (appending && /^(\d{2}|\d{1,2}\/\d{2})$/.test(cleaned)) return `${cleaned}/`;
  return cleaned.slice(0, 10);
}

/** The calendar's header, narrow enough for a phone: a year and a month back, "Tháng 3/2026", a month and a year on. */
function MonthHeader({ value, onChange }: { value: Dayjs; onChange: (date: Dayjs) => void }) {
  const step = (n: number, unit: 'month' | 'year', label: string, icon: ReactNode) => (
    <Button type="text" size="small" aria-label={label} icon={icon} onClick={() => onChange(value.add(n, unit))} />
  );
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', padding: '4px 0 8px' }}>
      <span>
        {step(-1, 'year', 'Năm trước', <DoubleLeftOutlined />)}
        {step(-1, 'month', 'Tháng trước', <LeftOutlined />)}
      </span>
      <strong aria-live="polite">
        Tháng {value.month() + 1}/{value.year()}
      </strong>
      <span>
        {step(1, 'month', 'Tháng sau', <RightOutlined />)}
        {step(1, 'year', 'Năm sau', <DoubleRightOutlined />)}
      </span>
    </div>
  );
}

export function DateField({
  value,
  onChange,
  id,
  placeholder = 'dd/mm/yyyy',
  disabled,
  disabledDate,
  disabledReason,
  style,
  standalone,
  ...rest
}: DateFieldProps) {
  const [text, setText] = useState(() => (value && value.isValid() ? value.format(FORMAT) : ''));
  const [open, setOpen] = useState(false);
  const mobile = useIsMobile();

  // A value set from outside (initial values, a reset, the calendar) shows as dd/mm/yyyy.
  useEffect(() => {
    if (value && value.isValid()) {
      setText((t) => {
        const p = parseTypedDate(t);
        return p.ok && p.iso === value.format('YYYY-MM-DD') ? t : value.format(FORMAT);
      });
    } else if (value === null || value === undefined) {
      setText((t) => (parseTypedDate(t).ok ? '' : t));
    }
  }, [value]);

  /** The value the text stands for: a date, empty, or the reason it is not one. */
  const read = (t: string): Dayjs | null => {
    if (!t.trim()) return null;
    const p = parseTypedDate(t);
    if (!p.ok) return invalidDate(p.reason);
    const day = dayjs(p.iso);
    if (disabledDate?.(day)) return invalidDate(disabledReason ?? `Không chọn được ngày ${day.format(FORMAT)}.`);
    return day;
  };

  const commit = (t: string) => {
    const next = read(t);
    if (next && next.isValid()) setText(next.format(FORMAT));
    const same = (next === null && !value) || (next?.isValid() && value?.isValid() && next.isSame(value, 'day'));
    if (!same) onChange?.(next);
  };

  const problem = standalone ? dateProblem(value) : null;
  const calendar = (
    <Calendar
      fullscreen={false}
      defaultValue={value && value.isValid() ? value : dayjs().startOf('day')}
      headerRender={MonthHeader}
      disabledDate={disabledDate}
      onSelect={(day, info) => {
        if (info.source !== 'date') return;
        setText(day.format(FORMAT));
        onChange?.(day.startOf('day'));
        setOpen(false);
      }}
    />
  );
  // On a phone the calendar opens in the middle of the screen, where a month always fits.
  const button = (onClick?: () => void) => (
    <Button
      aria-label="Mở lịch để chọn ngày"
      icon={<CalendarOutlined />}
      disabled={disabled}
      onClick={onClick}
      style={{ marginInlineStart: -1, borderStartStartRadius: 0, borderEndStartRadius: 0 }}
    />
  );

  return (
    <div style={{ width: '100%', ...style }}>
      <div style={{ display: 'flex', width: '100%' }}>
        <Input
          id={id}
          aria-label={rest['aria-label']}
          value={text}
          placeholder={placeholder}
          inputMode="numeric"
          autoComplete="off"
          maxLength={10}
          disabled={disabled}
          status={problem ? 'error' : undefined}
          style={{ flex: 1, minWidth: 0, borderStartEndRadius: 0, borderEndEndRadius: 0 }}
          onChange={(e) => {
            const next = withSlashes(text, e.target.value);
            setText(next);
            // A complete date counts at once (the form's other fields follow it); a partial one when the field is left.
            const p = parseTypedDate(next);
            if (!next) commit(next);
            else if (p.ok && /\d{4}$/.test(next)) commit(next);
          }}
          onBlur={() => commit(text)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit(text);
            }
          }}
        />
        {mobile ? (
          <>
            {button(() => setOpen(true))}
            <Modal
              open={open && !disabled}
              onCancel={() => setOpen(false)}
              footer={null}
              title="Chọn ngày"
              width={340}
              centered
              destroyOnHidden
            >
              {calendar}
            </Modal>
          </>
        ) : (
          <Popover
            open={open && !disabled}
            onOpenChange={setOpen}
            trigger="click"
            placement="bottomRight"
            destroyOnHidden
            content={<div style={{ width: 288 }}>{calendar}</div>}
          >
            {button()}
          </Popover>
        )}
      </div>
      {problem && (
        <div role="alert" style={{ color: '#cf1322', fontSize: 13, marginTop: 2 }}>
          {problem}
        </div>
      )}
    </div>
  );
}

/**
 * A period as two date fields side by side ("Từ ngày", "Đến ngày"), each typed or picked on its own
 * one-month calendar (a two-month range picker runs off a phone's screen). The end is checked
 * against the start.
 */
export function DateRangeFields({
  label,
  startName,
  endName,
  requiredStart,
  requiredEnd,
}: {
  label: string;
  startName: string;
  endName: string;
  requiredStart: string;
  requiredEnd: string;
}) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <legend style={{ fontSize: 'inherit', color: 'rgba(0, 0, 0, 0.88)', marginBottom: 8, padding: 0, border: 0 }}>{label}</legend>
      <div style={{ display: 'flex', gap: 8 }}>
        <Form.Item name={startName} rules={dateRules(requiredStart)} style={{ flex: 1, minWidth: 0 }}>
          <DateField placeholder="Từ ngày" aria-label={`${label}: từ ngày`} />
        </Form.Item>
        <Form.Item
          name={endName}
          dependencies={[startName]}
          style={{ flex: 1, minWidth: 0 }}
          rules={[
            ...dateRules(requiredEnd),
            ({ getFieldValue }) => ({
              validator: (_, end: Dayjs | null | undefined) => {
                const from = getFieldValue(startName) as Dayjs | null | undefined;
                return end?.isValid() && from?.isValid() && end.isBefore(from, 'day')
                  ? Promise.reject(new Error(`Ngày kết thúc phải từ ngày bắt đầu (${from.format(FORMAT)}) trở về sau`))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DateField placeholder="Đến ngày" aria-label={`${label}: đến ngày`} />
        </Form.Item>
      </div>
    </fieldset>
  );
}
