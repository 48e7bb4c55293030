import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Table } from 'antd';
import { ArrowLeftOutlined, FileExcelOutlined, FileWordOutlined, SaveOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { REVIEW_REPORT_KIND_LABELS, type FigureLine, type ReportFigures, type ReviewReport } from '@domain/report-schemas.js';
import { formatNumberVi, formatPercentVi } from '@domain/statistics.js';
import { ApiError, errorText, get, patch } from '../../api';
import { formatDate } from '../../format';
import { useAction } from '../../components/useAction';
import { Attachments } from '../../components/Attachments';

const SECTIONS = [
  ['situation', 'Đặc điểm tình hình'],
  ['leadership', 'I.1. Công tác lãnh đạo, chỉ đạo'],
  ['results', 'I.2. Kết quả xây dựng mô hình, điển hình (phần đánh giá)'],
  ['limitations', 'II. Hạn chế và nguyên nhân'],
  ['lessons', 'III. Bài học kinh nghiệm'],
  ['directions', 'IV. Phương hướng, nhiệm vụ thời gian tới'],
  ['recommendations', 'V. Kiến nghị, đề xuất'],
  ['recipients', 'Nơi nhận (mỗi dòng một nơi)'],
] as const;
// The signer block under the report: capacity and title one a line ("T/M Ban Chỉ đạo" above "Trưởng ban"), then the name.
const SIGNER = ['signerTitle', 'signerName'] as const;
const FIELDS = [...SECTIONS.map(([k]) => k), ...SIGNER];
type Texts = Record<(typeof FIELDS)[number], string>;

function LinesTable({ title, lines }: { title: string; lines: FigureLine[] }) {
  const total = lines.reduce((t, l) => t + l.total, 0);
  return (
    <Table<FigureLine>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={lines}
      scroll={{ x: true }}
      title={() => <strong>{title}</strong>}
      columns={[
        { title: 'Nội dung', dataIndex: 'label' },
        { title: 'Mô hình', align: 'right', render: (_, l) => formatNumberVi(l.models) },
        { title: 'Điển hình', align: 'right', render: (_, l) => formatNumberVi(l.exemplars) },
        { title: 'Tổng số', align: 'right', render: (_, l) => <strong>{formatNumberVi(l.total)}</strong> },
        { title: 'Tỷ lệ', align: 'right', render: (_, l) => formatPercentVi(l.total, total) },
      ]}
    />
  );
}

/** A review report: the figures DVK fills in, the sections the officer writes, the Word and Excel files. */
export default function ReviewReportEditPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Texts>();
  const [dirty, setDirty] = useState(false);
  const report = useQuery({ queryKey: ['review-report', id], queryFn: () => get<ReviewReport>(`/review-reports/${id}`) });
  const figures = useQuery({
    queryKey: ['review-report', id, 'figures'],
    queryFn: () => get<ReportFigures>(`/review-reports/${id}/figures`),
  });
  const r = report.data;
  const canEdit = !!r?.actions.includes('update');

  useEffect(() => {
    if (r && !dirty) form.setFieldsValue(Object.fromEntries(FIELDS.map((k) => [k, r[k] ?? ''])) as Texts);
  }, [r, dirty, form]);

  // Nothing lost: leaving with unsaved text asks first, from the back button and when closing the tab.
  const leave = () => {
    if (!dirty || window.confirm('Phần viết chưa được lưu. Rời trang và bỏ các thay đổi?')) navigate('/bao-cao');
  };
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // A stale version is not reloaded here: that would wipe what the officer has written.
  const saving = useAction(
    ({ v, version }: { v: Texts; version: number }, opts) =>
      patch<ReviewReport>(`/review-reports/${id}`, { ...Object.fromEntries(FIELDS.map((k) => [k, v[k]?.trim() || null])), version }, opts),
    {
      onSuccess: (saved) => {
        queryClient.setQueryData(['review-report', id], saved);
        setDirty(false);
        message.success('Đã lưu báo cáo.');
      },
      onError: (e) => {
        if (!(e instanceof ApiError && e.code === 'STALE_VERSION')) return false;
        saving.setError('Báo cáo vừa được người khác sửa. Hãy sao chép phần bạn viết, tải lại trang rồi dán vào.');
        return true;
      },
    },
  );
  const { busy, error } = saving;
  const save = () => (r ? saving.run({ v: form.getFieldsValue(), version: r.version }) : undefined);

  if (report.error) return <Alert type="error" showIcon title={errorText(report.error)} />;
  if (!r) return <Card loading />;
  const f = figures.data;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12, maxWidth: 1000 }}>
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={leave}>
          Về danh sách
        </Button>
        <Button
          icon={<FileWordOutlined />}
          href={`/api/v1/review-reports/${r.id}/docx`}
          disabled={dirty}
          title={dirty ? 'Hãy lưu trước khi tải' : undefined}
        >
          Tải về Word (.docx)
        </Button>
        <Button icon={<FileExcelOutlined />} href={`/api/v1/review-reports/${r.id}/xlsx`}>
          Tải bảng số liệu Excel (.xlsx)
        </Button>
      </Space>
      <Card>
        <h2 style={{ margin: 0, fontSize: 20 }}>{r.title}</h2>
        <div style={{ color: '#555', marginTop: 4 }}>
          {REVIEW_REPORT_KIND_LABELS[r.kind]} · {r.unit.name} ·{' '}
          {r.yearFrom === r.yearTo ? `năm ${r.yearFrom}` : `giai đoạn ${r.yearFrom}–${r.yearTo}`} · {r.number ?? 'chưa có số'} · {r.place},{' '}
          {formatDate(r.reportDate)}
        </div>
      </Card>
      <Card title="Số liệu (DVK tự điền từ các hồ sơ đăng ký, không sửa tay)" size="small" loading={figures.isPending}>
        {figures.error && <Alert type="error" showIcon title={errorText(figures.error)} />}
        {f && (
          <Space orientation="vertical" style={{ width: '100%' }} size={12}>
            <div style={{ fontSize: 16 }}>
              Tổng số đã đăng ký: <strong>{formatNumberVi(f.total.total)}</strong> ({formatNumberVi(f.total.models)} mô hình,{' '}
              {formatNumberVi(f.total.exemplars)} điển hình); được công nhận {formatNumberVi(f.recognition.recognised)} (
              {formatPercentVi(f.recognition.recognised, f.recognition.counted)}).
            </div>
            <LinesTable title="Theo lĩnh vực" lines={f.byField} />
            <LinesTable title="Theo tập thể, cá nhân" lines={f.byHolder} />
            <LinesTable title="Xây dựng mới, củng cố, nhân rộng" lines={f.byOrigin} />
            {f.byChild.length > 0 && <LinesTable title="Theo đơn vị trực thuộc" lines={f.byChild} />}
          </Space>
        )}
      </Card>
      <Attachments kind="report" recordId={r.id} />
      <Card title="Phần viết của báo cáo" size="small">
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} layout="vertical" name="report-texts" disabled={!canEdit} onValuesChange={() => setDirty(true)}>
          {SECTIONS.map(([k, label]) => (
            <Form.Item key={k} label={<strong>{label}</strong>} name={k}>
              <Input.TextArea autoSize={{ minRows: k === 'recipients' ? 3 : 6, maxRows: 30 }} style={{ fontSize: 16 }} />
            </Form.Item>
          ))}
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Form.Item label={<strong>Chức danh người ký (mỗi dòng in một dòng)</strong>} name="signerTitle">
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 4 }}
                  placeholder={'T/M Ban Chỉ đạo\nTrưởng ban'}
                  style={{ fontSize: 16 }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={<strong>Họ tên người ký</strong>} name="signerName">
                <Input style={{ fontSize: 16 }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        {canEdit && (
          <Button type="primary" size="large" icon={<SaveOutlined />} loading={busy} disabled={!dirty} onClick={save}>
            Lưu báo cáo
          </Button>
        )}
      </Card>
    </div>
  );
}
