/**
 * Words for generated model titles, by field. The field mix follows the published figures of the
 * seeds (Càng Long 2016–2020: economic 575, cultural–social 2,951, defence–security 267,
 * political system 317 of 4,110), with a small share of "other".
 */
export const FIELD_WEIGHTS: [string, number][] = [
  ['economic', 575],
  ['cultural_social', 2951],
  ['defence_security', 267],
  ['political_system', 317],
  ['other', 40],
];

export function pickWeighted<T extends string>(rand: () => number, items: [T, number][]): T {
  const total = items.reduce((t, [, w]) => t + w, 0);
  let r = rand() * total;
  for (const [v, w] of items) {
    r -= w;
    if (r < 0) return v;
  }
  return items[items.length - 1]![0];
}

const LEADS = ['Dân vận khéo trong', 'Mô hình', 'Vận động nhân dân', 'Phong trào', 'Chung tay', 'Đẩy mạnh'];

export const TITLE_PARTS: Record<string, { lead: string[]; topic: string[] }> = {
  economic: {
    lead: LEADS,
    topic: [
      'phát triển kinh tế hộ gia đình',
      'liên kết sản xuất lúa chất lượng cao',
      'nuôi tôm ứng dụng công nghệ cao',
      'trồng cây ăn trái đạt chuẩn VietGAP',
      'tiết kiệm, giúp nhau vay vốn làm ăn',
      'chuyển đổi số trong nông nghiệp',
      'xây dựng hợp tác xã kiểu mới',
      'giảm nghèo bền vững',
      'nuôi bò sinh sản xoay vòng',
      'phát triển sản phẩm OCOP',
      'dạy nghề cho lao động nông thôn',
    ],
  },
  cultural_social: {
    lead: LEADS,
    topic: [
      'xây dựng nông thôn mới',
      'hiến đất mở rộng đường giao thông',
      'tuyến đường hoa, đường sáng',
      'thu gom, phân loại rác thải tại nguồn',
      'khuyến học, khuyến tài',
      'chăm sóc người cao tuổi',
      'xây dựng nhà tình thương',
      'cải cách thủ tục hành chính',
      'nước sạch cho hộ nghèo',
      'phòng, chống dịch bệnh',
      'bảo hiểm y tế toàn dân',
      'xây dựng gia đình văn hóa',
      'bữa cơm nghĩa tình',
      'tủ sách cộng đồng',
      'câu lạc bộ đờn ca tài tử',
      'phòng, chống đuối nước cho trẻ em',
    ],
  },
  defence_security: {
    lead: LEADS,
    topic: [
      'tổ tự quản an ninh trật tự',
      'camera an ninh khu dân cư',
      'phòng, chống ma túy',
      'phòng cháy, chữa cháy ở khu dân cư',
      'bảo vệ chủ quyền biên giới',
      'xóm đạo bình yên',
      'tuyên truyền giao quân',
      'phòng, chống lừa đảo qua mạng',
    ],
  },
  political_system: {
    lead: LEADS,
    topic: [
      'đảng viên gắn bó với hộ gia đình',
      'tiếp công dân đúng hẹn',
      'ngày thứ Bảy lắng nghe dân nói',
      'sinh hoạt chi bộ chuyên đề dân vận',
      'giám sát đầu tư cộng đồng',
      'thực hiện dân chủ ở cơ sở',
      'đối thoại giữa người đứng đầu và nhân dân',
    ],
  },
  other: { lead: LEADS, topic: ['hoạt động dân vận khác', 'công tác dân vận trong doanh nghiệp'] },
};
