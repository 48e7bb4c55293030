import { useState } from 'react';
import { Form, Radio, Select } from 'antd';
import type { FormInstance } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { EarlierRegistration, Registration, RegistrationList, ReplicableModel } from '@domain/movement-schemas.js';
import { ORIGIN_LABELS } from '@domain/statistics.js';
import { get, qs } from '../../../api';
import { Section, wrapOption } from './Section';
import type { RegistrationValues } from './values';

type ListItem = z.infer<typeof RegistrationList>['items'][number];
type Replicable = z.infer<typeof ReplicableModel>;

/** What each way of registering means, after the domain's name of it. */
const ORIGIN_HINTS: Partial<Record<keyof typeof ORIGIN_LABELS, string>> = {
  consolidation: 'tiếp tục mô hình cũ',
  replication: 'học tập mô hình đã công nhận',
};
const ORIGIN_OPTIONS = (Object.keys(ORIGIN_LABELS) as (keyof typeof ORIGIN_LABELS)[]).map((value) => ({
  value,
  label: ORIGIN_HINTS[value] ? `${ORIGIN_LABELS[value]} (${ORIGIN_HINTS[value]})` : ORIGIN_LABELS[value],
}));

/** 2. New, consolidation of the unit's earlier model, or replication of a recognised one anywhere. */
export function OriginSection({
  form,
  existing,
  pickedOrigin,
}: {
  form: FormInstance<RegistrationValues>;
  existing: Registration | undefined;
  pickedOrigin: EarlierRegistration | null;
}) {
  const origin = Form.useWatch('origin', form);
  const unitId = Form.useWatch('unitId', form);
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
  const storedReplica = existing?.originRef && existing.origin === 'replication' ? existing.originRef : null;

  return (
    <Section title="2. Hình thức đăng ký">
      <Form.Item name="origin" rules={[{ required: true }]}>
        <Radio.Group className="radio-column" options={ORIGIN_OPTIONS} onChange={() => form.setFieldValue('originId', null)} />
      </Form.Item>
      {origin === 'consolidation' && (
        <Form.Item
          label="Mô hình cũ được củng cố"
          name="originId"
          rules={[{ required: true, message: 'Vui lòng chọn mô hình cũ' }]}
          extra={unitId ? undefined : 'Chọn đơn vị đăng ký trước để thấy các mô hình cũ của đơn vị.'}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={own.isFetching}
            placeholder="Chọn mô hình, điển hình đã đăng ký các năm trước"
            options={[
              ...(pickedOrigin && !own.data?.items.some((r) => r.id === pickedOrigin.id)
                ? [{ value: pickedOrigin.id, label: `${pickedOrigin.title} (${pickedOrigin.year}, ${pickedOrigin.unitName})` }]
                : []),
              ...(own.data?.items ?? [])
                .filter((r) => r.id !== existing?.id)
                .map((r) => ({ value: r.id, label: `${r.title} (${r.year})` })),
            ]}
            optionRender={wrapOption}
            notFoundContent="Đơn vị chưa có mô hình nào"
          />
        </Form.Item>
      )}
      {origin === 'replication' && (
        <Form.Item
          label="Mô hình đã được công nhận để nhân rộng"
          name="originId"
          rules={[{ required: true, message: 'Vui lòng chọn mô hình được nhân rộng' }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setReplicaQ }}
            loading={replicable.isFetching}
            placeholder="Gõ tên mô hình để tìm trên cả nước…"
            options={[
              ...(storedReplica && !(replicable.data ?? []).some((m) => m.id === storedReplica.id)
                ? [{ value: storedReplica.id, label: storedReplica.title }]
                : []),
              ...(replicable.data ?? []).map((m) => ({ value: m.id, label: `${m.title} — ${m.unitName} (${m.year})` })),
            ]}
            optionRender={wrapOption}
            notFoundContent={replicable.isFetching ? 'Đang tìm…' : 'Không tìm thấy mô hình đã công nhận'}
          />
        </Form.Item>
      )}
    </Section>
  );
}
