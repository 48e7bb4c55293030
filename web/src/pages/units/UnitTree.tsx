import { useCallback, useEffect, useState } from 'react';
import { Empty, Input, List, Spin, Tree, Typography } from 'antd';
import type { UnitListItem } from '@domain/schemas.js';
import { get, qs } from '../../api';

interface Node {
  key: string;
  title: string;
  isLeaf: boolean;
  children?: Node[];
  className?: string;
}

const toNode = (u: UnitListItem): Node => ({
  key: u.id,
  title: u.name,
  isLeaf: u.childCount === 0,
  className: u.active ? undefined : 'unit-inactive',
});

function setChildren(nodes: Node[], key: string, children: Node[]): Node[] {
  return nodes.map((n) => {
    if (n.key === key) return { ...n, children, isLeaf: children.length === 0 };
    if (n.children) return { ...n, children: setChildren(n.children, key, children) };
    return n;
  });
}

async function fetchChildren(parentId: string): Promise<Node[]> {
  const r = await get<{ items: UnitListItem[] }>(`/units${qs({ parentId, pageSize: 200 })}`);
  return r.items.map(toNode);
}

interface Props {
  selectedId?: string;
  onSelect: (id: string) => void;
  /** Changes whenever a unit's children changed: that parent is reloaded and opened. */
  refresh: { parentId: string; n: number } | null;
}

export function UnitTree({ selectedId, onSelect, refresh }: Props) {
  const [nodes, setNodes] = useState<Node[] | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  const [loaded, setLoaded] = useState<string[]>([]);
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<UnitListItem[] | null>(null);
  const [searching, setSearching] = useState(false);

  useEffect(() => {
    get<{ items: UnitListItem[] }>('/units').then(async (r) => {
      const roots = r.items.map(toNode);
      // Open the top of the scope at once: its children are what people look for.
      const first = roots[0];
      if (first && !first.isLeaf) {
        const children = await fetchChildren(first.key);
        setNodes(setChildren(roots, first.key, children));
        setExpanded([first.key]);
        setLoaded([first.key]);
      } else {
        setNodes(roots);
      }
    });
  }, []);

  const reload = useCallback(async (parentId: string) => {
    const children = await fetchChildren(parentId);
    setNodes((prev) => (prev ? setChildren(prev, parentId, children) : prev));
    setLoaded((l) => (l.includes(parentId) ? l : [...l, parentId]));
    setExpanded((e) => (e.includes(parentId) ? e : [...e, parentId]));
  }, []);

  useEffect(() => {
    if (refresh) void reload(refresh.parentId);
  }, [refresh, reload]);

  useEffect(() => {
    const q = search.trim();
    if (q.length < 2) {
      setResults(null);
      return;
    }
    const t = setTimeout(async () => {
      setSearching(true);
      try {
        const r = await get<{ items: UnitListItem[] }>(`/units${qs({ q, pageSize: 50 })}`);
        setResults(r.items);
      } finally {
        setSearching(false);
      }
    }, 250);
    return () => clearTimeout(t);
  }, [search]);

  return (
    <div>
      <Input.Search
        placeholder="Tìm đơn vị (gõ không dấu cũng được)…"
        allowClear
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ marginBottom: 12 }}
        aria-label="Tìm đơn vị"
      />
      {results ? (
        <List
          size="small"
          loading={searching}
          dataSource={results}
          locale={{ emptyText: <Empty description="Không tìm thấy đơn vị phù hợp" /> }}
          renderItem={(u) => (
            <List.Item style={{ cursor: 'pointer', background: u.id === selectedId ? '#fff1f0' : undefined }} onClick={() => onSelect(u.id)}>
              <List.Item.Meta
                title={<span>{u.name}{!u.active && <Typography.Text type="secondary"> (ngừng hoạt động)</Typography.Text>}</span>}
                description={u.trail || undefined}
              />
            </List.Item>
          )}
        />
      ) : nodes === null ? (
        <Spin />
      ) : (
        <Tree
          treeData={nodes}
          expandedKeys={expanded}
          loadedKeys={loaded}
          selectedKeys={selectedId ? [selectedId] : []}
          onExpand={(keys) => setExpanded(keys as string[])}
          onSelect={(keys) => keys[0] && onSelect(String(keys[0]))}
          loadData={async (node) => {
            await reload(String(node.key));
          }}
          blockNode
          style={{ fontSize: 15 }}
        />
      )}
    </div>
  );
}
