import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export default function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      subTitle="Trang bạn mở không tồn tại hoặc bạn không có quyền xem."
      extra={<Button type="primary" onClick={() => navigate('/don-vi')}>Về trang Đơn vị</Button>}
    />
  );
}
