import { App, Button, Card, Descriptions } from 'antd';
import {
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  FileSearchOutlined,
  FlagOutlined,
  RollbackOutlined,
  SendOutlined,
  StopOutlined,
  UndoOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { Registration } from '@domain/movement-schemas.js';
import { HOLDER_LABELS, KIND_LABELS, ORIGIN_LABELS } from '@domain/statistics.js';
import { TRANSITIONS, type RegistrationAction } from '@domain/workflow.js';
import { PrintButton } from '../../../components/PrintButton';
import { formatDate } from '../../../format';
import { OverdueTag, StateTag, levelLabel, useFieldName } from '../shared';
import type { Dialog } from './dialogs';
import { RegistrationFormPaper } from './RegistrationFormPaper';
import { formatMoney, moneyVnd } from '@domain/money.js';

/** The content of the work, in the order it was written: each a text of several lines. */
const CONTENT = [
  ['problem', 'Thực trạng'],
  ['purpose', 'Mục đích'],
  ['forces', 'Lực lượng tham gia'],
  ['targets', 'Đối tượng tác động'],
  ['solutions', 'Giải pháp'],
] as const;

/** The record's head card: what it is, its state, the buttons the server allows, and its registered content. */
export function RecordCard(props: {
  r: Registration;
  mobile: boolean;
  busy: boolean;
  onDialog: (d: Dialog) => void;
  onStep: (action: 'submit' | 'complete' | 'withdraw', done: string) => unknown;
}) {
  const { r, mobile } = props;
  return (
    <Card
      styles={{ body: { padding: mobile ? 12 : 20 } }}
      title={
        <div className="record-head">
          <div className="record-head-sub">
            {KIND_LABELS[r.kind]} · {r.unit.name}
          </div>
          <h2 className="record-head-title">{r.title}</h2>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
            <StateTag state={r.state} />
            {r.overdue && <OverdueTag dueDate={r.inspectionDueDate} />}
          </div>
        </div>
      }
    >
      {r.actions.length > 0 && <ActionButtons {...props} />}
      <RecordDescriptions r={r} mobile={mobile} />
    </Card>
  );
}

function ActionButtons({ r, mobile, busy, onDialog, onStep }: Parameters<typeof RecordCard>[0]) {
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const can = (a: RegistrationAction) => r.actions.includes(a);
  const size = mobile ? 'large' : 'middle';
  return (
    <div className="button-row gap-below-16">
      {can('submit') && (
        <Button
          size={size}
          type="primary"
          icon={<SendOutlined />}
          loading={busy}
          onClick={() => void onStep('submit', 'Đã gửi đăng ký để thẩm định.')}
        >
          {TRANSITIONS.submit.label}
        </Button>
      )}
      {can('withdraw') && (
        <Button
          size={size}
          icon={<UndoOutlined />}
          loading={busy}
          onClick={() =>
            modal.confirm({
              title: 'Rút lại đăng ký?',
              content: 'Hồ sơ trở về bản nháp để chỉnh sửa; cấp trên chưa thẩm định hồ sơ này. Khi sửa xong, bấm “Gửi đăng ký” để gửi lại.',
              okText: 'Rút lại',
              cancelText: 'Hủy',
              onOk: () => onStep('withdraw', 'Đã rút lại đăng ký; hồ sơ trở về bản nháp.'),
            })
          }
        >
          {TRANSITIONS.withdraw.label}
        </Button>
      )}
      {can('accept') && (
        <Button size={size} type="primary" icon={<CheckOutlined />} onClick={() => onDialog('accept')}>
          {TRANSITIONS.accept.label}
        </Button>
      )}
      {can('return') && (
        <Button size={size} icon={<RollbackOutlined />} onClick={() => onDialog('return')}>
          {TRANSITIONS.return.label}
        </Button>
      )}
      {can('reject') && (
        <Button size={size} danger icon={<CloseOutlined />} onClick={() => onDialog('reject')}>
          {TRANSITIONS.reject.label}
        </Button>
      )}
      {can('update') && (
        <Button size={size} icon={<EditOutlined />} onClick={() => navigate(`/mo-hinh/${r.id}/sua`)}>
          Sửa
        </Button>
      )}
      {can('inspect') && (
        <Button size={size} icon={<FileSearchOutlined />} onClick={() => onDialog('inspect')}>
          Ghi kết quả kiểm tra
        </Button>
      )}
      {can('assign_supporter') && (
        <Button size={size} icon={<UserAddOutlined />} onClick={() => onDialog('supporter')}>
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
              onOk: () => onStep('complete', 'Đã ghi nhận hoàn thành.'),
            })
          }
        >
          {TRANSITIONS.complete.label}
        </Button>
      )}
      {can('discontinue') && (
        <Button size={size} danger icon={<StopOutlined />} onClick={() => onDialog('discontinue')}>
          {TRANSITIONS.discontinue.label}
        </Button>
      )}
      <RegistrationFormPaper r={r} size={size} />
      <PrintButton size={size} />
    </div>
  );
}

function RecordDescriptions({ r, mobile }: { r: Registration; mobile: boolean }) {
  const fieldName = useFieldName();
  const wide = mobile ? 1 : 2;
  return (
    <Descriptions
      column={mobile ? 1 : 2}
      size="small"
      bordered
      styles={{ label: { whiteSpace: mobile ? 'normal' : 'nowrap', width: mobile ? 120 : undefined } }}
    >
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
      <Descriptions.Item label="Hình thức" span={wide}>
        {ORIGIN_LABELS[r.origin]}
        {r.originRef && (
          <>
            {': '}
            <Link to={`/mo-hinh/${r.originRef.id}`}>{r.originRef.title}</Link>
          </>
        )}
      </Descriptions.Item>
      {CONTENT.map(([key, label]) => (
        <Descriptions.Item key={key} label={label} span={wide}>
          <Multi text={r[key]} />
        </Descriptions.Item>
      ))}
      <Descriptions.Item label="Địa bàn">{[r.placeUnit?.name, r.placeAddress].filter(Boolean).join(' — ') || '—'}</Descriptions.Item>
      <Descriptions.Item label="Cán bộ hỗ trợ">{r.supporter?.name ?? 'Chưa phân công'}</Descriptions.Item>
      <Descriptions.Item label="Kinh phí dự kiến">{moneyVnd(r.plannedFundsVnd)}</Descriptions.Item>
      <Descriptions.Item label="Ngày công dự kiến">{r.plannedWorkdays != null ? formatMoney(r.plannedWorkdays) : '—'}</Descriptions.Item>
      <Descriptions.Item label="Nguồn lực khác" span={wide}>
        {r.plannedOther || '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}

function Multi({ text }: { text: string | null }) {
  return text ? <span className="pre-line">{text}</span> : <>—</>;
}
