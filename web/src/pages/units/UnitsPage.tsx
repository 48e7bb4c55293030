import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Col, Empty, Row } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
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

  // On a wide screen, show the top of the user's scope rather than an empty pane.
  useEffect(() => {
    if (!id && !mobile) navigate(`/don-vi/${me.user.viewScope.id}`, { replace: true });
  }, [id, mobile, me.user.viewScope.id, navigate]);

  const tree = (
    <Card title="Cây đơn vị" styles={{ body: { padding: 12, maxHeight: mobile ? undefined : 'calc(100vh - 170px)', overflow: 'auto' } }}>
      <UnitTree selectedId={id} onSelect={open} refresh={refresh} />
    </Card>
  );

  if (mobile) {
    return id ? (
      <div>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/don-vi')} style={{ marginBottom: 8 }}>
          Cây đơn vị
        </Button>
        <UnitDetail id={id} onOpen={open} onChildrenChanged={childrenChanged} />
      </div>
    ) : (
      tree
    );
  }

  return (
    <Row gutter={16} wrap={false}>
      <Col flex="360px">{tree}</Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        {id ? <UnitDetail id={id} onOpen={open} onChildrenChanged={childrenChanged} /> : <Card><Empty description="Chọn một đơn vị trên cây" /></Card>}
      </Col>
    </Row>
  );
}
