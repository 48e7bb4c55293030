import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { homePath, useSession } from '../session';

export default function NotFoundPage() {
  const navigate = useNavigate();
  const me = useSession();
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Địa chỉ bạn mở không có trong hệ thống, hoặc bạn không có quyền xem trang này. Hãy kiểm tra lại đường dẫn hoặc quay về trang đầu."
      extra={
        <Button type="primary" size="large" onClick={() => navigate(homePath(me))}>
          Về trang đầu
        </Button>
      }
    />
  );
}
