import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { formatDateTime } from '../format';

/**
 * Prints the page as it is on screen, on A4 (the print stylesheet in app.css hides the menu, the
 * header and the buttons, and keeps the filters as chosen). The browser's own dialog offers PDF.
 */
export function PrintButton({ size }: { size?: 'large' | 'middle' }) {
  return (
    <Button icon={<PrinterOutlined />} size={size} onClick={() => window.print()}>
      In
    </Button>
  );
}

/** What only the paper shows above the page: its title, the filters in words, and when it was printed. */
export function PrintHeading({ title, lines = [] }: { title: string; lines?: (string | false | null | undefined)[] }) {
  return (
    <div className="print-only print-heading">
      <div className="print-title">{title}</div>
      {lines.filter(Boolean).map((l, i) => (
        <div key={i}>{l}</div>
      ))}
      <div className="print-date">In lúc {formatDateTime(new Date().toISOString())}</div>
    </div>
  );
}
