import { Alert, App, Button, Card, Descriptions, List, Table, Tag } from 'antd';
import { ArrowLeftOutlined, UndoOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { CHANGE_KIND_LABELS, REORGANISATION_STATUS_LABELS, type Reorganisation } from '@domain/reorganisation-schemas.js';
import { errorText, get, post } from '../../api';
import { useAction } from '../../components/useAction';
import { formatDate, formatDateTime } from '../../format';
import { useIsMobile } from '../../useIsMobile';
import { unitName } from './labels';
import { STATUS_COLORS } from './ReorganisationsPage';

type Link_ = Reorganisation['lineage'][number];

/** One reorganisation: its legal basis, its changes, the lineage it wrote, and "Hoàn tác" while allowed. */
export default function ReorganisationDetailPage() {
  const { id } = useParams();
  const { modal, message } = App.useApp();
  const mobile = useIsMobile();
  const queryClient = useQueryClient();
  const result = useQuery({ queryKey: ['reorganisation', id], queryFn: () => get<Reorganisation>(`/reorganisations/${id}`), staleTime: 0 });
  const undo = useAction((_: void, opts) => post<Reorganisation>(`/reorganisations/${id}/undo`, {}, opts), {
    showError: 'modal',
    onSuccess: async (r) => {
      queryClient.setQueryData(['reorganisation', id], r);
      await queryClient.invalidateQueries({ queryKey: ['reorganisations'] });
      await queryClient.invalidateQueries({ queryKey: ['unit'] });
      message.success('Đã hoàn tác lần sắp xếp.');
    },
  });

  if (result.error) return <Alert type="error" showIcon title={errorText(result.error, 'Không tải được lần sắp xếp.')} />;
  if (!result.data) return <Card loading />;
  const r = result.data;
  const confirmUndo = () =>
    modal.confirm({
      title: 'Hoàn tác lần sắp xếp này?',
      content: 'Các đơn vị trở lại như trước khi sắp xếp: đơn vị mới thành lập bị xóa, đơn vị bị sáp nhập, chia tách hoạt động trở lại.',
      okText: 'Hoàn tác',
      cancelText: 'Không',
      okButtonProps: { danger: true },
      onOk: () => undo.run(undefined),
    });

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Card
        title={
          <div style={{ whiteSpace: 'normal', padding: '8px 0' }}>
            <Link to="/sap-xep-don-vi" style={{ fontSize: 14, fontWeight: 400, display: 'block' }}>
              <ArrowLeftOutlined /> Danh sách sắp xếp
            </Link>
            <h2 style={{ fontSize: 20, margin: '4px 8px 0 0', display: 'inline-block' }}>Sắp xếp từ ngày {formatDate(r.effectiveDate)}</h2>
            <Tag color={STATUS_COLORS[r.status]}>{REORGANISATION_STATUS_LABELS[r.status]}</Tag>
          </div>
        }
      >
        {r.status !== 'undone' &&
          (r.undo.allowed ? (
            <Button danger icon={<UndoOutlined />} onClick={confirmUndo} loading={undo.busy} style={{ marginBottom: 12 }}>
              Hoàn tác
            </Button>
          ) : (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`Không hoàn tác được: ${r.undo.blockedBy}.`} />
          ))}
        {r.lastError && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`Chưa áp dụng được: ${r.lastError}`} />}
        <Descriptions column={mobile ? 1 : 2} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label="Số văn bản">{r.basis.number}</Descriptions.Item>
          <Descriptions.Item label="Ngày ban hành">{formatDate(r.basis.date)}</Descriptions.Item>
          <Descriptions.Item label="Cơ quan ban hành" span={mobile ? 1 : 2}>
            {r.basis.issuer}
          </Descriptions.Item>
          <Descriptions.Item label="Ngày hiệu lực">{formatDate(r.effectiveDate)}</Descriptions.Item>
          <Descriptions.Item label="Người lập">{r.createdBy ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Áp dụng lúc">{formatDateTime(r.appliedAt)}</Descriptions.Item>
          <Descriptions.Item label="Hoàn tác lúc">{formatDateTime(r.undoneAt)}</Descriptions.Item>
          {r.note && (
            <Descriptions.Item label="Ghi chú" span={mobile ? 1 : 2}>
              {r.note}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title="Các thay đổi" size="small">
        <List
          size="small"
          dataSource={r.changes}
          renderItem={(c) => {
            const spec = c.spec as { name?: string; into?: { new?: { name: string } } | { new?: { name: string } }[] };
            const created = (Array.isArray(spec.into) ? spec.into : [spec.into]).flatMap((t) => (t?.new ? [t.new.name] : []));
            return (
              <List.Item>
                {c.seq}. {CHANGE_KIND_LABELS[c.kind]}
                {spec.name ? `: tên mới “${spec.name}”` : ''}
                {created.length ? `: thành lập ${created.map((n) => `“${n}”`).join(', ')}` : ''}
              </List.Item>
            );
          }}
        />
      </Card>
      {r.lineage.length > 0 && (
        <Card title="Đơn vị cũ và đơn vị kế thừa" size="small">
          <Table<Link_>
            size="small"
            rowKey={(l) => `${l.predecessor.id}-${l.successor.id}`}
            pagination={false}
            scroll={{ x: true }}
            dataSource={r.lineage}
            columns={[
              {
                title: 'Đơn vị cũ',
                key: 'p',
                render: (_, l) => <Link to={`/don-vi/${l.predecessor.id}`}>{unitName({ ...l.predecessor, active: false })}</Link>,
              },
              {
                title: 'Hình thức',
                key: 'k',
                render: (_, l) => CHANGE_KIND_LABELS[l.changeKind as keyof typeof CHANGE_KIND_LABELS] ?? l.changeKind,
              },
              { title: 'Đơn vị kế thừa', key: 's', render: (_, l) => <Link to={`/don-vi/${l.successor.id}`}>{l.successor.name}</Link> },
              { title: 'Tỷ lệ', key: 'share', render: (_, l) => (l.share === null ? '—' : `${Math.round(l.share * 1000) / 10}%`) },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
