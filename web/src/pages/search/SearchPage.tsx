import { useEffect, useState } from 'react';
import { Alert, Card, Empty, Input, InputNumber, List, Pagination, Select, Space, Tag } from 'antd';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { SearchQuery, type SearchResult } from '@domain/search-schemas.js';
import { useListParams } from '../../components/useListParams';
import { REGISTRATION_STATES, REGISTRATION_STATE_LABELS } from '@domain/workflow.js';
import { errorText, get, qs } from '../../api';
import { Highlight } from '../../components/Highlight';
import { KIND_LABELS, StateTag, useFieldName, useFields } from '../movement/shared';

const PAGE_SIZE = 20;

/** All results of a search, with filters; the address keeps the query so it can be shared or reloaded. */
export default function SearchPage() {
  // Values a link got wrong are left out (checked against the API's own schema), never a failed search.
  const list$ = useListParams({
    shape: SearchQuery.shape,
    filters: ['q', 'fieldCode', 'state', 'year'],
    sorts: ['rank'],
    defaultSort: '-rank',
  });
  const { page, values } = list$;
  const q = values.q ?? '';
  const { fieldCode, state } = values;
  const year = values.year ? Number(values.year) : undefined;
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const fields = useFields();
  const fieldName = useFieldName();
  const set = list$.update;
  const result = useQuery({
    queryKey: ['search', q, page, fieldCode, state, year],
    queryFn: () => get<SearchResult>(`/search${qs({ q, page, pageSize: PAGE_SIZE, fieldCode, state, year })}`),
    enabled: q.trim().length > 0,
  });

  return (
    <Card title={<h2 style={{ margin: 0, fontSize: 20 }}>Tìm kiếm mô hình, điển hình</h2>}>
      <Input.Search
        size="large"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => set({ q: v.trim() })}
        placeholder="Tên mô hình, nội dung, đơn vị, người…"
        enterButton="Tìm"
        allowClear
        aria-label="Từ khóa tìm kiếm"
      />
      <div style={{ color: '#595959', marginTop: 4 }}>Gõ có dấu hay không dấu đều được.</div>
      <Space wrap style={{ margin: '12px 0' }}>
        <Select
          allowClear
          placeholder="Lĩnh vực"
          style={{ minWidth: 200 }}
          value={fieldCode}
          onChange={(v) => set({ fieldCode: v })}
          options={(fields.data ?? []).map((f) => ({ value: f.code, label: f.name }))}
        />
        <Select
          allowClear
          placeholder="Trạng thái"
          style={{ minWidth: 180 }}
          value={state}
          onChange={(v) => set({ state: v })}
          options={REGISTRATION_STATES.map((s) => ({ value: s, label: REGISTRATION_STATE_LABELS[s] }))}
        />
        <InputNumber
          placeholder="Năm"
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => set({ year: v ?? undefined })}
          style={{ width: 110 }}
        />
      </Space>
      {result.error && <Alert type="error" showIcon title={errorText(result.error)} />}
      {!q && <Empty description="Gõ từ khóa để tìm trong các mô hình, điển hình bạn được xem." />}
      {q && result.data && (
        <>
          <div style={{ margin: '4px 0 8px', color: '#555' }}>
            {result.data.capped
              ? `Có hơn ${result.data.total.toLocaleString('vi-VN')} kết quả cho “${q}”: đang hiện những kết quả sát nhất trong ${result.data.total.toLocaleString('vi-VN')} kết quả đầu. Hãy thêm từ khóa hoặc chọn lĩnh vực, năm để thu hẹp.`
              : `Tìm thấy ${result.data.total.toLocaleString('vi-VN')} kết quả cho “${q}”`}
          </div>
          <List
            loading={result.isFetching}
            dataSource={result.data.items}
            locale={{ emptyText: 'Không tìm thấy kết quả nào. Hãy thử từ khóa ngắn hơn.' }}
            renderItem={(h) => (
              <List.Item>
                <div style={{ minWidth: 0 }}>
                  <Link to={`/mo-hinh/${h.id}`} style={{ fontSize: 16, fontWeight: 500 }}>
                    <Highlight parts={h.titleParts} />
                  </Link>
                  <div style={{ color: '#555', margin: '4px 0' }}>
                    <Space wrap size={6}>
                      <Tag>{KIND_LABELS[h.kind]}</Tag>
                      <span>{h.unit.name}</span>
                      {h.personName && <span>· {h.personName}</span>}
                      <span>· {fieldName(h.fieldCode)}</span>
                      <span>· năm {h.year}</span>
                      <StateTag state={h.state} />
                    </Space>
                  </div>
                  {h.snippet.length > 0 && (
                    <div style={{ color: '#333' }}>
                      …<Highlight parts={h.snippet} />…
                    </div>
                  )}
                </div>
              </List.Item>
            )}
          />
          {result.data.total > PAGE_SIZE && (
            <Pagination
              current={page}
              pageSize={PAGE_SIZE}
              total={result.data.total}
              showSizeChanger={false}
              onChange={(p) => set({ page: p })}
              style={{ marginTop: 12 }}
            />
          )}
        </>
      )}
    </Card>
  );
}
