import { Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { Field } from '@domain/movement-schemas.js';
import { REGISTRATION_STATE_LABELS, type RegistrationState } from '@domain/workflow.js';
import { UNIT_LEVEL_LABELS } from '@domain/unit-kinds.js';
import { OVERDUE_LABEL } from '@domain/deadlines.js';
import { get } from '../../api';

export const STATE_COLORS: Record<RegistrationState, string> = {
  draft: 'default',
  submitted: 'gold',
  returned: 'orange',
  accepted: 'blue',
  rejected: 'red',
  recognised: 'green',
  not_recognised: 'volcano',
  completed: 'cyan',
  discontinued: 'default',
};

export function StateTag({ state }: { state: string }) {
  const s = state as RegistrationState;
  return (
    <Tag color={STATE_COLORS[s] ?? 'default'} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
      {REGISTRATION_STATE_LABELS[s] ?? state}
    </Tag>
  );
}

/** "Quá hạn": accepted, not inspected, and past the campaign's inspection due date. */
export function OverdueTag({ dueDate }: { dueDate?: string | null }) {
  const due = dueDate ? ` (hạn ${dueDate.split('-').reverse().join('/')})` : '';
  return (
    <Tag color="red" title={`Đã quá hạn kiểm tra của đợt phát động mà chưa kiểm tra${due}`} style={{ marginInlineEnd: 0 }}>
      {OVERDUE_LABEL}
    </Tag>
  );
}

/** The domain's names of kinds and holders, the same words as the statistics and documents use. */
export { HOLDER_LABELS, KIND_LABELS } from '@domain/statistics.js';
export const levelLabel = (l: string | null | undefined) => (l ? ((UNIT_LEVEL_LABELS as Record<string, string>)[l] ?? l) : '—');
export const LEVEL_OPTIONS = (['grassroots', 'commune', 'district', 'block', 'province', 'central'] as const).map((v) => ({
  value: v,
  label: `Cấp ${UNIT_LEVEL_LABELS[v].toLowerCase()}`,
}));

export function useFields() {
  return useQuery({ queryKey: ['fields'], queryFn: () => get<Field[]>('/fields'), staleTime: 3_600_000 });
}
export function useFieldName() {
  const fields = useFields();
  return (code: string) => fields.data?.find((f) => f.code === code)?.name ?? code;
}

export interface CommendationFormItem {
  code: string;
  name: string;
  sort: number;
  active: boolean;
}
export function useCommendationForms() {
  return useQuery({
    queryKey: ['commendation-forms'],
    queryFn: () => get<CommendationFormItem[]>('/commendation-forms'),
    staleTime: 3_600_000,
  });
}
