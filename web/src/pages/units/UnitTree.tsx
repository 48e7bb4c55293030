import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Checkbox, Spin, Tree } from 'antd';
import type { UnitListItem } from '@domain/schemas.js';
import { errorText, get, qs } from '../../api';
import { formatNumber } from '../../format';
import { UnitSearch } from './UnitSearch';

interface Node {
  key: string;
  title: string;
  isLeaf: boolean;
  disabled?: boolean;
  selectable?: boolean;
  children?: Node[];
  className?: string;
}

const PAGE = 200;

/** Brings the selected node to the middle of the tree's own scroll box, leaving the page still. */
function scrollToSelected(container: HTMLElement | null) {
  const node = container?.querySelector<HTMLElement>('.ant-tree-treenode-selected');
  if (!container || !node) return;
  const offset = node.getBoundingClientRect().top - container.getBoundingClientRect().top;
  const outside = offset < 0 || offset > container.clientHeight - node.offsetHeight;
  if (outside) container.scrollTop += offset - container.clientHeight / 2;
}
type Children = { items: UnitListItem[]; total: number };

interface Props {
  selectedId?: string;
  /** The selected unit's ancestors, top first: these are opened so that it shows in the tree. */
  revealPath?: string[];
  onSelect: (id: string) => void;
  /** Changes whenever a unit's children changed: that parent is reloaded and opened. */
  refresh: { parentId: string; n: number } | null;
}

export function UnitTree({ selectedId, revealPath, onSelect, refresh }: Props) {
  const [includeInactive, setIncludeInactive] = useState(false);
  const [roots, setRoots] = useState<UnitListItem[] | null>(null);
  const [kids, setKids] = useState<Record<string, Children>>({});
  const kidsRef = useRef(kids);
  kidsRef.current = kids;
  const [expanded, setExpanded] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const inactive = includeInactive ? 'true' : 'false';

  const loadChildren = useCallback(
    async (parentId: string) => {
      const r = await get<Children>(`/units${qs({ parentId, pageSize: PAGE, includeInactive: inactive })}`);
      setKids((k) => ({ ...k, [parentId]: r }));
      return r;
    },
    [inactive],
  );

  // The top of the user's scope, opened at once: its children are what people look for.
  useEffect(() => {
    let stale = false;
    setRoots(null);
    setKids({});
    kidsRef.current = {};
    get<Children>(`/units${qs({ includeInactive: inactive })}`)
      .then(async (r) => {
        if (stale) return;
        const first = r.items[0];
        if (first && first.childCount > 0) await loadChildren(first.id);
        if (stale) return;
        setRoots(r.items);
        setExpanded((e) => (first && !e.includes(first.id) ? [...e, first.id] : e));
      })
      .catch((e) => !stale && setError(errorText(e, 'Không tải được cây đơn vị.')));
    return () => {
      stale = true;
    };
  }, [inactive, loadChildren]);

  // Open the way down to the selected unit, then bring it into view.
  const revealKey = revealPath?.join('/') ?? '';
  useEffect(() => {
    if (!roots || !revealPath?.length) return;
    let stale = false;
    (async () => {
      for (const id of revealPath) if (!kidsRef.current[id]) await loadChildren(id).catch(() => undefined);
      if (stale) return;
      setExpanded((e) => [...new Set([...e, ...revealPath])]);
      setTimeout(() => scrollToSelected(box.current), 50);
    })();
    return () => {
      stale = true;
    };
  }, [roots, revealKey]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!refresh) return;
    void loadChildren(refresh.parentId).then(() => setExpanded((e) => (e.includes(refresh.parentId) ? e : [...e, refresh.parentId])));
  }, [refresh, loadChildren]);

  const treeData = useMemo(() => {
    const build = (u: UnitListItem): Node => {
      const c = kids[u.id];
      const children = c?.items.map(build);
      if (c && children && c.total > c.items.length) {
        children.push({
          key: `${u.id}:more`,
          title: `… và ${formatNumber(c.total - c.items.length)} đơn vị khác: dùng ô tìm kiếm`,
          isLeaf: true,
          selectable: false,
          disabled: true,
        });
      }
      return {
        key: u.id,
        title: u.active ? u.name : `${u.name} (ngừng hoạt động)`,
        isLeaf: c ? c.items.length === 0 : u.childCount === 0,
        children,
        className: u.active ? undefined : 'unit-inactive',
      };
    };
    return (roots ?? []).map(build);
  }, [roots, kids]);

  return (
    <div>
      <UnitSearch includeInactive={includeInactive} selectedId={selectedId} onSelect={onSelect} onActive={setSearching} />
      {!searching && (
        <>
          <Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} style={{ margin: '0 0 8px 4px' }}>
            Hiện cả đơn vị ngừng hoạt động
          </Checkbox>
          {error ? (
            <Alert type="error" showIcon title={error} />
          ) : roots === null ? (
            <div style={{ padding: 24, textAlign: 'center' }}>
              <Spin />
            </div>
          ) : (
            <div ref={box} className="unit-tree-box">
              <Tree
                className="unit-tree"
                treeData={treeData}
                expandedKeys={expanded}
                loadedKeys={Object.keys(kids)}
                selectedKeys={selectedId ? [selectedId] : []}
                onExpand={(keys) => setExpanded(keys as string[])}
                onSelect={(keys, info) => {
                  // A click on the selected unit deselects it in antd; keep it open instead.
                  const key = keys[0] ?? info.node.key;
                  if (key) onSelect(String(key));
                }}
                loadData={async (node) => {
                  await loadChildren(String(node.key));
                }}
                blockNode
                style={{ fontSize: 16 }}
              />
            </div>
          )}
        </>
      )}
    </div>
  );
}
