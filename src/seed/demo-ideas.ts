/** What the demo's models and exemplars are about: kinds of work common in the movement, each with one measurable criterion. */
export type Field = 'economic' | 'cultural_social' | 'defence_security' | 'political_system';
export interface Idea {
  title: string;
  field: Field;
  problem: string;
  criterion: [name: string, target: number, unit: string];
}

export const IDEAS: Idea[] = [
  {
    title: 'Tổ hợp tác trồng bưởi da xanh theo hướng an toàn',
    field: 'economic',
    problem: 'Nông dân trồng nhỏ lẻ, giá bán bấp bênh',
    criterion: ['Số hộ tham gia tổ hợp tác', 25, 'hộ'],
  },
  {
    title: 'Vận động hội viên phụ nữ tiết kiệm, giúp nhau vay vốn làm ăn',
    field: 'economic',
    problem: 'Nhiều chị em thiếu vốn sản xuất nhỏ',
    criterion: ['Số hội viên được giúp vốn', 40, 'người'],
  },
  {
    title: 'Dân vận khéo trong chuyển đổi cây trồng trên đất lúa kém hiệu quả',
    field: 'economic',
    problem: 'Ruộng lúa nhiễm mặn, năng suất thấp',
    criterion: ['Diện tích chuyển đổi', 30, 'ha'],
  },
  {
    title: 'Nông dân liên kết tiêu thụ khóm sạch',
    field: 'economic',
    problem: 'Thương lái ép giá khi vào vụ',
    criterion: ['Sản lượng tiêu thụ qua hợp đồng', 200, 'tấn'],
  },
  {
    title: 'Nuôi bò sinh sản xoay vòng giúp hộ nghèo',
    field: 'economic',
    problem: 'Hộ nghèo không có vốn chăn nuôi',
    criterion: ['Số hộ thoát nghèo', 12, 'hộ'],
  },
  {
    title: 'Dân vận khéo trong vận động hiến đất mở rộng đường giao thông nông thôn',
    field: 'cultural_social',
    problem: 'Đường ấp nhỏ hẹp, mùa mưa lầy lội',
    criterion: ['Chiều dài đường được mở rộng', 3, 'km'],
  },
  {
    title: 'Tuyến đường hoa, đường sáng, xanh – sạch – đẹp',
    field: 'cultural_social',
    problem: 'Đường ấp thiếu đèn, nhiều rác',
    criterion: ['Số bóng đèn do dân đóng góp', 150, 'bóng'],
  },
  {
    title: 'Tủ sách dùng chung ở ấp',
    field: 'cultural_social',
    problem: 'Thiếu nơi đọc sách cho thiếu nhi',
    criterion: ['Số đầu sách', 500, 'cuốn'],
  },
  {
    title: 'Cùng con đến trường, không để học sinh bỏ học giữa chừng',
    field: 'cultural_social',
    problem: 'Học sinh nghỉ học để phụ giúp gia đình',
    criterion: ['Số học sinh được vận động trở lại lớp', 15, 'em'],
  },
  {
    title: 'Bữa cơm nghĩa tình cho bệnh nhân nghèo',
    field: 'cultural_social',
    problem: 'Người bệnh nghèo điều trị dài ngày thiếu ăn',
    criterion: ['Số suất cơm mỗi tháng', 1200, 'suất'],
  },
  {
    title: 'Dân vận khéo trong cải cách thủ tục hành chính: một lần đến là xong việc',
    field: 'cultural_social',
    problem: 'Người dân phải đi lại nhiều lần',
    criterion: ['Tỷ lệ hồ sơ đúng hẹn', 98, '%'],
  },
  {
    title: 'Phân loại rác thải tại nguồn ở khu dân cư',
    field: 'cultural_social',
    problem: 'Rác thải sinh hoạt chưa được phân loại',
    criterion: ['Số hộ phân loại rác', 300, 'hộ'],
  },
  {
    title: 'Mái ấm tình thương cho hộ khó khăn về nhà ở',
    field: 'cultural_social',
    problem: 'Còn hộ ở nhà tạm, dột nát',
    criterion: ['Số căn nhà được xây, sửa', 6, 'căn'],
  },
  {
    title: 'Câu lạc bộ đờn ca tài tử của ấp',
    field: 'cultural_social',
    problem: 'Thanh niên ít tham gia sinh hoạt văn hóa',
    criterion: ['Số buổi sinh hoạt trong năm', 24, 'buổi'],
  },
  {
    title: 'Chăm sóc sức khỏe người cao tuổi tại nhà',
    field: 'cultural_social',
    problem: 'Người cao tuổi neo đơn ít được khám bệnh',
    criterion: ['Số lượt khám tại nhà', 400, 'lượt'],
  },
  {
    title: 'Tổ tự quản an ninh trật tự liên gia',
    field: 'defence_security',
    problem: 'Trộm cắp vặt xảy ra ở khu dân cư',
    criterion: ['Số vụ trộm cắp giảm', 50, '%'],
  },
  {
    title: 'Camera an ninh do dân cùng góp',
    field: 'defence_security',
    problem: 'Các tuyến đường vắng thiếu giám sát',
    criterion: ['Số camera lắp đặt', 30, 'camera'],
  },
  {
    title: 'Xóm đạo bình yên',
    field: 'defence_security',
    problem: 'Cần gắn kết đồng bào có đạo với chính quyền',
    criterion: ['Số hộ ký cam kết', 120, 'hộ'],
  },
  {
    title: 'Dân vận khéo trong tuyên truyền phòng, chống ma túy cho thanh niên',
    field: 'defence_security',
    problem: 'Nguy cơ ma túy len lỏi vào thanh niên',
    criterion: ['Số buổi tuyên truyền', 12, 'buổi'],
  },
  {
    title: 'Đảng viên gắn bó với hộ gia đình',
    field: 'political_system',
    problem: 'Chưa nắm chắc tâm tư của dân',
    criterion: ['Số hộ được đảng viên phụ trách', 200, 'hộ'],
  },
  {
    title: 'Chi bộ sinh hoạt chuyên đề về công tác dân vận',
    field: 'political_system',
    problem: 'Sinh hoạt chi bộ còn hình thức',
    criterion: ['Số buổi sinh hoạt chuyên đề', 4, 'buổi'],
  },
  {
    title: 'Ngày thứ Bảy lắng nghe dân nói',
    field: 'political_system',
    problem: 'Kiến nghị của dân chậm được giải quyết',
    criterion: ['Tỷ lệ kiến nghị được trả lời', 100, '%'],
  },
  {
    title: 'Tiếp công dân đúng hẹn, trả lời đúng hạn',
    field: 'political_system',
    problem: 'Đơn thư tồn đọng',
    criterion: ['Số đơn thư được giải quyết', 40, 'đơn'],
  },
];

export const EXEMPLARS = [
  {
    person: 'Lê Văn Tám',
    position: 'Hội viên Hội Nông dân',
    title: 'Nông dân sản xuất, kinh doanh giỏi, giúp đỡ hộ nghèo',
    field: 'economic' as Field,
  },
  {
    person: 'Trần Thị Mỹ',
    position: 'Chi hội trưởng phụ nữ ấp',
    title: 'Chi hội trưởng vận động chị em tham gia xây dựng nông thôn mới',
    field: 'cultural_social' as Field,
  },
  { person: 'Nguyễn Văn Út', position: 'Trưởng ấp', title: 'Trưởng ấp gương mẫu, sát dân, gần dân', field: 'political_system' as Field },
];
