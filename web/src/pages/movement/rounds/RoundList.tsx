import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { OpenRound, type Round, type RoundList as RoundListSchema } from '@domain/recognition-schemas.js';
import { errorText, get, post } from '../../../api';
import { maxRule } from '../../../components/limits';
import { ModalTitle } from '../../../components/ModalTitle';
import { GuideLink } from '../../../components/GuideLink';
import { GUIDE_ANCHORS } from '../../guide/guide-content';
import { UnitPicker } from '../../../components/UnitPicker';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { formatDate, vietnamYear } from '../../../format';
import { useSession } from '../../../session';
import { useIsMobile } from '../../../useIsMobile';
import { RoundStateTag } from './RoundStateTag';

type RoundItem = z.infer<typeof RoundListSchema>['items'][number];

/** The rounds in the user's view; officers and administrators open new ones. */
export function RoundList() {
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const me = useSession();
  const [opening, setOpening] = useState(false);
  const rounds = useQuery({ queryKey: ['rounds'], queryFn: () => get<{ items: RoundItem[]; total: number }>('/recognition-rounds') });
  const mayOpen = me.canCreate.round;
  return (
    <Card
      title={<h2 className="list-page-title">Xét công nhận</h2>}
      extra={
        mayOpen && !mobile ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
            Mở đợt xét công nhận
          </Button>
        ) : null
      }
      styles={{ body: { padding: mobile ? 12 : 20 } }}
    >
      {mayOpen && mobile && (
        <Button type="primary" size="large" block icon={<PlusOutlined />} onClick={() => setOpening(true)} style={{ marginBottom: 12 }}>
          Mở đợt xét công nhận
        </Button>
      )}
      {rounds.error && <Alert type="error" showIcon title={errorText(rounds.error)} />}
      <Table<RoundItem>
        rowKey="id"
        size={mobile ? 'small' : 'middle'}
        loading={rounds.isFetching}
        dataSource={rounds.data?.items ?? []}
        locale={{
          emptyText: (
            <>
              Chưa có đợt xét công nhận nào – <GuideLink anchor={GUIDE_ANCHORS.rounds}>xem hướng dẫn xét công nhận</GuideLink>
            </>
          ),
        }}
        pagination={false}
        columns={[
          {
            title: 'Đợt xét',
            dataIndex: 'title',
            render: (t: string, r) => (
              <div>
                <Link to={`/xet-cong-nhan/${r.id}`} className="round-list-title">
                  {t}
                </Link>
                <div className="round-list-sub">
                  {r.unit.name} · mở ngày {formatDate(r.openedAt)}
                  {mobile ? ` · ${r.candidateCount} hồ sơ` : ''}
                </div>
              </div>
            ),
          },
          ...(mobile ? [] : [{ title: 'Số hồ sơ', dataIndex: 'candidateCount', width: 100 }]),
          { title: 'Trạng thái', dataIndex: 'state', width: mobile ? 90 : 130, render: (s: string) => <RoundStateTag state={s} /> },
        ]}
      />
      {opening && <OpenRoundModal onClose={() => setOpening(false)} onOpened={(r) => navigate(`/xet-cong-nhan/${r.id}`)} />}
    </Card>
  );
}

function OpenRoundModal({ onClose, onOpened }: { onClose: () => void; onOpened: (r: Round) => void }) {
  const me = useSession();
  const [form] = Form.useForm<{ unitId: string; title: string }>();
  const scope = me.user.entryScope ?? me.user.viewScope;
  const {
    submit: ok,
    busy,
    error,
  } = useFormSubmit(form, (v, opts) => post<Round>('/recognition-rounds', { unitId: v.unitId, title: v.title.trim() }, opts), {
    onSuccess: onOpened,
  });
  return (
    <Modal
      open
      title={<ModalTitle main="Mở đợt xét công nhận" />}
      okText="Mở đợt xét"
      cancelText="Hủy"
      onOk={ok}
      confirmLoading={busy}
      onCancel={onClose}
      maskClosable={false}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        requiredMark="optional"
        name="round-form"
        initialValues={{ unitId: scope?.id, title: `Xét công nhận mô hình, điển hình “Dân vận khéo” năm ${vietnamYear()}` }}
      >
        <Form.Item label="Cấp xét (Ban Chỉ đạo)" name="unitId" rules={[{ required: true, message: 'Vui lòng chọn đơn vị' }]}>
          <UnitPicker initialLabel={scope?.name} />
        </Form.Item>
        <Form.Item
          label="Tên đợt xét"
          name="title"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đợt xét' }, maxRule(OpenRound.shape.title)]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
