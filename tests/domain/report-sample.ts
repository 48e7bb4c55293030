/** A commune's five-year review report with its figures, shared by the document tests and the render script. */
import type { ReportFigures, ReviewReport } from '../../src/domain/report-schemas.js';

const unit = { id: '6f1c2a9e-4b7d-4c1e-9a53-0c2f8d7e1a01', name: 'Xã Càng Long' };
const line = (key: string, label: string, models: number, exemplars = 0) => ({ key, label, models, exemplars, total: models + exemplars });
const id = (n: number) => `0b7e4c1a-3f2d-4e8b-9c6a-${String(n).padStart(12, '0')}`;

export const sampleFigures: ReportFigures = {
  unit,
  tree: 'today',
  treeNote: 'Số liệu theo địa giới hành chính hiện nay',
  apportioned: false,
  yearFrom: 2016,
  yearTo: 2020,
  campaign: null,
  total: {
    models: 4110,
    exemplars: 0,
    total: 4110,
    fundsVnd: 12_350_000_000,
    workdays: 86_420,
    inspected: 0,
    achievedFundsVnd: 0,
    achievedWorkdays: 0,
    peopleReached: 0,
  },
  byField: [
    line('economic', 'Kinh tế', 575),
    line('cultural_social', 'Văn hóa – xã hội', 2951),
    line('defence_security', 'Quốc phòng – an ninh', 267),
    line('political_system', 'Xây dựng hệ thống chính trị', 317),
  ],
  byHolder: [line('collective', 'Tập thể', 3205), line('individual', 'Cá nhân', 905)],
  byOrigin: [line('new', 'Xây dựng mới', 1830), line('consolidation', 'Củng cố', 1640), line('replication', 'Nhân rộng', 640)],
  byLevel: [line('commune', 'Xã', 612), line('grassroots', 'Cơ sở', 3498)],
  byYear: [
    line('2016', 'Năm 2016', 702),
    line('2017', 'Năm 2017', 768),
    line('2018', 'Năm 2018', 824),
    line('2019', 'Năm 2019', 870),
    line('2020', 'Năm 2020', 946),
  ],
  byChild: (
    [
      ['Xã Càng Long (trực tiếp)', 412, 357, 41],
      ['Ấp Mỹ Huê', 689, 597, 80],
      ['Ấp Nhà Thờ', 693, 600, 81],
      ['Đoàn Thanh niên Cộng sản Hồ Chí Minh xã', 471, 408, 52],
      ['Hội Cựu chiến binh xã', 296, 257, 30],
      ['Hội Liên hiệp Phụ nữ Càng Long', 618, 536, 70],
      ['Hội Nông dân xã', 587, 509, 64],
      ['Ủy ban Mặt trận Tổ quốc Việt Nam xã', 344, 298, 38],
    ] as const
  ).map(([label, total, recognised, commended], i) => ({ ...line(id(100 + i), label, total), recognised, commended })),
  recognition: { recognised: 3562, notRecognised: 118, counted: 4110 },
  commendations: [
    { form: 'Biểu dương, tuyên dương', collectives: 160, individuals: 50, total: 210 },
    { form: 'Giấy khen', collectives: 130, individuals: 50, total: 180 },
    { form: 'Giấy khen của Ban Thường vụ cấp ủy', collectives: 36, individuals: 12, total: 48 },
    { form: 'Bằng khen của Ủy ban nhân dân tỉnh', collectives: 12, individuals: 6, total: 18 },
  ],
  proposalsUp: 24,
  notable: [
    ['Dân vận khéo trong vận động hiến đất mở rộng đường giao thông nông thôn', 'Ấp Mỹ Huê', 'Văn hóa – xã hội', 2017],
    ['Tuyến đường hoa, đường sáng, xanh – sạch – đẹp', 'Hội Liên hiệp Phụ nữ Càng Long', 'Văn hóa – xã hội', 2018],
    ['Tổ hợp tác trồng bưởi da xanh theo tiêu chuẩn VietGAP', 'Hội Nông dân xã', 'Kinh tế', 2019],
    ['Camera an ninh do dân đóng góp', 'Ấp Nhà Thờ', 'Quốc phòng – an ninh', 2020],
    ['Tủ sách dùng chung ở ấp', 'Đoàn Thanh niên Cộng sản Hồ Chí Minh xã', 'Văn hóa – xã hội', 2016],
    ['Cùng con đến trường, không để học sinh bỏ học giữa chừng', 'Hội Cựu chiến binh xã', 'Văn hóa – xã hội', 2018],
    ['Tiếp dân và giải quyết kiến nghị tại ấp mỗi tháng một lần', 'Xã Càng Long (trực tiếp)', 'Xây dựng hệ thống chính trị', 2019],
  ].map(([title, unitName, fieldName, year], i) => ({
    id: id(200 + i),
    title: String(title),
    unitName: String(unitName),
    fieldName: String(fieldName),
    kind: 'model' as const,
    year: Number(year),
    recognised: true,
    commended: i < 4,
  })),
};

export const sampleReport: ReviewReport = {
  id: '9a3e5b2c-7d41-4f6a-8b0e-2c4d6f8a0b11',
  unit,
  kind: 'final',
  yearFrom: 2016,
  yearTo: 2020,
  campaign: null,
  title: 'tổng kết 5 năm thực hiện phong trào thi đua “Dân vận khéo”',
  parentBody: 'Đảng bộ xã Càng Long',
  issuingBody: 'Ban Chỉ đạo phong trào thi đua “Dân vận khéo”',
  number: 'Số 12-BC/BCĐ',
  place: 'Càng Long',
  reportDate: '2020-11-23',
  situation: 'Xã Càng Long có 8 ấp, 2.950 hộ; đồng bào theo đạo chiếm gần một phần ba dân số. Đời sống Nhân dân từng bước được nâng lên.',
  leadership: 'Đảng ủy ban hành Nghị quyết chuyên đề, Ban Chỉ đạo xây dựng kế hoạch hằng năm và phân công thành viên theo dõi từng ấp.',
  results: [
    'Thực hiện Kế hoạch của Ban Thường vụ Huyện ủy về đẩy mạnh phong trào thi đua “Dân vận khéo” giai đoạn 2016 – 2020, Ban Chỉ đạo xã đã cụ thể hóa thành chương trình hằng năm, phân công thành viên phụ trách từng ấp, từng đoàn thể.',
    '',
    'Các mô hình tập trung vào lĩnh vực văn hóa – xã hội, nhất là xây dựng nông thôn mới, giữ gìn vệ sinh môi trường và chăm lo gia đình chính sách; nhiều mô hình được nhân rộng ra các ấp lân cận.',
  ].join('\n'),
  limitations: 'Một số mô hình đăng ký còn chung chung, chưa có tiêu chí đo lường cụ thể.\nViệc sơ kết, nhân rộng ở một vài ấp còn chậm.',
  lessons: 'Cấp ủy phải trực tiếp lãnh đạo, người đứng đầu gương mẫu; mô hình phải xuất phát từ nhu cầu thiết thực của Nhân dân.',
  directions:
    'Tiếp tục đăng ký mô hình mới gắn với chương trình xây dựng nông thôn mới nâng cao.\nKịp thời biểu dương, khen thưởng các tập thể, cá nhân tiêu biểu.',
  recommendations: 'Đề nghị Ban Dân vận Huyện ủy hỗ trợ kinh phí nhân rộng mô hình “Xóm đạo bình yên”.',
  recipients: 'Ban Dân vận Huyện ủy (b/c),\nThường trực Đảng ủy xã (b/c),\nCác chi bộ, đoàn thể xã,',
  signerTitle: 'T/M BAN CHỈ ĐẠO\nTrưởng ban',
  signerName: 'Nguyễn Văn Bình',
  version: 3,
  createdAt: '2020-11-10T08:00:00.000Z',
  updatedAt: '2020-11-23T08:00:00.000Z',
  actions: ['update'],
};
