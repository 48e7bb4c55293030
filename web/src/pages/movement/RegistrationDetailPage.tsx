import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Image, Table, Tag, Timeline } from 'antd';
import {
  ArrowLeftOutlined, CheckOutlined, CloseOutlined, EditOutlined, FileSearchOutlined, FlagOutlined, RollbackOutlined, SendOutlined, StopOutlined, TrophyOutlined, UserAddOutlined,
} from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Registration } from '@domain/movement-schemas.js';
import type { Inspection } from '@domain/inspection-schemas.js';
import { OVERALL_LABELS } from '@domain/inspection-schemas.js';
import type { Commendation } from '@domain/commendation-schemas.js';
import { REGISTRATION_STATE_LABELS, TRANSITIONS, type RegistrationAction, type RegistrationState } from '@domain/workflow.js';
import { ApiError, errorText, get, patch, post } from '../../api';
import { formatDate, formatDateTime, formatNumber } from '../../format';
import { useSession } from '../../session';
import { PublicationCard } from './PublicationCard';
import { useIsMobile } from '../../useIsMobile';
import { HOLDER_LABELS, KIND_LABELS, ORIGIN_LABELS, STATE_COLORS, StateTag, levelLabel, useFieldName } from './shared';
import { AcceptModal, ReasonModal, SupporterModal } from './TransitionModals';
import { InspectionModal } from './InspectionModal';
import { CommendationModal, ProposalModal } from './CommendationModals';

type CommendationT = z.infer<typeof Commendation>;
const TRANSITION_LABEL: Record<string, string> = {
  ...Object.fromEntries(Object.entries(TRANSITIONS).map(([k, t]) => [k, t.label])),
  create: 'Tạo bản đăng ký',
  inspect: 'Kiểm tra, đánh giá',
  assign_supporter: 'Phân công cán bộ hỗ trợ',
};
const OVERALL_COLORS: Record<string, string> = { exceeds: 'green', on_track: 'blue', behind: 'orange', stalled: 'red' };

export default function RegistrationDetailPage() {
  const { id } = useParams() as { id: string };
  const me = useSession();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const fieldName = useFieldName();
  const [dialog, setDialog] = useState<null | 'return' | 'reject' | 'discontinue' | 'accept' | 'supporter' | 'inspect' | 'commend' | 'propose'>(null);
  const [busy, setBusy] = useState(false);
  const reg = useQuery({ queryKey: ['registration', id], queryFn: () => get<Registration>(`/registrations/${id}`) });
  const inspections = useQuery({ queryKey: ['inspections', id], queryFn: () => get<Inspection[]>(`/registrations/${id}/inspections`) });
  const commendations = useQuery({ queryKey: ['commendations', id], queryFn: () => get<CommendationT[]>(`/registrations/${id}/commendations`) });

  if (reg.error) return <Alert type="error" showIcon title={errorText(reg.error, 'Không tải được hồ sơ.')} />;
  if (!reg.data) return <Card loading />;
  const r = reg.data;
  const can = (a: RegistrationAction) => r.actions.includes(a);
  const size = mobile ? 'large' : 'middle';

  const changed = async (next?: Registration) => {
    if (next) queryClient.setQueryData(['registration', id], next);
    await queryClient.invalidateQueries({ queryKey: ['registrations'] });
    await queryClient.invalidateQueries({ queryKey: ['registration', id] });
  };
  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'STALE_VERSION') void reg.refetch();
    modal.error({ title: 'Chưa thực hiện được', content: errorText(e) });
  };

  async function simple(action: 'submit' | 'complete', done: string) {
    setBusy(true);
    try {
      const next = await post<Registration>(`/registrations/${r.id}/${action}`, { version: r.version });
      message.success(done);
      await changed(next);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }

  async function switchToConsolidation(originId: string) {
    try {
      const next = await patch<Registration>(`/registrations/${r.id}`, { version: r.version, origin: 'consolidation', originId });
      message.success('Đã chuyển thành đăng ký củng cố mô hình cũ.');
      await changed(next);
    } catch (e) {
      onError(e);
    }
  }

  const earlierOpen = r.earlier.length > 0 && !(r.origin === 'consolidation' && r.earlier.some((e) => e.id === r.originRef?.id));
  const proposeOrCommend = r.state === 'recognised' || r.state === 'completed';

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 1100 }}>
      <div>
        <Button size={size} icon={<ArrowLeftOutlined />} onClick={() => navigate('/mo-hinh')}>
          Về danh sách
        </Button>
      </div>
      {earlierOpen && (
        <Alert
          type="warning"
          showIcon
          title={<strong>Có mô hình tên gần giống đã đăng ký gần đây – có thể là đăng ký lặp lại</strong>}
          description={
            <div>
              <div style={{ marginBottom: 6 }}>Nếu đây là tiếp tục mô hình cũ, hãy đăng ký theo hình thức “củng cố” thay vì đăng ký mới.</div>
              {r.earlier.map((e) => (
                <div key={e.id} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 6 }}>
                  <Link to={`/mo-hinh/${e.id}`}>
                    {e.title} ({e.year}) — {e.unitName}
                  </Link>
                  <Tag color={STATE_COLORS[e.state as RegistrationState]}>{REGISTRATION_STATE_LABELS[e.state as RegistrationState]}</Tag>
                  <span style={{ color: '#555' }}>giống {Math.round(e.similarity * 100)}%</span>
                  <Tag color={e.seenByRegistrant ? 'default' : 'orange'}>{e.seenByRegistrant ? 'Người đăng ký đã được nhắc' : 'Người đăng ký chưa được nhắc'}</Tag>
                  {can('update') && (
                    <Button size="small" onClick={() => void switchToConsolidation(e.id)}>
                      Chuyển thành “củng cố” mô hình này
                    </Button>
                  )}
                </div>
              ))}
            </div>
          }
        />
      )}
      <Card
        styles={{ body: { padding: mobile ? 12 : 20 } }}
        title={
          <div style={{ whiteSpace: 'normal', lineHeight: 1.35, padding: '10px 0' }}>
            <div style={{ fontSize: 14, fontWeight: 400, color: '#595959' }}>
              {KIND_LABELS[r.kind]} · {r.unit.name}
            </div>
            <h2 style={{ fontSize: 20, margin: '2px 8px 4px 0', display: 'inline' }}>{r.title}</h2>
            <StateTag state={r.state} />
          </div>
        }
      >
        {r.actions.length > 0 && (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 16 }}>
            {can('submit') && (
              <Button size={size} type="primary" icon={<SendOutlined />} loading={busy} onClick={() => void simple('submit', 'Đã gửi đăng ký để thẩm định.')}>
                {TRANSITIONS.submit.label}
              </Button>
            )}
            {can('accept') && (
              <Button size={size} type="primary" icon={<CheckOutlined />} onClick={() => setDialog('accept')}>
                {TRANSITIONS.accept.label}
              </Button>
            )}
            {can('return') && (
              <Button size={size} icon={<RollbackOutlined />} onClick={() => setDialog('return')}>
                {TRANSITIONS.return.label}
              </Button>
            )}
            {can('reject') && (
              <Button size={size} danger icon={<CloseOutlined />} onClick={() => setDialog('reject')}>
                {TRANSITIONS.reject.label}
              </Button>
            )}
            {can('update') && (
              <Button size={size} icon={<EditOutlined />} onClick={() => navigate(`/mo-hinh/${r.id}/sua`)}>
                Sửa
              </Button>
            )}
            {can('inspect') && (
              <Button size={size} icon={<FileSearchOutlined />} onClick={() => setDialog('inspect')}>
                Ghi kết quả kiểm tra
              </Button>
            )}
            {can('assign_supporter') && (
              <Button size={size} icon={<UserAddOutlined />} onClick={() => setDialog('supporter')}>
                Phân công cán bộ hỗ trợ
              </Button>
            )}
            {can('complete') && (
              <Button
                size={size}
                icon={<FlagOutlined />}
                loading={busy}
                onClick={() =>
                  modal.confirm({
                    title: 'Kết thúc mô hình (hoàn thành)?',
                    content: 'Mô hình được ghi nhận đã hoàn thành; sau đó không kiểm tra thêm.',
                    okText: 'Kết thúc',
                    cancelText: 'Hủy',
                    onOk: () => simple('complete', 'Đã ghi nhận hoàn thành.'),
                  })
                }
              >
                {TRANSITIONS.complete.label}
              </Button>
            )}
            {can('discontinue') && (
              <Button size={size} danger icon={<StopOutlined />} onClick={() => setDialog('discontinue')}>
                {TRANSITIONS.discontinue.label}
              </Button>
            )}
          </div>
        )}
        <Descriptions column={mobile ? 1 : 2} size="small" bordered styles={{ label: { whiteSpace: mobile ? 'normal' : 'nowrap', width: mobile ? 120 : undefined } }}>
          <Descriptions.Item label="Loại">{KIND_LABELS[r.kind]}</Descriptions.Item>
          <Descriptions.Item label="Chủ thể">
            {HOLDER_LABELS[r.holder]}
            {r.personName ? `: ${r.personName}` : ''}
            {r.personPosition ? ` (${r.personPosition})` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="Đơn vị">{r.unit.name}</Descriptions.Item>
          <Descriptions.Item label="Lĩnh vực">{fieldName(r.fieldCode)}</Descriptions.Item>
          <Descriptions.Item label="Năm">{r.year}</Descriptions.Item>
          <Descriptions.Item label="Cấp đăng ký">{levelLabel(r.level)}</Descriptions.Item>
          <Descriptions.Item label="Thời gian">
            {formatDate(r.startDate)} – {formatDate(r.endDate)}
          </Descriptions.Item>
          <Descriptions.Item label="Đợt phát động">{r.campaign?.title ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Hình thức" span={mobile ? 1 : 2}>
            {ORIGIN_LABELS[r.origin]}
            {r.originRef && (
              <>
                {': '}
                <Link to={`/mo-hinh/${r.originRef.id}`}>{r.originRef.title}</Link>
              </>
            )}
          </Descriptions.Item>
          <Descriptions.Item label="Thực trạng" span={mobile ? 1 : 2}>
            <Multi text={r.problem} />
          </Descriptions.Item>
          <Descriptions.Item label="Mục đích" span={mobile ? 1 : 2}>
            <Multi text={r.purpose} />
          </Descriptions.Item>
          <Descriptions.Item label="Lực lượng tham gia" span={mobile ? 1 : 2}>
            <Multi text={r.forces} />
          </Descriptions.Item>
          <Descriptions.Item label="Đối tượng tác động" span={mobile ? 1 : 2}>
            <Multi text={r.targets} />
          </Descriptions.Item>
          <Descriptions.Item label="Giải pháp" span={mobile ? 1 : 2}>
            <Multi text={r.solutions} />
          </Descriptions.Item>
          <Descriptions.Item label="Địa bàn">{[r.placeUnit?.name, r.placeAddress].filter(Boolean).join(' — ') || '—'}</Descriptions.Item>
          <Descriptions.Item label="Cán bộ hỗ trợ">{r.supporter?.name ?? 'Chưa phân công'}</Descriptions.Item>
          <Descriptions.Item label="Kinh phí dự kiến">{r.plannedFundsVnd != null ? `${formatNumber(r.plannedFundsVnd)} đồng` : '—'}</Descriptions.Item>
          <Descriptions.Item label="Ngày công dự kiến">{r.plannedWorkdays != null ? formatNumber(r.plannedWorkdays) : '—'}</Descriptions.Item>
          <Descriptions.Item label="Nguồn lực khác" span={mobile ? 1 : 2}>
            {r.plannedOther || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      <Card title="Tiêu chí, chỉ tiêu" styles={{ body: { padding: mobile ? 8 : 16 } }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={r.criteria}
          locale={{ emptyText: 'Chưa có tiêu chí' }}
          columns={[
            { title: 'STT', width: 50, render: (_: unknown, __: unknown, i: number) => i + 1 },
            { title: 'Tiêu chí', dataIndex: 'name' },
            { title: 'Chỉ tiêu', width: mobile ? 90 : 160, render: (_: unknown, c: (typeof r.criteria)[number]) => (c.target != null ? `${formatNumber(c.target)} ${c.unitOfMeasure ?? ''}` : c.unitOfMeasure || '—') },
          ]}
        />
      </Card>

      <Card title="Kiểm tra, đánh giá" styles={{ body: { padding: mobile ? 12 : 16 } }}>
        {inspections.error && <Alert type="error" showIcon title={errorText(inspections.error)} />}
        {inspections.data?.length === 0 && <Empty description="Chưa có lần kiểm tra nào" />}
        {(inspections.data ?? []).map((ins) => (
          <div key={ins.id} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 12, marginBottom: 12 }}>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 6 }}>
              <strong>Ngày {formatDate(ins.inspectedOn)}</strong>
              <Tag color={OVERALL_COLORS[ins.overall]}>{OVERALL_LABELS[ins.overall]}</Tag>
              <span style={{ color: '#595959' }}>Người kiểm tra: {ins.inspectorName}</span>
            </div>
            {ins.assessment && <p style={{ margin: '4px 0', whiteSpace: 'pre-line' }}><b>Đánh giá:</b> {ins.assessment}</p>}
            {ins.difficulties && <p style={{ margin: '4px 0', whiteSpace: 'pre-line' }}><b>Khó khăn:</b> {ins.difficulties}</p>}
            {ins.supportGiven && <p style={{ margin: '4px 0', whiteSpace: 'pre-line' }}><b>Hỗ trợ đã thực hiện:</b> {ins.supportGiven}</p>}
            <div style={{ color: '#595959', fontSize: 14 }}>
              {[
                ins.fundsVnd != null && `Kinh phí: ${formatNumber(ins.fundsVnd)} đồng`,
                ins.workdays != null && `Ngày công: ${formatNumber(ins.workdays)}`,
                ins.peopleReached != null && `Số người được tác động: ${formatNumber(ins.peopleReached)}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </div>
            {ins.criteria.length > 0 && (
              <ul style={{ margin: '6px 0', paddingInlineStart: 20 }}>
                {ins.criteria.map((c) => (
                  <li key={c.criterionId}>
                    {c.name}: <b>{c.completionPct}%</b>
                    {c.note ? ` — ${c.note}` : ''}
                  </li>
                ))}
              </ul>
            )}
            <Evidence files={ins.files} />
          </div>
        ))}
      </Card>

      <Card
        title="Biểu dương, khen thưởng"
        styles={{ body: { padding: mobile ? 12 : 16 } }}
      >
        {proposeOrCommend && (
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
            {r.actions.includes('commend') && (
              <Button size={size} icon={<TrophyOutlined />} onClick={() => setDialog('commend')}>
                Ghi nhận khen thưởng
              </Button>
            )}
            {r.actions.includes('propose') && (
              <Button size={size} icon={<SendOutlined />} onClick={() => setDialog('propose')}>
                Đề nghị cấp trên khen thưởng
              </Button>
            )}
          </div>
        )}
        {commendations.data?.length === 0 && <div style={{ color: '#8c8c8c' }}>Chưa có khen thưởng.</div>}
        {(commendations.data ?? []).map((c) => (
          <div key={c.id} style={{ marginBottom: 8 }}>
            <Tag color="gold">{c.formName}</Tag> Quyết định số {c.decisionNo} ngày {formatDate(c.decisionDate)} — {c.issuer}
            {c.note ? <div style={{ color: '#595959' }}>{c.note}</div> : null}
          </div>
        ))}
      </Card>

      <PublicationCard r={r} size={size} mobile={mobile} onChanged={() => void reg.refetch()} />

      <Card title={`Nhân rộng: ${formatNumber(r.replications.total)} mô hình`} styles={{ body: { padding: mobile ? 12 : 16 } }}>
        {r.replications.items.length === 0 ? (
          <div style={{ color: '#8c8c8c' }}>{r.replications.total > 0 ? 'Các mô hình nhân rộng nằm ngoài phạm vi xem của bạn.' : 'Chưa có đơn vị nào nhân rộng mô hình này.'}</div>
        ) : (
          r.replications.items.map((x) => (
            <div key={x.id} style={{ marginBottom: 6 }}>
              <Link to={`/mo-hinh/${x.id}`}>{x.title}</Link> — {x.unitName} <StateTag state={x.state} />
            </div>
          ))
        )}
      </Card>

      <Card title="Tiến trình xử lý" styles={{ body: { padding: mobile ? 12 : 20 } }}>
        <Timeline
          items={r.timeline.map((ev) => ({
            color: ev.transition === 'return' || ev.transition === 'reject' || ev.transition === 'not_recognise' || ev.transition === 'discontinue' ? 'red' : 'blue',
            content: (
              <div>
                <div>
                  <b>{TRANSITION_LABEL[ev.transition] ?? 'Cập nhật'}</b>
                  {ev.fromState !== ev.toState && (
                    <>
                      {' → '}
                      {REGISTRATION_STATE_LABELS[ev.toState as RegistrationState] ?? ev.toState}
                    </>
                  )}
                </div>
                <div style={{ color: '#595959', fontSize: 14 }}>
                  {ev.actorName} · {formatDateTime(ev.at)}
                </div>
                {ev.reason && <div style={{ background: '#fff7e6', padding: '4px 8px', borderRadius: 4, marginTop: 4, whiteSpace: 'pre-line' }}>{ev.transition === 'inspect' ? 'Nhận xét' : 'Lý do'}: {ev.reason}</div>}
              </div>
            ),
          }))}
        />
      </Card>

      {(dialog === 'return' || dialog === 'reject' || dialog === 'discontinue') && (
        <ReasonModal
          registration={r}
          action={dialog}
          onClose={() => setDialog(null)}
          onDone={async (next, text) => {
            setDialog(null);
            message.success(text);
            await changed(next);
          }}
          onStale={() => void reg.refetch()}
        />
      )}
      {dialog === 'accept' && (
        <AcceptModal
          registration={r}
          onClose={() => setDialog(null)}
          onDone={async (next) => {
            setDialog(null);
            message.success('Đã chấp thuận đăng ký.');
            await changed(next);
          }}
          onStale={() => void reg.refetch()}
        />
      )}
      {dialog === 'supporter' && (
        <SupporterModal
          registration={r}
          onClose={() => setDialog(null)}
          onDone={async (next) => {
            setDialog(null);
            message.success('Đã phân công cán bộ hỗ trợ.');
            await changed(next);
          }}
          onStale={() => void reg.refetch()}
        />
      )}
      {dialog === 'inspect' && (
        <InspectionModal
          registration={r}
          onClose={async () => {
            setDialog(null);
            await queryClient.invalidateQueries({ queryKey: ['inspections', id] });
          }}
        />
      )}
      {dialog === 'commend' && (
        <CommendationModal
          registration={r}
          onClose={() => setDialog(null)}
          onDone={async () => {
            setDialog(null);
            message.success('Đã ghi nhận khen thưởng.');
            await queryClient.invalidateQueries({ queryKey: ['commendations', id] });
          }}
        />
      )}
      {dialog === 'propose' && (
        <ProposalModal
          registration={r}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            message.success('Đã gửi đề nghị lên cấp trên.');
          }}
        />
      )}
    </div>
  );
}

function Multi({ text }: { text: string | null }) {
  return text ? <span style={{ whiteSpace: 'pre-line' }}>{text}</span> : <>—</>;
}

export function Evidence({ files }: { files: { id: string; fileName: string; mime: string }[] }) {
  if (files.length === 0) return null;
  const images = files.filter((f) => f.mime.startsWith('image/'));
  const others = files.filter((f) => !f.mime.startsWith('image/'));
  return (
    <div style={{ marginTop: 8 }}>
      {images.length > 0 && (
        <Image.PreviewGroup>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {images.map((f) => (
              <Image key={f.id} src={`/api/v1/files/${f.id}?size=thumb`} preview={{ src: `/api/v1/files/${f.id}` }} alt={f.fileName} width={120} height={90} style={{ objectFit: 'cover', borderRadius: 4 }} />
            ))}
          </div>
        </Image.PreviewGroup>
      )}
      {others.map((f) => (
        <div key={f.id}>
          <a href={`/api/v1/files/${f.id}`} target="_blank" rel="noreferrer">
            📄 {f.fileName}
          </a>
        </div>
      ))}
    </div>
  );
}
