import { Button } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { qs } from '../api';

/** Downloads the list on screen, with the same filters, as an Excel file made by the server. */
export function XlsxButton({
  path,
  params = {},
  size,
}: {
  path: string;
  params?: Record<string, string | number | undefined | null>;
  size?: 'large' | 'middle';
}) {
  return (
    <Button icon={<FileExcelOutlined />} size={size} href={`/api/v1${path}${qs(params)}`} download>
      Xuất Excel
    </Button>
  );
}
