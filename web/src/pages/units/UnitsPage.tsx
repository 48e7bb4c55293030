import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Card, Col, Empty, Row } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { Unit } from '@domain/schemas.js';
import { get } from '../../api';
import { useSession } from '../../session';
import { useIsMobile } from '../../useIsMobile';
import { UnitDetail } from './UnitDetail';
import { UnitTree } from './UnitTree';

export default function UnitsPage() {
  const { id } = useParams();
  const me = useSession();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [refresh, setRefresh] = useState<{ parentId: string; n: number } | null>(null);
  const open = useCallback((unitId: string) => navigate(`/don-vi/${unitId}`), [navigate]);
  const childrenChanged = useCallback((parentId: string) => setRefresh((r) => ({ parentId, n: (r?.n ?? 0) + 1 })), []);
  // Same query as the detail pane: its ancestors tell the tree which branches to open.
  const unit = useQuery({ queryKey: ['unit', id], queryFn: () => get<Unit>(`/units/${id}`), enabled: !!id && !mobile });
  const ancestors = unit.data?.ancestors;
  const revealPath = useMemo(() => ancestors?.map((a) => a.id), [ancestors]);

  // On a wide screen, show the top of the user's scope rather than an empty pane.
  useEffect(() => {
    if (!id && !mobile) navigate(`/don-vi/${me.user.viewScope.id}`, { replace: true });
  }, [id, mobile, me.user.viewScope.id, navigate]);

  const tree = (
    <Card title="Cây đơn vị" styles={{ body: { padding: 12 } }}>
      <UnitTree selectedId={id} revealPath={revealPath} onSelect={open} refresh={refresh} />
    </Card>
  );

  if (mobile) {
    return id ? (
      <div>
        <Button size="large" icon={<ArrowLeftOutlined />} onClick={() => navigate('/don-vi')} style={{ marginBottom: 8 }}>
          Về cây đơn vị
        </Button>
        <UnitDetail id={id} onOpen={open} onChildrenChanged={childrenChanged} />
      </div>
    ) : (
      tree
    );
  }

  return (
    <Row gutter={16} wrap={false} align="top">
      <Col flex="360px" style={{ minWidth: 0 }}>
        {tree}
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        {id ? (
          <UnitDetail id={id} onOpen={open} onChildrenChanged={childrenChanged} />
        ) : (
          <Card>
            <Empty description="Chọn một đơn vị trên cây" />
          </Card>
        )}
      </Col>
    </Row>
  );
}
