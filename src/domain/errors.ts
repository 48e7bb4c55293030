/**
 * Errors a user can meet: a stable machine code, an HTTP status, and a message in Vietnamese
 * (English on request) that says what happened and what to do.
 */
export const ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    vi: 'Dữ liệu chưa hợp lệ: {detail}',
    en: 'The data is not valid: {detail}',
  },
  UNAUTHENTICATED: {
    status: 401,
    vi: 'Bạn chưa đăng nhập hoặc phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'You are not signed in or your session has expired. Please sign in again.',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng kiểm tra lại (chú ý chữ hoa, chữ thường).',
    en: 'Wrong username or password. Please check and try again (passwords are case-sensitive).',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    vi: 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị hệ thống.',
    en: 'This account is disabled. Please contact the administrator.',
  },
  TOO_MANY_ATTEMPTS: {
    status: 429,
    vi: 'Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút hoặc liên hệ quản trị hệ thống.',
    en: 'Too many failed sign-in attempts. Please try again in {minutes} minutes or contact the administrator.',
  },
  WRONG_PASSWORD: {
    status: 400,
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is wrong.',
  },
  TOO_MANY_PASSWORD_ATTEMPTS: {
    status: 429,
    vi: 'Bạn đã nhập sai mật khẩu hiện tại quá nhiều lần. Vui lòng thử lại sau {minutes} phút.',
    en: 'The current password was entered wrongly too many times. Please try again in {minutes} minutes.',
  },
  WEAK_PASSWORD: {
    status: 400,
    vi: 'Mật khẩu mới chưa an toàn: {reasonVi}. Mật khẩu cần ít nhất 8 ký tự và khó đoán: nên ghép ba, bốn từ hoặc trộn chữ, số và ký hiệu; không dùng mật khẩu phổ biến, dãy phím, ngày tháng, tên mình hay tên hệ thống.',
    en: 'The new password is not safe: {reasonEn}. It needs at least 8 characters and must be hard to guess: join three or four words, or mix letters, digits and symbols; avoid common passwords, keyboard runs, dates, your own name or the name of the system.',
  },
  CROSS_SITE_REQUEST: {
    status: 403,
    vi: 'Yêu cầu bị từ chối vì không được gửi từ trang của hệ thống DVK. Vui lòng mở DVK bằng địa chỉ chính thức rồi thao tác lại.',
    en: 'Refused: the request was not sent from a DVK page. Open DVK at its own address and try again.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    vi: 'Vui lòng đổi mật khẩu trước khi tiếp tục làm việc (mật khẩu hiện tại do quản trị cấp).',
    en: 'Please change your password before going on (the current one was set by an administrator).',
  },
  FORBIDDEN: {
    status: 403,
    vi: 'Bạn không có quyền thực hiện thao tác này. Nếu cần, hãy đề nghị cán bộ cấp trên hoặc quản trị hệ thống.',
    en: 'You are not allowed to do this. Ask an officer of the level above or the administrator.',
  },
  NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy {entity} hoặc bạn không có quyền xem.',
    en: '{entity} not found, or you may not see it.',
  },
  CONFLICT: {
    status: 409,
    vi: 'Thao tác trùng với dữ liệu vừa được lưu (có thể do bạn hoặc người khác gửi hai lần). Vui lòng tải lại trang rồi kiểm tra.',
    en: 'This duplicates data that was just saved (perhaps sent twice). Reload and check.',
  },
  STALE_VERSION: {
    status: 409,
    vi: 'Dữ liệu đã được người khác thay đổi trong lúc bạn sửa. Vui lòng tải lại trang rồi sửa lại.',
    en: 'Someone else changed this record while you were editing. Reload and edit again.',
  },
  UNIT_CODE_TAKEN: {
    status: 409,
    vi: 'Mã đơn vị "{code}" đã được dùng cho đơn vị khác. Vui lòng chọn mã khác.',
    en: 'Unit code "{code}" is already used by another unit. Choose another code.',
  },
  UNIT_MOVE_CYCLE: {
    status: 409,
    vi: 'Không thể chuyển một đơn vị vào chính nó hoặc vào đơn vị cấp dưới của nó.',
    en: 'A unit cannot be moved under itself or one of its own sub-units.',
  },
  UNIT_INACTIVE: {
    status: 409,
    vi: 'Đơn vị "{name}" đã ngừng hoạt động; không thể thêm đơn vị trực thuộc hay chuyển đơn vị vào đó.',
    en: 'Unit "{name}" is inactive; it cannot receive sub-units.',
  },
  UNIT_HAS_ACTIVE_CHILDREN: {
    status: 409,
    vi: 'Đơn vị còn {count} đơn vị trực thuộc đang hoạt động. Hãy chuyển hoặc ngừng hoạt động các đơn vị đó trước.',
    en: 'The unit still has {count} active sub-units. Move or deactivate them first.',
  },
  REORGANISATION_CONFLICT: {
    status: 409,
    vi: 'Đơn vị "{name}" đã ngừng hoạt động hoặc vừa được thay đổi (bởi một lần sắp xếp hay chỉnh sửa khác) sau khi bạn xem trước. Vui lòng tải lại trang và xem trước lại.',
    en: 'Unit "{name}" is closed or was changed (by another reorganisation or edit) after your preview. Reload and preview again.',
  },
  REORGANISATION_ORPHANS: {
    status: 422,
    vi: 'Sau khi sắp xếp, các đơn vị đang hoạt động sau vẫn nằm dưới đơn vị đã ngừng hoạt động: {units}. Hãy thêm thay đổi "Chuyển cấp trên" cho các đơn vị này.',
    en: 'After the reorganisation these active units would be left under a closed unit: {units}. Add a "move" change for each.',
  },
  REORGANISATION_CLOSED_TWICE: {
    status: 422,
    vi: 'Đơn vị "{name}" bị sáp nhập, chia tách hoặc bỏ cấp hai lần trong cùng một lần sắp xếp. Mỗi đơn vị chỉ được đóng một lần.',
    en: 'Unit "{name}" is closed twice in one reorganisation. A unit can be closed only once.',
  },
  REORGANISATION_CLOSED_TARGET: {
    status: 422,
    vi: 'Không thể đưa đơn vị vào "{name}" vì đơn vị này bị đóng trong cùng lần sắp xếp. Hãy chọn đơn vị kế thừa còn hoạt động.',
    en: 'Unit "{name}" is closed by this reorganisation and cannot receive units. Choose an active successor.',
  },
  REORGANISATION_SAME_UNIT: {
    status: 422,
    vi: 'Thay đổi thứ {seq}: đơn vị "{name}" không thể vừa là đơn vị bị sắp xếp vừa là đơn vị kế thừa.',
    en: 'Change {seq}: unit "{name}" cannot be both a predecessor and its successor.',
  },
  REORGANISATION_REF_UNKNOWN: {
    status: 400,
    vi: 'Thay đổi thứ {seq} nhắc tới đơn vị mới "{ref}" nhưng chưa có thay đổi nào trước đó tạo đơn vị này.',
    en: 'Change {seq} names new unit "{ref}", which no earlier change creates.',
  },
  REORGANISATION_REF_DUPLICATE: {
    status: 400,
    vi: 'Tên tạm "{ref}" được dùng cho hai đơn vị mới. Mỗi đơn vị mới cần một tên tạm riêng.',
    en: 'Reference "{ref}" is given to two new units.',
  },
  REORGANISATION_DATE_BEFORE: {
    status: 409,
    vi: 'Ngày hiệu lực {date} trước ngày {since}, ngày đơn vị "{name}" đã được sắp xếp hoặc thay đổi lần gần nhất. Hãy chọn ngày hiệu lực từ {since} trở đi.',
    en: 'The effective date {date} is before {since}, when unit "{name}" last changed. Choose {since} or later.',
  },
  REORGANISATION_NOT_UNDOABLE: {
    status: 409,
    vi: 'Không hoàn tác được lần sắp xếp này: {detail}.',
    en: 'This reorganisation cannot be undone: {detail}.',
  },
  REORGANISATION_SHARES_INVALID: {
    status: 400,
    vi: 'Tỷ lệ chia tách chưa hợp lệ: {detail}.',
    en: 'The split shares are not valid: {detail}.',
  },
  UNIT_VALID_TO_FUTURE: {
    status: 400,
    vi: 'Ngày ngừng hoạt động {date} là ngày trong tương lai. Đơn vị chỉ ngừng hoạt động từ hôm nay trở về trước; nếu đã có quyết định cho ngày sau, hãy lập một lần sắp xếp đơn vị có ngày hiệu lực.',
    en: 'The closing date {date} is in the future. Close a unit today or earlier; for a later decision, record a reorganisation with its effective date.',
  },
  UNIT_VALID_TO_INVALID: {
    status: 400,
    vi: 'Ngày ngừng hoạt động {date} phải từ ngày đơn vị bắt đầu hoạt động ({since}) trở đi.',
    en: 'The closing date {date} must not be before the unit started ({since}).',
  },
  USERNAME_TAKEN: {
    status: 409,
    vi: 'Tên đăng nhập "{username}" đã có người dùng. Vui lòng chọn tên khác.',
    en: 'Username "{username}" is taken. Choose another.',
  },
  SCOPE_INVALID: {
    status: 400,
    vi: 'Phạm vi nhập liệu phải nằm trong phạm vi xem của tài khoản.',
    en: 'The entry scope must lie inside the view scope.',
  },
  ILLEGAL_TRANSITION: {
    status: 409,
    vi: 'Không thể "{transition}" khi hồ sơ đang ở trạng thái "{state}". Vui lòng tải lại trang để xem trạng thái mới nhất.',
    en: 'Cannot "{transition}" while the record is "{state}". Reload to see its current state.',
  },
  REASON_REQUIRED: {
    status: 400,
    vi: 'Vui lòng ghi rõ lý do (ít nhất 5 ký tự) để đơn vị biết cần làm gì.',
    en: 'Please give a reason (at least 5 characters) so the unit knows what to do.',
  },
  REGISTRATION_LOCKED: {
    status: 409,
    vi: 'Hồ sơ đang ở trạng thái "{state}" nên không sửa được. Chỉ sửa được bản nháp hoặc hồ sơ bị trả lại.',
    en: 'The record is "{state}" and cannot be edited. Only drafts and returned records can be edited.',
  },
  CRITERIA_REQUIRED: {
    status: 400,
    vi: 'Đăng ký phải có ít nhất một tiêu chí đo lường được (tên tiêu chí, chỉ tiêu, đơn vị tính) để sau này kiểm tra, đánh giá.',
    en: 'A registration needs at least one measurable criterion so that it can be inspected.',
  },
  PERSON_REQUIRED: {
    status: 400,
    vi: 'Đăng ký cá nhân phải ghi họ tên người được đăng ký.',
    en: "An individual registration needs the person's name.",
  },
  ORIGIN_REQUIRED: {
    status: 400,
    vi: 'Mô hình củng cố hoặc nhân rộng phải chọn mô hình gốc.',
    en: 'A consolidation or replication must name the original model.',
  },
  FIELD_UNKNOWN: {
    status: 400,
    vi: 'Lĩnh vực "{code}" không có trong danh mục.',
    en: 'Field "{code}" is not in the catalogue.',
  },
  PUBLISH_NOT_RECOGNISED: {
    status: 409,
    vi: 'Chỉ công khai được mô hình, điển hình đã được công nhận.',
    en: 'Only recognised models and exemplars can be published.',
  },
  PERIOD_INVALID: {
    status: 400,
    vi: 'Năm kết thúc phải sau hoặc bằng năm bắt đầu.',
    en: 'The last year must not be before the first year.',
  },
  EXPORT_NOT_READY: {
    status: 409,
    vi: 'Tệp đang được tạo, chưa tải về được. Vui lòng chờ trong giây lát.',
    en: 'The file is still being made. Wait a moment.',
  },
  EXPORT_FAILED: {
    status: 409,
    vi: 'Không tạo được tệp xuất dữ liệu. Vui lòng thử xuất lại.',
    en: 'The export failed. Try again.',
  },
  ADMIN_LOAD_RUNNING: {
    status: 409,
    vi: 'Đang có một lần nạp bản đồ hành chính chạy. Vui lòng chờ lần nạp đó xong rồi nạp tiếp.',
    en: 'A load of the administrative map is already running. Wait for it to finish, then load again.',
  },
  EXPORT_QUEUE_FULL: {
    status: 429,
    vi: 'Bạn đã có {limit} lần xuất dữ liệu đang chờ hoặc đang chạy, là số tối đa cho mỗi người. Vui lòng chờ các lần xuất đó xong rồi xuất tiếp.',
    en: 'You already have {limit} exports queued or running, the most allowed per user. Wait for them to finish, then export again.',
  },
  DATES_INVALID: {
    status: 400,
    vi: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.',
    en: 'The end date must not be before the start date.',
  },
  CAMPAIGN_NOT_OPEN: {
    status: 409,
    vi: 'Đợt phát động "{title}" chưa phát động hoặc đã kết thúc nên không nhận đăng ký.',
    en: 'Campaign "{title}" is not open for registrations.',
  },
  YEAR_OUTSIDE_CAMPAIGN: {
    status: 400,
    vi: 'Năm đăng ký {year} nằm ngoài thời gian của đợt phát động "{title}" ({from}–{to}). Vui lòng chọn năm trong khoảng đó hoặc chọn đợt phát động khác.',
    en: 'Year {year} lies outside campaign "{title}" ({from}–{to}). Choose a year in that range or another campaign.',
  },
  PERIOD_OUTSIDE_YEAR: {
    status: 400,
    vi: 'Thời gian thực hiện ({start} – {end}) không có ngày nào trong năm đăng ký {year}. Vui lòng kiểm tra lại ngày bắt đầu, ngày kết thúc hoặc năm đăng ký.',
    en: 'The period ({start} – {end}) has no day in the registration year {year}. Check the dates or the year.',
  },
  PERIOD_TOO_LONG: {
    status: 400,
    vi: 'Thời gian thực hiện dài quá {years} năm. Vui lòng ghi thời gian thực hiện mô hình trong lần đăng ký này.',
    en: 'The period is longer than {years} years. Give the period of this registration.',
  },
  DISTRICT_LEVEL_ENDED: {
    status: 400,
    vi: 'Cấp huyện không còn từ ngày 01/07/2025, nên hồ sơ bắt đầu ngày {start} không đăng ký cấp huyện được. Vui lòng chọn cấp khác (tỉnh, xã, cơ sở…).',
    en: 'The district level ended on 1 July 2025; a registration starting on {start} cannot be at district level. Choose another level.',
  },
  UNIT_INACTIVE_REGISTRATION: {
    status: 409,
    vi: 'Đơn vị "{name}" đã ngừng hoạt động nên không nhận đăng ký mới. Vui lòng đăng ký cho đơn vị đang hoạt động (đơn vị kế thừa).',
    en: 'Unit "{name}" is inactive and takes no new registrations. Register under an active unit (its successor).',
  },
  REQUEST_TIMEOUT: {
    status: 408,
    vi: 'Yêu cầu gửi lên quá chậm nên máy chủ đã ngừng chờ. Vui lòng kiểm tra kết nối mạng rồi thử lại.',
    en: 'The request was too slow to arrive. Check the network and try again.',
  },
  HEADERS_TOO_LARGE: {
    status: 431,
    vi: 'Yêu cầu gửi lên có phần đầu (header, cookie) quá lớn. Vui lòng xóa cookie của trang này trong trình duyệt rồi thử lại.',
    en: "The request headers (or cookies) are too large. Clear this site's cookies and try again.",
  },
  FINISHED_CANNOT_BE_NEW: {
    status: 409,
    vi: 'Mô hình "{title}" của đơn vị đã kết thúc năm {year}. Không đăng ký lại như mô hình mới; hãy chọn hình thức "củng cố" và liên kết với mô hình cũ.',
    en: 'Model "{title}" of this unit finished in {year}. Register it as a consolidation linked to the earlier one, not as new.',
  },
  SUPPORTER_INVALID: {
    status: 400,
    vi: 'Cán bộ hỗ trợ phải là tài khoản đang hoạt động có quyền xem đơn vị này.',
    en: 'The supporting officer must be an active account that can see this unit.',
  },
  FILE_TYPE_REFUSED: {
    status: 415,
    vi: 'Tệp "{name}" không phải ảnh (JPG, PNG, GIF, WebP), tài liệu PDF, Word (.docx) hay Excel (.xlsx) nên không nhận. Vui lòng chọn tệp khác.',
    en: 'File "{name}" is not an image (JPG, PNG, GIF, WebP), a PDF, Word (.docx) or Excel (.xlsx) document.',
  },
  PHOTO_UNKNOWN: {
    status: 400,
    vi: 'Ảnh được chọn để công khai không phải ảnh minh chứng của mô hình này. Vui lòng tải lại trang và chọn lại.',
    en: "A photo chosen for the public is not one of this model's evidence photos. Reload the page and choose again.",
  },
  ARCHIVE_REFUSED: {
    status: 415,
    vi: 'Tệp "{name}" là tệp nén (ZIP), không phải tài liệu Word (.docx) hay Excel (.xlsx) nên không nhận. Vui lòng giải nén và tải lên từng tài liệu.',
    en: 'File "{name}" is a ZIP archive, not a Word (.docx) or Excel (.xlsx) document. Unpack it and upload each document.',
  },
  IMAGE_UNREADABLE: {
    status: 422,
    vi: 'Không đọc được ảnh "{name}": tệp có thể bị hỏng hoặc chưa được lưu trọn vẹn. Vui lòng chụp lại hoặc chọn ảnh khác.',
    en: 'Image "{name}" cannot be read: the file may be damaged or incomplete.',
  },
  FILE_TOO_LARGE: {
    status: 413,
    vi: 'Tệp quá lớn: tối đa {mb} MB mỗi tệp. Vui lòng thu nhỏ ảnh hoặc tách tài liệu.',
    en: 'The file is too large: at most {mb} MB per file.',
  },
  IMPORT_FILE_TYPE: {
    status: 400,
    vi: 'Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv). Tệp .xls cũ: mở bằng Excel và lưu lại dạng .xlsx.',
    en: 'Only Excel (.xlsx) or CSV (.csv) files are accepted. Save an old .xls file as .xlsx first.',
  },
  IMPORT_NO_ENTRY_SCOPE: {
    status: 403,
    vi: 'Tài khoản của bạn không có phạm vi nhập liệu nên không nhập được dữ liệu từ tệp.',
    en: 'Your account has no entry scope, so it cannot import files.',
  },
  IMPORT_NOT_READY: {
    status: 409,
    vi: 'Tệp đang được đọc và kiểm tra, chưa xác nhận được. Vui lòng chờ kết quả kiểm tra.',
    en: 'The file is still being read and checked. Wait for the preview.',
  },
  IMPORT_ALREADY_CONFIRMED: {
    status: 409,
    vi: 'Lần nhập này đã được xác nhận rồi. Muốn nhập lại, hãy tải tệp lên lần nữa.',
    en: 'This import was already confirmed. Upload the file again to import it again.',
  },
  IMPORT_HAS_ERRORS: {
    status: 409,
    vi: 'Tệp còn {count} dòng lỗi nên không ghi dòng nào. Tải bảng lỗi, sửa các ô tô đỏ rồi nhập lại tệp.',
    en: 'The file has {count} rows with errors, so nothing was written. Download the error sheet, fix the red cells and import again.',
  },
  FILE_MISSING: {
    status: 400,
    vi: 'Chưa chọn tệp để tải lên.',
    en: 'No file was sent.',
  },
  CRITERION_UNKNOWN: {
    status: 400,
    vi: 'Tiêu chí được đánh giá không thuộc hồ sơ này. Vui lòng tải lại trang.',
    en: 'An assessed criterion does not belong to this registration. Reload the page.',
  },
  CHECKLIST_REASON_REQUIRED: {
    status: 400,
    vi: 'Tiêu chí "{name}" mới hoàn thành {pct} % chỉ tiêu theo lần kiểm tra ngày {date}. Muốn đánh giá "Đạt", vui lòng ghi lý do.',
    en: 'Criterion "{name}" is only {pct} % complete at the inspection of {date}. Write a reason to mark it met.',
  },
  RECOGNITION_INCOMPLETE: {
    status: 409,
    vi: 'Chưa đủ điều kiện công nhận: {detail}',
    en: 'Not ready for recognition: {detail}',
  },
  CANDIDATE_INVALID: {
    status: 409,
    vi: 'Chỉ đưa vào xét công nhận hồ sơ đã được chấp thuận, thuộc phạm vi của Ban Chỉ đạo mở đợt xét và chưa có trong đợt này.',
    en: "Only accepted registrations within the committee's subtree, not already in this round, can be candidates.",
  },
  BULK_ROUND_REQUIRED: {
    status: 400,
    vi: 'Vui lòng chọn đợt xét công nhận để đưa các hồ sơ vào.',
    en: 'Choose the recognition round to add the records to.',
  },
  ROUND_CLOSED: {
    status: 409,
    vi: 'Đợt xét công nhận đã kết thúc; không thay đổi được nữa.',
    en: 'The recognition round is closed.',
  },
  PROPOSAL_TARGET_INVALID: {
    status: 400,
    vi: 'Đề nghị phải gửi lên đơn vị cấp trên của đơn vị mình.',
    en: "A proposal goes to a unit above one's own.",
  },
  NOT_RECOGNISED_YET: {
    status: 409,
    vi: 'Chỉ biểu dương, khen thưởng hoặc đề nghị cấp trên đối với mô hình, điển hình đã được công nhận.',
    en: 'Only recognised models and exemplars can be commended or proposed.',
  },
  PAPER_NOT_APPLICABLE: {
    status: 409,
    vi: 'Chỉ cấp giấy chứng nhận cho mô hình, điển hình đã được công nhận trong đợt xét này.',
    en: 'A certificate is issued only for a model or exemplar recognised in this round.',
  },
  PAPER_NO_NOTICE: {
    status: 409,
    vi: 'Đợt xét chưa công khai danh sách lấy ý kiến Nhân dân, chưa thể in danh sách.',
    en: 'The round has not published its list of nominees yet.',
  },
  NOTICE_COMMENT_LIMIT: {
    status: 429,
    vi: 'Bạn đã gửi nhiều ý kiến trong một giờ qua. Vui lòng gửi lại sau.',
    en: 'You have sent many comments in the last hour. Please try again later.',
  },
  PAPER_PDF_UNAVAILABLE: {
    status: 503,
    vi: 'Máy chủ chưa cài LibreOffice nên chưa tạo được tệp PDF. Vui lòng tải bản Word (.docx) rồi in, hoặc báo quản trị hệ thống cài LibreOffice.',
    en: 'LibreOffice is not installed on the server, so no PDF can be made. Download the Word file (.docx) and print it, or ask the administrator to install LibreOffice.',
  },
  DATA_DIR_LOCKED: {
    status: 503,
    vi: 'Không mở được cơ sở dữ liệu trong thư mục dữ liệu {dataDir}: tiến trình DVK khác (mã tiến trình {pid}, máy {host}) đang dùng thư mục này. Hai tiến trình cùng ghi một cơ sở dữ liệu sẽ làm mất dữ liệu, nên DVK không chạy tiếp. Hãy dùng DVK đang chạy, hoặc dừng tiến trình {pid} rồi chạy lại, hoặc đặt DVK_DATA_DIR sang thư mục khác. Nếu chắc chắn tiến trình đó không còn chạy (chẳng hạn trên máy khác), hãy xóa tệp {lockFile}.',
    en: 'Cannot open the database in the data folder {dataDir}: another DVK process (process id {pid}, host {host}) is using it. Two processes writing one database lose data, so DVK stops. Use the running DVK, or stop process {pid} and start again, or set DVK_DATA_DIR to another folder. If you are sure that process is no longer running (on another host, say), delete {lockFile}.',
  },
  IDEMPOTENCY_KEY_INVALID: {
    status: 400,
    vi: 'Tiêu đề Idempotency-Key không hợp lệ: cần từ 1 đến 100 ký tự ASCII in được.',
    en: 'The Idempotency-Key header is invalid: it needs 1 to 100 printable ASCII characters.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    vi: 'Mã chống gửi trùng (Idempotency-Key) này đã được dùng cho một yêu cầu khác. Vui lòng tải lại trang rồi thực hiện lại.',
    en: 'This Idempotency-Key was already used for a different request. Reload the page and try again.',
  },
  IDEMPOTENCY_UNANSWERED: {
    status: 409,
    vi: 'Thao tác này đã được thực hiện trước đó nhưng kết quả chưa gửi về được. Vui lòng tải lại trang để xem kết quả, không cần thực hiện lại.',
    en: 'This action was already done but its answer was lost. Reload the page to see the result; do not do it again.',
  },
  INTERNAL: {
    status: 500,
    vi: 'Hệ thống gặp lỗi ngoài dự kiến; dữ liệu của bạn chưa bị thay đổi. Vui lòng thử lại hoặc báo quản trị hệ thống.',
    en: 'Unexpected error; nothing was changed. Please retry or tell the administrator.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type Lang = 'vi' | 'en';

export const ENTITY_NAMES: Record<string, { vi: string; en: string }> = {
  unit: { vi: 'đơn vị', en: 'Unit' },
  user: { vi: 'người dùng', en: 'User' },
  route: { vi: 'địa chỉ', en: 'Address' },
  campaign: { vi: 'đợt phát động', en: 'Campaign' },
  registration: { vi: 'hồ sơ đăng ký', en: 'Registration' },
  criterion: { vi: 'tiêu chí', en: 'Criterion' },
  inspection: { vi: 'lần kiểm tra', en: 'Inspection' },
  file: { vi: 'tệp minh chứng', en: 'File' },
  round: { vi: 'đợt xét công nhận', en: 'Recognition round' },
  candidate: { vi: 'hồ sơ trong đợt xét', en: 'Candidate' },
  proposal: { vi: 'đề nghị khen thưởng', en: 'Proposal' },
  review_report: { vi: 'báo cáo sơ kết, tổng kết', en: 'Review report' },
  export_job: { vi: 'tệp xuất dữ liệu', en: 'Export' },
  paper: { vi: 'văn bản', en: 'Document' },
  notice: { vi: 'thông báo lấy ý kiến', en: 'Public notice' },
  notification: { vi: 'thông báo', en: 'Notification' },
  webhook: { vi: 'địa chỉ nhận sự kiện (webhook)', en: 'Webhook' },
  admin_load_job: { vi: 'lần nạp bản đồ hành chính', en: 'Map load' },
  reorganisation: { vi: 'lần sắp xếp đơn vị', en: 'Reorganisation' },
  import_job: { vi: 'lần nhập dữ liệu', en: 'Import' },
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, string | number>;
  /** What the answer lists beside the message (`error.details`), e.g. each step a decision still lacks. */
  readonly details: unknown;
  constructor(code: ErrorCode, params: Record<string, string | number> = {}, details?: unknown) {
    super(code);
    this.code = code;
    this.status = ERRORS[code].status;
    this.params = params;
    this.details = details;
  }
}

export function notFound(entity: keyof typeof ENTITY_NAMES): AppError {
  return new AppError('NOT_FOUND', { entity });
}

export function errorMessage(code: ErrorCode, params: Record<string, string | number>, lang: Lang): string {
  const template: string = ERRORS[code][lang];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (key === 'entity' && typeof value === 'string') return ENTITY_NAMES[value]?.[lang] ?? value;
    return value === undefined ? '' : String(value);
  });
}
