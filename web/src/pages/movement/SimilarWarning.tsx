import { useEffect } from 'react';
import { Alert, Button, List, Space } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { EarlierRegistration } from '@domain/movement-schemas.js';
import { get, qs } from '../../api';
import { StateTag } from './shared';
import { useDebounced } from '../../components/useDebounced';
import { vietnamYear } from '../../format';

/**
 * While a model is being registered: earlier models near the same unit with a similar title. The
 * registrant may continue one of them as a consolidation, or go on; what was shown is reported back
 * (`onShown`) and saved with the registration, so the appraiser knows it was seen.
 */
export function SimilarWarning(props: {
  unitId?: string | undefined;
  title?: string | undefined;
  year?: number | null | undefined;
  excludeId?: string | undefined;
  onShown: (items: EarlierRegistration[]) => void;
  onConsolidate: (item: EarlierRegistration) => void;
}) {
  const title = useDebounced((props.title ?? '').trim(), 500);
  const year = props.year ?? vietnamYear();
  const similar = useQuery({
    queryKey: ['similar', props.unitId, title, year, props.excludeId],
    queryFn: () =>
      get<EarlierRegistration[]>(`/registrations/similar${qs({ unitId: props.unitId, title, year, excludeId: props.excludeId })}`),
    enabled: !!props.unitId && title.length >= 8,
    staleTime: 60_000,
  });
  const items = similar.data ?? [];
  const { onShown } = props;
  useEffect(() => {
    if (similar.data?.length) onShown(similar.data);
  }, [similar.data, onShown]);
  if (items.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={`Có ${items.length} mô hình tên gần giống đã đăng ký gần đây. Nếu là tiếp tục mô hình cũ, hãy đăng ký dạng “Củng cố”.`}
      description={
        <List
          size="small"
          dataSource={items}
          renderItem={(e) => (
            <List.Item
              actions={[
                <Button key="c" size="small" onClick={() => props.onConsolidate(e)}>
                  Đăng ký là củng cố mô hình này
                </Button>,
              ]}
              style={{ flexWrap: 'wrap', gap: 8 }}
            >
              <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
                <a href={`/mo-hinh/${e.id}`} target="_blank" rel="noreferrer" style={{ whiteSpace: 'normal' }}>
                  {e.title}
                </a>
                <span style={{ color: '#555' }}>
                  {e.unitName} · năm {e.year} · giống {Math.round(e.similarity * 100)}% <StateTag state={e.state} />
                </span>
              </Space>
            </List.Item>
          )}
        />
      }
    />
  );
}
