import { useState } from 'react';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Table, Tag } from 'antd';
import { DateField, dateRules } from '../../components/DateField';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { REVIEW_REPORT_KIND_LABELS, ReviewReportListQuery, type ReviewReport } from '@domain/report-schemas.js';
import { REPORT_SORTS, type SortValue } from '@domain/list-sort.js';
import { SortSelect, sortableColumn, tableSortChange } from '../../components/ListSort';
import { useListParams } from '../../components/useListParams';
import { useIsMobile } from '../../useIsMobile';
import { errorText, get, post, qs } from '../../api';
import { GuideLink } from '../../components/GuideLink';
import { GUIDE_ANCHORS } from '../guide/guide-content';
import { UnitPicker } from '../../components/UnitPicker';
import { formatDate, vietnamToday, vietnamYear } from '../../format';
import { useFormSubmit } from '../../components/useFormSubmit';
import { useSession } from '../../session';

interface NewReport {
  unitId: string;
  kind: 'interim' | 'final';
  yearFrom: number;
  yearTo: number;
  title: string;
  parentBody?: string;
  issuingBody: string;
  number?: string;
  place: string;
  reportDate: Dayjs;
  signerTitle?: string;
  signerName?: string;
}

const PAGE_SIZE = 50;
const SORT_OPTIONS: { value: SortValue<(typeof REPORT_SORTS)[number]>; label: string }[] = [
  { value: '-date', label: 'Ngày mới nhất trước' },
  { value: 'date', label: 'Ngày cũ nhất trước' },
  { value: 'title', label: 'Tên A → Z' },
  { value: 'unit', label: 'Đơn vị A → Z' },
];

/** Review reports (sơ kết, tổng kết) of the user's view, and a form to start one. */
export default function ReviewReportsPage() {
  const me = useSession();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewReport>();
  const mobile = useIsMobile();
  // The page and the order live in the address (reload, back, a shared link).
  const list$ = useListParams({ shape: ReviewReportListQuery.shape, filters: [], sorts: REPORT_SORTS, defaultSort: '-date' });
  const { page, sort } = list$;
  const list = useQuery({
    queryKey: ['review-reports', page, sort],
    queryFn: () =>
      get<{ items: ReviewReport[]; total: number }>(
        `/review-reports${qs({ page, pageSize: PAGE_SIZE, sort: sort === '-date' ? undefined : sort })}`,
      ),
  });
  const year = vietnamYear();
  const {
    submit: create,
    busy,
    error,
  } = useFormSubmit(
    form,
    (v, opts) =>
      post<ReviewReport>(
        '/review-reports',
        { ...v, reportDate: v.reportDate.format('YYYY-MM-DD'), parentBody: v.parentBody || null, number: v.number || null },
        opts,
      ),
    { onSuccess: (r) => navigate(`/bao-cao/${r.id}`) },
  );

  return (
    <Card
      title={<h2 style={{ margin: 0, fontSize: 20 }}>Báo cáo sơ kết, tổng kết</h2>}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          Tạo báo cáo
        </Button>
      }
    >
      {list.error && <Alert type="error" showIcon title={errorText(list.error)} />}
      {mobile && (
        <div style={{ marginBottom: 8 }}>
          <SortSelect value={sort} onChange={list$.setSort} options={SORT_OPTIONS} />
        </div>
      )}
      <Table<ReviewReport>
        rowKey="id"
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        scroll={{ x: true }}
        locale={{
          emptyText: (
            <>
              Chưa có báo cáo nào. Bấm “Tạo báo cáo” để bắt đầu: số liệu được điền sẵn, bạn viết phần đánh giá –{' '}
              <GuideLink anchor={GUIDE_ANCHORS.reports}>xem hướng dẫn báo cáo</GuideLink>
            </>
          ),
        }}
        onChange={tableSortChange(list$.setSort)}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: list$.setPage,
          showSizeChanger: false,
          hideOnSinglePage: true,
        }}
        columns={[
          {
            title: 'Báo cáo',
            ...sortableColumn(sort, 'title'),
            render: (_, r) => (
              <>
                <Link to={`/bao-cao/${r.id}`} style={{ fontWeight: 500 }}>
                  {r.title}
                </Link>
                <div style={{ color: '#666', fontSize: 13 }}>
                  {r.unit.name} · {r.number ?? 'chưa có số'}
                </div>
              </>
            ),
          },
          { title: 'Loại', render: (_, r) => <Tag>{REVIEW_REPORT_KIND_LABELS[r.kind]}</Tag> },
          { title: 'Giai đoạn', render: (_, r) => (r.yearFrom === r.yearTo ? `Năm ${r.yearFrom}` : `${r.yearFrom}–${r.yearTo}`) },
          { title: 'Ngày', ...sortableColumn(sort, 'date'), render: (_, r) => formatDate(r.reportDate) },
        ]}
      />
      <Modal
        open={creating}
        title="Tạo báo cáo sơ kết, tổng kết"
        okText="Tạo báo cáo"
        cancelText="Hủy"
        onOk={create}
        confirmLoading={busy}
        onCancel={() => setCreating(false)}
        width={720}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form
          form={form}
          layout="vertical"
          name="new-report"
          initialValues={{
            kind: 'interim',
            yearFrom: year,
            yearTo: year,
            reportDate: vietnamToday(),
            unitId: me.user.unit.id,
            signerTitle: 'T/M Ban Chỉ đạo\nTrưởng ban',
            title: `Sơ kết phong trào thi đua “Dân vận khéo” năm ${year}`,
          }}
        >
          <Form.Item label="Đơn vị báo cáo" name="unitId" rules={[{ required: true, message: 'Vui lòng chọn đơn vị' }]}>
            <UnitPicker initialLabel={me.user.unit.name} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item label="Loại báo cáo" name="kind">
                <Select
                  options={[
                    { value: 'interim', label: 'Sơ kết' },
                    { value: 'final', label: 'Tổng kết' },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label="Từ năm" name="yearFrom" rules={[{ required: true, message: 'Nhập năm' }]}>
                <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label="Đến năm" name="yearTo" rules={[{ required: true, message: 'Nhập năm' }]}>
                <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="Tên báo cáo" name="title" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên báo cáo' }]}>
            <Input />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item label="Cấp ủy cấp trên (dòng đầu, góc trái)" name="parentBody">
                <Input placeholder="Ví dụ: Đảng bộ tỉnh Vĩnh Long" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                label="Cơ quan ban hành"
                name="issuingBody"
                rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập cơ quan ban hành' }]}
              >
                <Input placeholder="Ví dụ: Ban Chỉ đạo phong trào “Dân vận khéo” xã …" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Số, ký hiệu" name="number">
                <Input placeholder="Số 12-BC/BCĐ" />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label="Địa danh" name="place" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập địa danh' }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item label="Ngày báo cáo" name="reportDate" rules={dateRules('Vui lòng nhập ngày báo cáo')}>
                <DateField />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Chức danh người ký (mỗi dòng in một dòng)" name="signerTitle">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Họ tên người ký" name="signerName">
                <Input />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
    </Card>
  );
}
