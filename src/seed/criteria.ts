/**
 * The starting catalogue of criteria: for collective exemplars by unit kind, for individual
 * exemplars and for models. DVK's own short wording of what the movement's guidance asks of each
 * kind of unit; movement officers edit the catalogue afterwards.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../data/db.js';

type Entry = [target: 'collective' | 'individual' | 'model', unitKind: string | null, names: string[]];

const CATALOGUE: Entry[] = [
  [
    'collective',
    'party',
    [
      'Lãnh đạo tuyên truyền, vận động cán bộ, đảng viên và nhân dân thực hiện chủ trương của Đảng, pháp luật của Nhà nước',
      'Chỉ đạo chính quyền, Mặt trận và đoàn thể phối hợp nắm tình hình, giải quyết kịp thời kiến nghị chính đáng, không để phát sinh điểm nóng',
      'Lãnh đạo thực hiện dân chủ ở cơ sở; huy động nguồn lực chăm lo đời sống nhân dân',
      'Các tổ chức chính trị – xã hội trực thuộc hoạt động hiệu quả; có đăng ký công trình, mô hình dân vận khéo',
    ],
  ],
  [
    'collective',
    'state_agency',
    [
      'Cán bộ, công chức vững chuyên môn, có kỹ năng giao tiếp; định kỳ lấy ý kiến nhân dân về thái độ phục vụ',
      'Giải quyết hồ sơ đúng hạn, không gây phiền hà; yêu cầu bổ sung hồ sơ không quá một lần',
      'Công khai quy định và trách nhiệm phục vụ; tiếp công dân, đối thoại với nhân dân định kỳ',
    ],
  ],
  [
    'collective',
    'health',
    [
      'Thực hiện quy chế dân chủ của ngành và của đơn vị',
      'Tận tình với người bệnh, quan tâm đối tượng chính sách, không phân biệt đối xử; cấp cứu khẩn trương, không đùn đẩy',
    ],
  ],
  [
    'collective',
    'culture_sport',
    [
      'Tổ chức tốt hoạt động văn hóa, văn nghệ, thể dục thể thao phục vụ nhân dân',
      'Vận động nhân dân tham gia văn nghệ quần chúng, rèn luyện thân thể; có mô hình hoạt động nổi bật ở cơ sở',
    ],
  ],
  [
    'collective',
    'school',
    [
      'Thực hiện quy chế dân chủ; công khai và sử dụng đúng mục đích các khoản đóng góp của phụ huynh',
      'Bảo đảm chất lượng giáo dục, không để xảy ra bạo lực học đường; phối hợp với cha mẹ học sinh giáo dục kỹ năng sống',
    ],
  ],
  [
    'collective',
    'fatherland_front',
    [
      'Tạo được đồng thuận rộng rãi trong nhân dân; phối hợp hành động hiệu quả giữa các tổ chức thành viên',
      'Nắm dư luận xã hội, kịp thời kiến nghị giải quyết bức xúc chính đáng, không để xảy ra tụ tập đông người',
      'Giám sát, phản biện xã hội có hiệu quả; hưởng ứng tốt các cuộc vận động do Mặt trận cấp trên phát động',
    ],
  ],
  [
    'collective',
    'socio_political',
    [
      'Vận động đoàn viên, hội viên tích cực tham gia các phong trào thi đua, cuộc vận động',
      'Nắm chắc tình hình, tham mưu giải quyết bức xúc chính đáng của đoàn viên, hội viên và nhân dân',
      'Có cách làm sáng tạo trong tập hợp, phát triển đoàn viên, hội viên, kể cả người khó tập hợp',
      'Tham gia xây dựng Đảng, chính quyền; nội bộ đoàn kết, hoàn thành nhiệm vụ chính trị hằng năm',
    ],
  ],
  [
    'collective',
    'mass_association',
    [
      'Vận động hội viên tham gia các phong trào thi đua ở địa phương',
      'Có cách làm sáng tạo, hiệu quả trong tập hợp hội viên; nội bộ đoàn kết',
    ],
  ],
  [
    'collective',
    'military',
    [
      'Tham mưu, phối hợp với đoàn thể vận động nhân dân tham gia xây dựng và bảo vệ Tổ quốc; nâng chất lượng dân quân tự vệ',
      'Thực hiện tốt chính sách hậu phương quân đội; tuyển quân công khai, minh bạch',
    ],
  ],
  [
    'collective',
    'police',
    [
      'Vận động nhân dân tham gia phong trào Toàn dân bảo vệ an ninh Tổ quốc, phòng chống tội phạm, cháy nổ, tai nạn giao thông',
      'Cải tiến thủ tục hành chính; giải quyết việc của dân đúng pháp luật, đúng hẹn, công khai',
      'Cán bộ, chiến sĩ lễ phép với nhân dân, không gây phiền hà, nhũng nhiễu',
      'Xây dựng mới hoặc củng cố các tổ, nhóm tự quản về an ninh trật tự ở khu dân cư',
    ],
  ],
  [
    'collective',
    'fire_police',
    [
      'Phối hợp tuyên truyền, vận động nhân dân phòng cháy, chữa cháy, cứu nạn, cứu hộ; có mô hình hiệu quả',
      'Cán bộ, chiến sĩ ứng xử đúng mực, không gây phiền hà nhân dân',
    ],
  ],
  [
    'collective',
    'border_guard',
    [
      'Phối hợp chặt chẽ với địa phương vận động quần chúng; tuyên truyền về chủ quyền biên giới, biển đảo',
      'Cán bộ, chiến sĩ ứng xử có văn hóa, khéo léo khi tiếp xúc với nhân dân',
    ],
  ],
  [
    'collective',
    'enterprise',
    [
      'Giải quyết kịp thời kiến nghị chính đáng về tiền lương, thời gian làm việc; không để xảy ra đình công, tranh chấp lao động',
      'Chấp hành pháp luật về kinh doanh, thuế, lao động; không nợ lương, nợ bảo hiểm xã hội',
      'Thực hiện dân chủ ở cơ sở, đối thoại định kỳ với người lao động',
      'Tạo điều kiện cho tổ chức Đảng, Công đoàn, Đoàn Thanh niên, Hội Cựu chiến binh hoạt động',
    ],
  ],
  [
    'individual',
    null,
    [
      'Gương mẫu chấp hành chủ trương, pháp luật; được nhân dân nơi công tác, cư trú tín nhiệm',
      'Có cách làm sáng tạo trong vận động nhân dân, mang lại kết quả đo đếm được',
      'Có sức lan tỏa; được tập thể nơi công tác hoặc cư trú xác nhận',
    ],
  ],
  [
    'model',
    null,
    [
      'Có mục tiêu, thời gian, địa bàn, lực lượng thực hiện và đối tượng vận động rõ ràng',
      'Có tiêu chí đo lường được và kết quả kiểm chứng được',
      'Huy động được sự tham gia và nguồn lực của nhân dân',
      'Có khả năng duy trì lâu dài và nhân rộng',
    ],
  ],
];

/** Fills the catalogue once, on an empty table; later edits are the officers'. */
export async function ensureCriteriaCatalogue(q: Queryable): Promise<void> {
  const { rows } = await q.query<{ n: number }>('select count(*) as n from criterion_template');
  if (rows[0]!.n > 0) return;
  for (const [target, unitKind, names] of CATALOGUE) {
    for (const [i, name] of names.entries()) {
      await q.query('insert into criterion_template (id, target, unit_kind, name, sort) values ($1, $2, $3, $4, $5)', [
        randomUUID(),
        target,
        unitKind,
        name,
        i + 1,
      ]);
    }
  }
}
