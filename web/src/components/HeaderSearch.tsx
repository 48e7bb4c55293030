import { useState } from 'react';
import { AutoComplete, Button, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { SearchResult } from '@domain/search-schemas.js';
import { get, qs } from '../api';
import { useIsMobile } from '../useIsMobile';
import { Highlight } from './Highlight';
import { useDebounced } from './useDebounced';

/** The search box in the header: a few matches while typing for a quick jump, Enter for all results. */
export function HeaderSearch() {
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const hits = useQuery({
    queryKey: ['search', 'quick', q],
    queryFn: () => get<SearchResult>(`/search${qs({ q, pageSize: 8 })}`),
    enabled: q.length >= 2,
    staleTime: 30_000,
  });

  if (mobile) {
    return (
      <Button type="text" aria-label="Tìm kiếm" icon={<SearchOutlined style={{ fontSize: 20 }} />} onClick={() => navigate('/tim-kiem')} />
    );
  }
  const options = (q.length >= 2 ? (hits.data?.items ?? []) : []).map((h) => ({
    value: h.id,
    label: (
      <div style={{ whiteSpace: 'normal', lineHeight: 1.35, padding: '2px 0' }}>
        <div>
          <Highlight parts={h.titleParts} />
        </div>
        <div style={{ color: '#666', fontSize: 13 }}>
          {h.unit.name} · {h.year}
        </div>
      </div>
    ),
  }));
  return (
    <AutoComplete
      value={text}
      options={options}
      onChange={setText}
      onSelect={(id: string) => {
        setText('');
        navigate(`/mo-hinh/${id}`);
      }}
      style={{ width: 320, maxWidth: '40vw' }}
      popupMatchSelectWidth={420}
      notFoundContent={q.length >= 2 && hits.isSuccess ? 'Không tìm thấy mô hình, điển hình nào' : undefined}
    >
      <Input
        aria-label="Tìm mô hình, điển hình"
        placeholder="Tìm mô hình, điển hình…"
        title="Tìm mô hình, điển hình: gõ có dấu hay không dấu đều được"
        prefix={<SearchOutlined />}
        allowClear
        onPressEnter={() => {
          if (text.trim()) navigate(`/tim-kiem${qs({ q: text.trim() })}`);
        }}
      />
    </AutoComplete>
  );
}
