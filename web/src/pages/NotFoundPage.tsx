import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export default function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Địa chỉ bạn mở không có trong hệ thống, hoặc bạn không có quyền xem trang này. Hãy kiểm tra lại đường dẫn hoặc quay về trang Đơn vị."
      extra={
        <Button type="primary" size="large" onClick={() => navigate('/don-vi')}>
          Về trang Đơn vị
        </Button>
      }
    />
  );
}
