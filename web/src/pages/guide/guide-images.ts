/**
 * The screenshots of the user guide. `scripts/screenshot-tour.ts` takes each of them at 390 and
 * 1280 px into `web/public/anh-huong-dan/` (served at `/anh-huong-dan/`), so the pictures follow
 * the screens; the guide page shows the 390 px one on a phone and the 1280 px one elsewhere.
 * No imports: the tour reads this file outside the web app.
 */
export const GUIDE_IMAGE_DIR = '/anh-huong-dan';

export const GUIDE_IMAGE_WIDTHS = [390, 1280] as const;

/** The viewport each screenshot is taken at: a phone, and an office screen. */
export const GUIDE_VIEWPORTS: Record<(typeof GUIDE_IMAGE_WIDTHS)[number], { width: number; height: number }> = {
  390: { width: 390, height: 844 },
  1280: { width: 1280, height: 800 },
};

/** Each picture and what it shows, read aloud by screen readers and shown when it cannot load. */
export const GUIDE_IMAGES = {
  'dang-nhap': 'Trang đăng nhập: tên đăng nhập, mật khẩu và nút Đăng nhập',
  'viec-can-lam': 'Trang Việc cần làm của cán bộ đơn vị: mỗi thẻ là một loại việc đang chờ, kèm số hồ sơ',
  'dang-ky': 'Biểu mẫu đăng ký mô hình, điển hình, chia thành các phần đánh số',
  'tham-dinh': 'Hồ sơ đăng ký đang chờ thẩm định, với các nút Chấp thuận đăng ký, Trả lại để chỉnh sửa, Không chấp thuận',
  'kiem-tra': 'Hộp Ghi kết quả kiểm tra: ngày kiểm tra và kết quả đạt được của từng tiêu chí',
  'xet-cong-nhan': 'Một đợt xét công nhận: bảng kiểm tiêu chí, xác nhận của đơn vị, biểu quyết và quyết định của từng hồ sơ',
  'khen-thuong': 'Trang Đề nghị khen thưởng: các đề nghị của cấp dưới chờ xem xét',
  'bao-cao': 'Danh sách báo cáo sơ kết, tổng kết và nút Tạo báo cáo',
  'nhap-excel': 'Trang Nhập từ Excel: chọn loại dữ liệu, tải mẫu Excel, chọn tệp và gửi',
  'thong-ke': 'Trang Thống kê: số mô hình, điển hình theo lĩnh vực và theo đơn vị; bấm vào một con số để xem danh sách',
  'nguoi-dung': 'Trang Người dùng của quản trị hệ thống, với nút Thêm người dùng',
} as const;

export type GuideImage = keyof typeof GUIDE_IMAGES;

export function guideImageUrl(name: GuideImage, width: (typeof GUIDE_IMAGE_WIDTHS)[number]): string {
  return `${GUIDE_IMAGE_DIR}/${name}-${width}.webp`;
}
