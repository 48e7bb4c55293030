import { InputNumber, type InputNumberProps } from 'antd';
import { groupDecimal, parseDecimal } from '@domain/achievement.js';
import { formatMoney, parseMoney } from '@domain/money.js';

/** The field's number; an emptied field stays empty (the input reads '' as no value, not 0). */
const orEmpty = (n: number | null): number => (n ?? '') as unknown as number;

type Props = Omit<InputNumberProps<number>, 'formatter' | 'parser'>;

/**
 * A whole amount (money in đồng, workdays, people) typed with the digits keyboard and grouped with
 * dots as it is typed: 98500000 shows "98.500.000". The one formatter and parser are the domain's
 * (`money.ts`), the same that the screens and documents show figures with.
 */
export function MoneyInput(props: Props) {
  return (
    <InputNumber<number>
      min={0}
      max={1e15}
      precision={0}
      inputMode="numeric"
      style={{ width: '100%' }}
      {...props}
      formatter={(v) => formatMoney(v)}
      parser={(v) => orEmpty(parseMoney(v))}
    />
  );
}

/** A value that may have decimals (a criterion's target or result): "1.234,5", thousands dots, decimal comma. */
export function DecimalInput(props: Props) {
  return (
    <InputNumber<number>
      min={0}
      max={1e15}
      inputMode="decimal"
      style={{ width: '100%' }}
      {...props}
      formatter={(v, info) => (info.userTyping && /,\d*$/.test(info.input) ? info.input : groupDecimal(v))}
      parser={(v) => orEmpty(parseDecimal(v))}
    />
  );
}
