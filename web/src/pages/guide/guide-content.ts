/**
 * The text of "Hướng dẫn sử dụng": a part everyone reads first, then one part per role, each a
 * list of steps with an anchor of its own (`/huong-dan#dang-ky`) that empty lists link to.
 */
import type { Role } from '@domain/roles.js';
import type { GuideImage } from './guide-images';

export interface GuideStep {
  /** The anchor of the step, unique across the guide. */
  id: string;
  title: string;
  paragraphs: string[];
  /** Things to do in order, or points to check. */
  list?: string[];
  image?: GuideImage;
  /** Steps of other parts that go with this one. */
  see?: { id: string; label: string }[];
}

export interface GuideSection {
  id: string;
  title: string;
  /** The role this part is written for; none: the part for everyone. */
  role?: Role;
  intro: string;
  steps: GuideStep[];
}

/** The part of the guide a signed-in user opens at. */
export const ROLE_ANCHORS: Record<Role, string> = {
  admin: 'quan-tri',
  officer: 'can-bo-ban',
  member: 'thanh-vien-ban-chi-dao',
  unit_officer: 'can-bo-don-vi',
  viewer: 'lanh-dao',
};

/** Anchors that other screens link to. */
export const GUIDE_ANCHORS = {
  register: 'dang-ky',
  todo: 'viec-can-lam',
  appraise: 'tham-dinh',
  rounds: 'xet-cong-nhan',
  commend: 'khen-thuong',
  reports: 'bao-cao',
  importing: 'nhap-excel',
} as const;

export const GUIDE: GuideSection[] = [
  {
    id: 'bat-dau',
    title: 'Bắt đầu',
    intro:
      'Phần này dành cho mọi người. DVK theo dõi phong trào thi đua “Dân vận khéo” từ lúc phát động, qua đăng ký, thẩm định, kiểm tra, xét công nhận, khen thưởng, nhân rộng đến báo cáo sơ kết, tổng kết. Mỗi người chỉ thấy và chỉ làm việc trong đơn vị của mình và các đơn vị trực thuộc.',
    steps: [
      {
        id: 'dang-nhap',
        title: 'Đăng nhập',
        image: 'dang-nhap',
        paragraphs: [
          'Mở địa chỉ DVK mà quản trị hệ thống gửi cho bạn, nhập tên đăng nhập và mật khẩu rồi bấm “Đăng nhập”. Lần đầu đăng nhập, DVK yêu cầu đổi mật khẩu: chọn mật khẩu dài, khó đoán, không trùng tên đăng nhập.',
          'Nhập sai mật khẩu nhiều lần liền thì phải chờ ít phút mới thử lại được. Quên mật khẩu: nhờ quản trị hệ thống đặt lại.',
        ],
      },
      {
        id: 'viec-can-lam',
        title: 'Việc cần làm',
        paragraphs: [
          'Sau khi đăng nhập, trang đầu tiên là “Việc cần làm”: mỗi thẻ là một loại việc đang chờ bạn (hồ sơ chờ thẩm định, hồ sơ bị trả lại, bản nháp chưa gửi, mô hình cần kiểm tra, đề nghị khen thưởng, biểu quyết, xác nhận), kèm số hồ sơ và số hồ sơ đã quá hạn. Bấm vào thẻ để mở đúng danh sách đó.',
          'Chuông ở góc trên báo khi có việc mới hoặc sắp đến hạn. Lãnh đạo (chỉ xem) mở thẳng trang Thống kê.',
        ],
      },
      {
        id: 'tren-dien-thoai',
        title: 'Dùng trên điện thoại',
        paragraphs: [
          'DVK dùng được trên điện thoại: bấm nút ba gạch ở góc trên bên trái để mở menu; tên, vai trò, nút “Đổi mật khẩu” và “Đăng xuất” nằm cuối menu. Ô tìm kiếm ở đầu trang tìm mô hình, điển hình theo tên, gõ không dấu cũng được.',
        ],
      },
      {
        id: 'chu-trinh',
        title: 'Chu trình của một mô hình, điển hình',
        paragraphs: ['Mỗi bước do một vai trò làm; phần hướng dẫn của từng vai trò ở bên dưới.'],
        list: [
          'Phát động: cán bộ Ban Tuyên giáo và Dân vận tạo đợt phát động với chỉ tiêu cho các đơn vị.',
          'Đăng ký: cán bộ đơn vị đăng ký mô hình, điển hình với tiêu chí đo được rồi gửi lên.',
          'Thẩm định đăng ký: cán bộ Ban hoặc thành viên Ban Chỉ đạo chấp thuận, trả lại để sửa hoặc không chấp thuận.',
          'Kiểm tra, đánh giá: thành viên Ban Chỉ đạo, cán bộ hỗ trợ ghi kết quả từng tiêu chí và minh chứng.',
          'Xét công nhận: Ban Chỉ đạo kiểm tiêu chí, đơn vị xác nhận, các thành viên biểu quyết công khai, cán bộ Ban ghi quyết định.',
          'Khen thưởng và nhân rộng: biểu dương, khen thưởng hoặc đề nghị cấp trên; đơn vị khác đăng ký học tập mô hình đã công nhận.',
          'Báo cáo sơ kết, tổng kết: số liệu được điền sẵn, người viết bổ sung phần đánh giá rồi tải về bản Word.',
        ],
      },
    ],
  },
  {
    id: ROLE_ANCHORS.unit_officer,
    role: 'unit_officer',
    title: 'Cán bộ đơn vị',
    intro:
      'Bạn đăng ký mô hình, điển hình của đơn vị mình và các đơn vị trực thuộc, sửa hồ sơ bị trả lại, bổ sung minh chứng, xác nhận khi xét công nhận và viết báo cáo của đơn vị.',
    steps: [
      {
        id: 'viec-cua-don-vi',
        title: 'Xem việc đang chờ',
        image: 'viec-can-lam',
        paragraphs: [
          'Trang “Việc cần làm” cho biết hồ sơ nào bị trả lại, bản nháp nào chưa gửi và hồ sơ nào chờ đơn vị xác nhận trong đợt xét công nhận. Bấm vào thẻ để mở danh sách.',
        ],
      },
      {
        id: GUIDE_ANCHORS.register,
        title: 'Đăng ký mô hình, điển hình',
        image: 'dang-ky',
        paragraphs: [
          'Vào menu “Mô hình, điển hình”, bấm “Đăng ký mô hình, điển hình” (hoặc bấm nút cùng tên ở trang Việc cần làm). Điền lần lượt các phần của biểu mẫu:',
        ],
        list: [
          'Loại hồ sơ: mô hình, tập thể điển hình hay cá nhân điển hình; xây dựng mới, củng cố mô hình cũ của đơn vị, hay nhân rộng (học tập) một mô hình đã được công nhận.',
          'Tên, lĩnh vực, đơn vị thực hiện, thời gian bắt đầu và kết thúc, lực lượng thực hiện và đối tượng vận động.',
          'Tiêu chí và chỉ tiêu đo được (ví dụ “Lắp 200 bóng đèn chiếu sáng”): đây là căn cứ để kiểm tra và xét công nhận sau này, nên ghi rõ con số và đơn vị tính.',
          'Giải pháp, nguồn lực huy động (tiền, ngày công, đất hiến, số người được vận động).',
        ],
        see: [{ id: 'nhan-rong', label: 'Nhân rộng một mô hình đã công nhận' }],
      },
      {
        id: 'trung-ten',
        title: 'Khi DVK báo có mô hình gần giống',
        paragraphs: [
          'Trong lúc bạn gõ tên, DVK tìm những mô hình có tên gần giống đã đăng ký trong 5 năm gần đây ở đơn vị và các đơn vị cùng cấp. Nếu đó chính là mô hình cũ, đừng đăng ký lại là “xây dựng mới”: chọn “củng cố” và chọn mô hình cũ. Người thẩm định cũng thấy danh sách này.',
        ],
      },
      {
        id: 'gui-dang-ky',
        title: 'Lưu và gửi đăng ký',
        paragraphs: [
          'Bấm “Lưu bản đăng ký” để lưu thành bản nháp: bản nháp chưa được gửi đi, còn sửa thoải mái. Khi đã đủ nội dung, mở hồ sơ và bấm “Gửi đăng ký”: hồ sơ chuyển sang “Chờ thẩm định” và hiện trong việc cần làm của người thẩm định. Nút “Phiếu đăng ký” tạo phiếu theo mẫu để in, ký, đóng dấu.',
        ],
      },
      {
        id: 'bi-tra-lai',
        title: 'Sửa hồ sơ bị trả lại',
        paragraphs: [
          'Hồ sơ bị trả lại hiện ở thẻ “Hồ sơ bị trả lại”. Mở hồ sơ, đọc ý kiến của người thẩm định ở phần lịch sử, bấm “Sửa”, sửa theo ý kiến rồi bấm “Gửi đăng ký” lần nữa.',
        ],
      },
      {
        id: 'minh-chung',
        title: 'Thực hiện và bổ sung minh chứng',
        paragraphs: [
          'Khi hồ sơ đã được chấp thuận, mô hình ở trạng thái “Đã chấp thuận, đang thực hiện”. Trong hồ sơ, tải lên ảnh chụp, tệp PDF, Word hoặc Excel làm minh chứng (mỗi tệp tối đa 20 MB). Cán bộ hỗ trợ và thành viên Ban Chỉ đạo ghi kết quả kiểm tra từng tiêu chí.',
          'Khi mô hình xong, bấm “Kết thúc (hoàn thành)”; nếu phải dừng giữa chừng, bấm “Dừng thực hiện” và ghi lý do.',
        ],
      },
      {
        id: 'xac-nhan',
        title: 'Xác nhận khi xét công nhận',
        paragraphs: [
          'Trong đợt xét công nhận, tập thể nơi mô hình hoạt động phải xác nhận mô hình hoạt động đúng thực tế. Mở thẻ “Hồ sơ chờ đơn vị xác nhận”, xem hồ sơ rồi bấm “Xác nhận mô hình hoạt động đúng thực tế”. Chỉ cán bộ của chính đơn vị đó xác nhận được, không ai làm thay.',
        ],
      },
      {
        id: 'de-nghi-cap-tren',
        title: 'Đề nghị cấp trên khen thưởng',
        paragraphs: [
          'Với mô hình đã được công nhận, mở hồ sơ và bấm “Đề nghị cấp trên khen thưởng”: chọn hình thức, ghi lý do, đính kèm tờ trình. Đề nghị được gửi đến cấp trên trực tiếp; kết quả hiện ở trang “Đề nghị khen thưởng”, mục “Đơn vị đã gửi”.',
        ],
      },
      {
        id: 'nhan-rong',
        title: 'Nhân rộng một mô hình đã công nhận',
        paragraphs: [
          'Muốn học tập một mô hình tốt ở nơi khác, đăng ký mới và chọn “Nhân rộng”, rồi tìm mô hình gốc (ở bất kỳ đâu trong cả nước, miễn là đã được công nhận). Mô hình gốc đếm được bao nhiêu nơi đã nhân rộng nó.',
        ],
      },
      {
        id: GUIDE_ANCHORS.reports,
        title: 'Báo cáo sơ kết, tổng kết',
        image: 'bao-cao',
        paragraphs: [
          'Vào menu “Báo cáo sơ kết, tổng kết”, bấm “Tạo báo cáo”, chọn sơ kết hay tổng kết, đơn vị và kỳ báo cáo. Các bảng số liệu được DVK điền sẵn từ hồ sơ; bạn viết phần kết quả, hạn chế, nguyên nhân, bài học kinh nghiệm và phương hướng.',
          'Bấm “Tải về Word (.docx)” để có báo cáo theo thể thức văn bản của Đảng, “Tải bảng số liệu Excel (.xlsx)” để có các bảng số liệu.',
        ],
      },
      {
        id: GUIDE_ANCHORS.importing,
        title: 'Nhập từ Excel',
        image: 'nhap-excel',
        paragraphs: [
          'Khi đã có danh sách mô hình (hoặc đơn vị, tài khoản) trong Excel, không cần gõ lại từng hồ sơ. Vào menu “Nhập từ Excel”:',
        ],
        list: [
          'Chọn loại dữ liệu, bấm “Tải mẫu Excel”. Tệp mẫu có trang hướng dẫn và danh sách chọn cho các cột. Tệp CSV và tệp gõ bằng phông cũ (TCVN3, VNI) cũng đọc được.',
          'Điền tệp, bấm “Chọn tệp và gửi”. DVK kiểm tra từng dòng như khi nhập tay và hiện bản xem trước với lý do của từng ô bị từ chối.',
          'Nếu còn dòng lỗi: bấm “Tải bảng lỗi”, sửa các ô tô đỏ rồi gửi lại tệp.',
          'Khi không còn lỗi, bấm “Xác nhận ghi”: tất cả các dòng được ghi cùng một lúc, hoặc không dòng nào.',
        ],
      },
    ],
  },
  {
    id: ROLE_ANCHORS.officer,
    role: 'officer',
    title: 'Cán bộ Ban Tuyên giáo và Dân vận',
    intro:
      'Bạn phát động phong trào, đặt tiêu chí và chỉ tiêu, thẩm định đăng ký, tổ chức xét công nhận, ghi khen thưởng và theo dõi số liệu cho cấp mình và mọi đơn vị bên dưới. Bạn cũng đăng ký và nhập hồ sơ như cán bộ đơn vị.',
    steps: [
      {
        id: 'phat-dong',
        title: 'Phát động thi đua',
        paragraphs: [
          'Vào menu “Phát động”, bấm “Tạo đợt phát động”: ghi tên, năm hoặc giai đoạn, chủ đề trọng tâm, bộ tiêu chí áp dụng và chỉ tiêu (ví dụ mỗi đơn vị xây dựng 2 mô hình một năm). Kiểm tra lại rồi bấm “Phát động”; các đơn vị bên dưới nhận được thông báo.',
          'Trang chỉ tiêu của đợt phát động cho biết đơn vị nào đã đạt, đơn vị nào chưa đăng ký gì. Tiêu chí mẫu theo loại hình đơn vị ở menu “Danh mục tiêu chí”.',
        ],
      },
      {
        id: GUIDE_ANCHORS.appraise,
        title: 'Thẩm định đăng ký',
        image: 'tham-dinh',
        paragraphs: [
          'Bấm thẻ “Hồ sơ chờ thẩm định” ở trang Việc cần làm, hoặc mở “Mô hình, điển hình”, mục “Chờ tôi thẩm định”. Mở từng hồ sơ, xem tiêu chí có đo được không và cảnh báo mô hình gần giống, rồi chọn:',
        ],
        list: [
          '“Chấp thuận đăng ký”: mô hình bắt đầu thực hiện; có thể “Phân công cán bộ hỗ trợ” theo dõi.',
          '“Trả lại để chỉnh sửa”: ghi rõ cần sửa gì; đơn vị sửa rồi gửi lại.',
          '“Không chấp thuận”: ghi lý do.',
        ],
        see: [{ id: 'kiem-tra', label: 'Ghi kết quả kiểm tra' }],
      },
      {
        id: 'tham-dinh-hang-loat',
        title: 'Thẩm định nhiều hồ sơ một lúc',
        paragraphs: [
          'Trong danh sách “Chờ tôi thẩm định”, đánh dấu các hồ sơ đã xem rồi chọn thao tác cho cả nhóm. DVK báo kết quả từng hồ sơ; hồ sơ nào không làm được thì ghi rõ lý do.',
        ],
      },
      {
        id: GUIDE_ANCHORS.rounds,
        title: 'Xét công nhận',
        image: 'xet-cong-nhan',
        paragraphs: [
          'Vào menu “Xét công nhận”, bấm “Mở đợt xét công nhận”, rồi đưa các mô hình đang thực hiện vào xét. Mỗi hồ sơ trong đợt có bốn phần:',
        ],
        list: [
          'Bảng kiểm tiêu chí: đánh dấu từng tiêu chí đạt hay không. Tiêu chí mới hoàn thành dưới 100 % mà đánh dấu “Đạt” thì phải ghi lý do.',
          'Xác nhận của tập thể nơi mô hình hoạt động (cán bộ đơn vị đó làm).',
          'Biểu quyết công khai của các thành viên Ban Chỉ đạo: cần ít nhất 2 phiếu và quá nửa tán thành.',
          'Quyết định: số, ngày, cấp công nhận và cơ quan ban hành. Nếu còn thiếu gì, DVK liệt kê cụ thể.',
        ],
        see: [{ id: 'bieu-quyet', label: 'Biểu quyết' }],
      },
      {
        id: 'giay-to-dot-xet',
        title: 'Giấy tờ của đợt xét',
        paragraphs: [
          'Trong đợt xét, tải biên bản họp xét công nhận, quyết định công nhận kèm danh sách và giấy chứng nhận dưới dạng Word. Có thể công khai danh sách lấy ý kiến nhân dân trước khi quyết định.',
        ],
      },
      {
        id: GUIDE_ANCHORS.commend,
        title: 'Khen thưởng và đề nghị khen thưởng',
        image: 'khen-thuong',
        paragraphs: [
          'Với mô hình đã được công nhận, mở hồ sơ và bấm “Biểu dương, khen thưởng”: chọn hình thức (giấy khen, bằng khen…), cơ quan ban hành, số và ngày quyết định.',
          'Đề nghị của cấp dưới nằm ở menu “Đề nghị khen thưởng”, mục “Chờ xem xét”: bấm “Chấp nhận, khen thưởng” hoặc “Từ chối” và ghi ý kiến. Muốn cấp trên khen thưởng, bấm “Đề nghị cấp trên khen thưởng” trong hồ sơ.',
        ],
      },
      {
        id: 'cong-khai',
        title: 'Công khai cho nhân dân',
        paragraphs: [
          'Mô hình đã được công nhận có thể đưa lên trang công khai (không cần đăng nhập) để tuyên truyền: trong hồ sơ, bấm “Công khai cho nhân dân” và chọn những ảnh được phép đăng. Menu “Trang công khai” mở trang đó.',
        ],
      },
      {
        id: 'so-lieu',
        title: 'Thống kê, báo cáo và nhập liệu',
        paragraphs: [
          'Trang “Thống kê” đếm mô hình, điển hình theo lĩnh vực, cấp, đơn vị, năm; bấm vào một con số để xem danh sách đứng sau nó và “Xuất Excel”. Báo cáo sơ kết, tổng kết và nhập từ Excel làm như cán bộ đơn vị.',
          '“Nhật ký hệ thống” ghi ai đã làm gì, lúc nào, trong phạm vi của bạn.',
        ],
        see: [
          { id: GUIDE_ANCHORS.reports, label: 'Báo cáo sơ kết, tổng kết' },
          { id: GUIDE_ANCHORS.importing, label: 'Nhập từ Excel' },
        ],
      },
    ],
  },
  {
    id: ROLE_ANCHORS.member,
    role: 'member',
    title: 'Thành viên Ban Chỉ đạo',
    intro:
      'Bạn thẩm định đăng ký, kiểm tra các mô hình được phân công và biểu quyết khi xét công nhận. Bạn không tạo hồ sơ và không ra quyết định công nhận.',
    steps: [
      {
        id: 'viec-cua-thanh-vien',
        title: 'Xem việc đang chờ',
        paragraphs: [
          'Trang “Việc cần làm” có các thẻ “Hồ sơ chờ thẩm định”, “Mô hình cần kiểm tra” và “Hồ sơ chờ biểu quyết”. Hồ sơ quá hạn được đánh dấu đỏ.',
        ],
      },
      {
        id: 'tham-dinh-thanh-vien',
        title: 'Thẩm định đăng ký',
        paragraphs: [
          'Mở hồ sơ chờ thẩm định, xem tiêu chí và cảnh báo mô hình gần giống, rồi bấm “Chấp thuận đăng ký”, “Trả lại để chỉnh sửa” hoặc “Không chấp thuận” (hai nút sau cần ghi lý do).',
        ],
        see: [{ id: GUIDE_ANCHORS.appraise, label: 'Thẩm định đăng ký (chi tiết)' }],
      },
      {
        id: 'kiem-tra',
        title: 'Kiểm tra, đánh giá',
        image: 'kiem-tra',
        paragraphs: [
          'Mở mô hình cần kiểm tra, bấm “Ghi kết quả kiểm tra”: ghi ngày kiểm tra, kết quả đạt được của từng tiêu chí theo đơn vị tính của tiêu chí (DVK tự tính phần trăm hoàn thành), khó khăn, hỗ trợ đã làm, kinh phí, ngày công và số người được vận động, kèm ảnh minh chứng.',
          'Kết quả của lần kiểm tra gần nhất là kết quả của mô hình trong thống kê và khi xét công nhận.',
        ],
      },
      {
        id: 'bieu-quyet',
        title: 'Biểu quyết',
        paragraphs: [
          'Mở thẻ “Hồ sơ chờ biểu quyết”. Với từng hồ sơ trong đợt, xem bảng kiểm tiêu chí và xác nhận của đơn vị, rồi chọn “Tán thành”, “Không tán thành” hoặc không biểu quyết. Phiếu được công khai trong đợt và có thể đổi cho đến khi có quyết định.',
        ],
      },
      {
        id: 'theo-doi-thanh-vien',
        title: 'Theo dõi số liệu',
        paragraphs: ['Trang “Thống kê” và “Báo cáo sơ kết, tổng kết” cho bạn xem số liệu và báo cáo trong phạm vi của Ban Chỉ đạo.'],
      },
    ],
  },
  {
    id: ROLE_ANCHORS.viewer,
    role: 'viewer',
    title: 'Lãnh đạo (chỉ xem)',
    intro: 'Bạn xem số liệu, danh sách và báo cáo của đơn vị mình và mọi đơn vị bên dưới. Tài khoản chỉ xem không sửa được gì.',
    steps: [
      {
        id: 'thong-ke',
        title: 'Xem thống kê',
        image: 'thong-ke',
        paragraphs: [
          'Sau khi đăng nhập, DVK mở trang “Thống kê”: số mô hình, điển hình theo lĩnh vực, cấp, tập thể hay cá nhân, trạng thái, năm và đơn vị trực thuộc, cùng nguồn lực huy động. Chọn kỳ và đơn vị ở đầu trang.',
          'Bấm vào một con số để mở danh sách hồ sơ đứng sau nó. Với các đơn vị đã sắp xếp năm 2025, chọn xem theo địa giới hiện nay hay theo địa giới tại thời điểm cuối kỳ.',
        ],
      },
      {
        id: 'chi-tieu',
        title: 'Chỉ tiêu của đợt phát động',
        paragraphs: [
          'Menu “Phát động”, mở đợt phát động và xem chỉ tiêu: đơn vị nào đạt, đơn vị nào chưa đạt hoặc chưa đăng ký mô hình nào.',
        ],
      },
      {
        id: 'doc-bao-cao',
        title: 'Đọc báo cáo và tải danh sách',
        paragraphs: [
          'Menu “Báo cáo sơ kết, tổng kết”: mở báo cáo và tải bản Word hoặc bảng số liệu Excel. Trong danh sách mô hình, bấm “Xuất Excel”; tệp lớn được làm sẵn và nằm ở menu “Tệp đã xuất”.',
        ],
      },
    ],
  },
  {
    id: ROLE_ANCHORS.admin,
    role: 'admin',
    title: 'Quản trị hệ thống',
    intro:
      'Bạn quản lý tài khoản, cây đơn vị, bản đồ hành chính và các đợt sắp xếp đơn vị. Bạn cũng làm được mọi việc của cán bộ Ban Tuyên giáo và Dân vận.',
    steps: [
      {
        id: 'nguoi-dung',
        title: 'Tài khoản người dùng',
        image: 'nguoi-dung',
        paragraphs: [
          'Menu “Người dùng”, bấm “Thêm người dùng”: ghi họ tên, chức vụ, tên đăng nhập, chọn vai trò và đơn vị công tác. Vai trò quyết định người đó làm được gì; đơn vị quyết định phạm vi (đơn vị đó và các đơn vị bên dưới). Mật khẩu tạm thời phải được đổi ở lần đăng nhập đầu.',
          'Khi có người quên mật khẩu, bấm “Đặt lại mật khẩu”. Khi có người chuyển công tác hoặc nghỉ, bấm “Khóa tài khoản” thay vì xóa, để lịch sử vẫn giữ tên người đã làm.',
          'Có nhiều tài khoản: nhập từ Excel với loại dữ liệu tài khoản.',
        ],
        see: [{ id: GUIDE_ANCHORS.importing, label: 'Nhập từ Excel' }],
      },
      {
        id: 'don-vi',
        title: 'Cây đơn vị và bản đồ hành chính',
        paragraphs: [
          'Menu “Đơn vị”: xem cây đơn vị, thêm đơn vị trực thuộc (chi bộ, ấp, trường học…). Menu “Bản đồ hành chính” nạp 34 tỉnh, thành và 3.321 xã, phường, đặc khu theo mã chính thức, và lịch sử trước ngày 01/7/2025; nạp lại không thêm trùng.',
        ],
      },
      {
        id: 'sap-xep-don-vi',
        title: 'Sắp xếp đơn vị',
        paragraphs: [
          'Menu “Sắp xếp đơn vị”: sáp nhập, chia tách, đổi tên, chuyển đơn vị với căn cứ pháp lý và ngày hiệu lực. DVK cho xem trước những gì sẽ thay đổi; hồ sơ của đơn vị cũ đi theo đơn vị mới, và thống kê vẫn xem được theo địa giới cũ.',
        ],
      },
      {
        id: 'nhat-ky',
        title: 'Nhật ký và kết nối',
        paragraphs: [
          '“Nhật ký hệ thống” ghi mọi thay đổi: ai, lúc nào, trước và sau. “Webhook” báo sang hệ thống khác của cơ quan khi có sự kiện trong DVK.',
        ],
      },
    ],
  },
];
