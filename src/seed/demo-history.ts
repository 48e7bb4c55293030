/**
 * The demo's reorganised area: the former Huyện Càng Long (Trà Vinh, code 844), whose 14 communes
 * became 5 communes of Tỉnh Vĩnh Long on 01/07/2025 (Resolution 1687/NQ-UBTVQH15, clauses 29–33).
 * The demo loads that district's history from the data set and gives its old communes the models
 * they registered in 2021–2024, which the officers of the new communes now see.
 */
import type { Field } from './demo-ideas.js';

/** Huyện Càng Long before 1 July 2025. */
export const DEMO_OLD_DISTRICT = '844';

export interface HistoryModel {
  /** Official code of the old commune. */
  commune: string;
  title: string;
  field: Field;
  year: number;
  state: 'submitted' | 'accepted' | 'recognised' | 'completed' | 'returned' | 'rejected' | 'discontinued';
  criterion: [string, number, string];
}

export const HISTORY_MODELS: HistoryModel[] = [
  {
    commune: '29266',
    title: 'Chợ văn minh, thương nhân thân thiện ở thị trấn Càng Long',
    field: 'economic',
    year: 2021,
    state: 'completed',
    criterion: ['Số tiểu thương tham gia', 120, 'người'],
  },
  {
    commune: '29266',
    title: 'Tuyến phố không rác thải nhựa',
    field: 'cultural_social',
    year: 2023,
    state: 'recognised',
    criterion: ['Số hộ tham gia', 300, 'hộ'],
  },
  {
    commune: '29269',
    title: 'Tổ hợp tác trồng dừa sáp Mỹ Cẩm',
    field: 'economic',
    year: 2022,
    state: 'recognised',
    criterion: ['Diện tích dừa sáp', 40, 'ha'],
  },
  {
    commune: '29269',
    title: 'Dân vận khéo trong vận động hiến đất làm đường giao thông nông thôn',
    field: 'political_system',
    year: 2024,
    state: 'accepted',
    criterion: ['Chiều dài đường được mở', 3, 'km'],
  },
  {
    commune: '29272',
    title: 'Nuôi cá lóc trong ao đất theo tổ liên kết',
    field: 'economic',
    year: 2021,
    state: 'completed',
    criterion: ['Số hộ tham gia', 25, 'hộ'],
  },
  {
    commune: '29272',
    title: 'Camera an ninh do dân đóng góp ở các ấp',
    field: 'defence_security',
    year: 2023,
    state: 'recognised',
    criterion: ['Số camera lắp đặt', 36, 'camera'],
  },
  {
    commune: '29275',
    title: 'Mái ấm tình thương cho hộ nghèo xã An Trường',
    field: 'cultural_social',
    year: 2022,
    state: 'completed',
    criterion: ['Số nhà được xây', 8, 'căn'],
  },
  {
    commune: '29275',
    title: 'Hội quán nông dân bàn việc làng',
    field: 'political_system',
    year: 2024,
    state: 'submitted',
    criterion: ['Số buổi sinh hoạt', 12, 'buổi'],
  },
  {
    commune: '29278',
    title: 'Vận động đồng bào Khmer giữ gìn lễ hội Ok Om Bok',
    field: 'cultural_social',
    year: 2022,
    state: 'recognised',
    criterion: ['Số hộ tham gia', 150, 'hộ'],
  },
  {
    commune: '29281',
    title: 'Tổ tự quản đường điện an toàn',
    field: 'defence_security',
    year: 2021,
    state: 'rejected',
    criterion: ['Số tuyến được tự quản', 10, 'tuyến'],
  },
  {
    commune: '29281',
    title: 'Mô hình chuyển đổi đất lúa kém hiệu quả sang trồng cây ăn trái',
    field: 'economic',
    year: 2023,
    state: 'accepted',
    criterion: ['Diện tích chuyển đổi', 25, 'ha'],
  },
  {
    commune: '29284',
    title: 'Phụ nữ Tân Bình tiết kiệm giúp nhau thoát nghèo',
    field: 'economic',
    year: 2021,
    state: 'completed',
    criterion: ['Số hội viên được giúp vốn', 60, 'người'],
  },
  {
    commune: '29284',
    title: 'Tiếp dân và đối thoại định kỳ tại ấp',
    field: 'political_system',
    year: 2024,
    state: 'returned',
    criterion: ['Số cuộc đối thoại', 8, 'cuộc'],
  },
  {
    commune: '29287',
    title: 'Sân chơi thiếu nhi từ vật liệu tái chế',
    field: 'cultural_social',
    year: 2022,
    state: 'completed',
    criterion: ['Số sân chơi', 5, 'sân'],
  },
  {
    commune: '29287',
    title: 'Liên kết tiêu thụ chuối cấy mô cho nông dân Bình Phú',
    field: 'economic',
    year: 2024,
    state: 'recognised',
    criterion: ['Số hộ liên kết', 45, 'hộ'],
  },
  {
    commune: '29290',
    title: 'Tổ hòa giải ở cơ sở giỏi',
    field: 'defence_security',
    year: 2022,
    state: 'recognised',
    criterion: ['Số vụ hòa giải thành', 20, 'vụ'],
  },
  {
    commune: '29290',
    title: 'Ấp văn hóa gắn với xây dựng nông thôn mới nâng cao',
    field: 'cultural_social',
    year: 2024,
    state: 'accepted',
    criterion: ['Số ấp đạt chuẩn', 4, 'ấp'],
  },
  {
    commune: '29293',
    title: 'Thanh niên Đại Phúc khởi nghiệp với sản phẩm từ dừa',
    field: 'economic',
    year: 2023,
    state: 'completed',
    criterion: ['Số thanh niên tham gia', 18, 'người'],
  },
  {
    commune: '29296',
    title: 'Cựu chiến binh giúp nhau làm kinh tế',
    field: 'economic',
    year: 2021,
    state: 'recognised',
    criterion: ['Số hội viên được giúp', 30, 'người'],
  },
  {
    commune: '29296',
    title: 'Nhóm Zalo “Dân hỏi – xã trả lời”',
    field: 'political_system',
    year: 2023,
    state: 'discontinued',
    criterion: ['Số câu hỏi được trả lời', 200, 'câu'],
  },
  {
    commune: '29299',
    title: 'Tuyến đường hoa Nhị Long Phú',
    field: 'cultural_social',
    year: 2022,
    state: 'completed',
    criterion: ['Chiều dài tuyến', 2, 'km'],
  },
  {
    commune: '29302',
    title: 'Tổ nhân dân tự quản phòng chống tội phạm',
    field: 'defence_security',
    year: 2024,
    state: 'recognised',
    criterion: ['Số tổ tự quản', 12, 'tổ'],
  },
  {
    commune: '29302',
    title: 'Vườn cây ăn trái kết hợp du lịch sinh thái',
    field: 'economic',
    year: 2021,
    state: 'completed',
    criterion: ['Số vườn tham gia', 9, 'vườn'],
  },
  {
    commune: '29305',
    title: 'Nông dân Đức Mỹ sản xuất lúa hữu cơ',
    field: 'economic',
    year: 2023,
    state: 'recognised',
    criterion: ['Diện tích lúa hữu cơ', 60, 'ha'],
  },
];
