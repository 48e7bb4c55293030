import { Alert, Button, Card, Col, Row, Tag } from 'antd';
import { BarChartOutlined, CheckCircleOutlined, PlusOutlined, StarOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Todo, TodoKey } from '@domain/todo-schemas.js';
import { OVERDUE_LABEL } from '@domain/deadlines.js';
import { errorText, get } from '../api';
import { useSession } from '../session';
import { useIsMobile } from '../useIsMobile';
import { ReasonLine } from './movement/LastReason';
import { GuideLink } from '../components/GuideLink';
import { ROLE_ANCHORS } from './guide/guide-content';

const CARDS: Record<TodoKey, { label: string; hint: string; to: (roundId: string | null) => string }> = {
  awaiting_appraisal: {
    label: 'Hồ sơ chờ thẩm định',
    hint: 'Đơn vị đã gửi đăng ký, chờ chấp thuận hoặc trả lại',
    to: () => '/mo-hinh?queue=awaiting_appraisal',
  },
  returned_to_me: {
    label: 'Hồ sơ bị trả lại',
    hint: 'Sửa theo ý kiến của cấp trên rồi gửi lại',
    to: () => '/mo-hinh?queue=returned_to_me',
  },
  my_drafts: { label: 'Bản nháp chưa gửi', hint: 'Đăng ký đang soạn, chưa gửi cấp trên', to: () => '/mo-hinh?queue=my_drafts' },
  to_inspect: {
    label: 'Mô hình cần kiểm tra',
    hint: 'Được phân công theo dõi, chờ kiểm tra, đánh giá',
    to: () => '/mo-hinh?queue=to_inspect',
  },
  proposals: {
    label: 'Đề nghị khen thưởng chờ xem xét',
    hint: 'Cấp dưới đề nghị biểu dương, khen thưởng',
    to: () => '/de-nghi-khen-thuong',
  },
  votes: {
    label: 'Hồ sơ chờ biểu quyết',
    hint: 'Trong đợt xét công nhận đang mở',
    to: (id) => (id ? `/xet-cong-nhan/${id}` : '/xet-cong-nhan'),
  },
  acknowledgements: {
    label: 'Hồ sơ chờ đơn vị xác nhận',
    hint: 'Xác nhận mô hình đang hoạt động ở đơn vị trước khi xét công nhận',
    to: (id) => (id ? `/xet-cong-nhan/${id}` : '/xet-cong-nhan'),
  },
};

/** The first page after signing in: what waits for this user, each card opening its list. */
export default function TodoPage() {
  const me = useSession();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const todo = useQuery({ queryKey: ['todo'], queryFn: () => get<z.infer<typeof Todo>>('/todo'), refetchOnMount: 'always' });
  const items = todo.data?.items ?? [];
  const waiting = items.filter((i) => i.count > 0);
  const done = items.filter((i) => i.count === 0);

  return (
    <Card
      title={<h2 style={{ fontSize: 20, margin: '10px 0', whiteSpace: 'normal' }}>Việc cần làm</h2>}
      styles={{ body: { padding: mobile ? 12 : 20 } }}
    >
      {todo.error && <Alert type="error" showIcon title={errorText(todo.error)} />}
      {todo.isPending && <Card loading />}
      {todo.data && waiting.length === 0 && (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleOutlined />}
          style={{ marginBottom: 16 }}
          title={
            <>
              {items.length
                ? 'Không có việc nào đang chờ bạn.'
                : 'Tài khoản của bạn dùng để theo dõi: xem thống kê, danh sách mô hình và báo cáo.'}{' '}
              <GuideLink anchor={ROLE_ANCHORS[me.user.role]}>Xem hướng dẫn sử dụng cho vai trò của bạn</GuideLink>
            </>
          }
        />
      )}
      <Row gutter={[12, 12]}>
        {waiting.map((i) => (
          <Col key={i.key} xs={24} sm={12} lg={8}>
            {/* Named by its content: "label: count", then the latest record and its reason when the
                card has one (what a screen reader announces; a voice user says the visible label,
                which starts it); the big number and the tag show the same for the eye, and the hint
                is the link's description. */}
            <Link
              to={CARDS[i.key].to(todo.data!.roundId)}
              aria-describedby={`todo-hint-${i.key}`}
              style={{ display: 'block', color: 'inherit' }}
            >
              <Card hoverable size="small" style={{ borderColor: '#f4c7c3', background: '#fff8f7' }}>
                <div style={{ display: 'flex', gap: 14, alignItems: 'center' }}>
                  <div aria-hidden="true" style={{ fontSize: 34, fontWeight: 700, color: '#b71c1c', minWidth: 48, textAlign: 'center' }}>
                    {i.count.toLocaleString('vi-VN')}
                  </div>
                  <div>
                    <div style={{ fontSize: 17, fontWeight: 600 }}>
                      <span aria-hidden="true">{CARDS[i.key].label}</span>
                      <span className="sr-only">{`${CARDS[i.key].label}: ${i.count}${i.overdue ? `, ${i.overdue} ${OVERDUE_LABEL.toLowerCase()}` : ''}${i.latest ? '.' : ''}`}</span>
                    </div>
                    <div id={`todo-hint-${i.key}`} aria-hidden="true" style={{ color: '#595959' }}>
                      {CARDS[i.key].hint}
                    </div>
                    {i.latest && (
                      <div className="todo-latest">
                        <div className="todo-latest-title">
                          <span className="sr-only">Mới nhất: </span>
                          {i.latest.title}
                        </div>
                        <ReasonLine reason={i.latest.lastReason} />
                      </div>
                    )}
                    {!!i.overdue && (
                      <Tag aria-hidden="true" color="red" style={{ marginTop: 6 }}>
                        {i.overdue.toLocaleString('vi-VN')} {OVERDUE_LABEL.toLowerCase()}
                      </Tag>
                    )}
                  </div>
                </div>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      {done.length > 0 && (
        <div style={{ color: '#666', marginTop: 14 }}>Không có: {done.map((i) => CARDS[i.key].label.toLowerCase()).join('; ')}.</div>
      )}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginTop: 20 }}>
        {me.canCreate.registration && (
          <Button type="primary" size={mobile ? 'large' : 'middle'} icon={<PlusOutlined />} onClick={() => navigate('/mo-hinh/dang-ky')}>
            Đăng ký mô hình, điển hình
          </Button>
        )}
        <Button size={mobile ? 'large' : 'middle'} icon={<StarOutlined />} onClick={() => navigate('/mo-hinh')}>
          Danh sách mô hình
        </Button>
        <Button size={mobile ? 'large' : 'middle'} icon={<BarChartOutlined />} onClick={() => navigate('/thong-ke')}>
          Thống kê
        </Button>
      </div>
    </Card>
  );
}
