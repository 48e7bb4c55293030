import { Card } from 'antd';

/** One numbered part of the registration form. */
export function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Card size="small" title={<span className="form-section-title">{title}</span>} style={{ marginBottom: 12 }}>
      {children}
    </Card>
  );
}

export const HALF = { xs: 24, md: 12 } as const;
export const wrapOption = (o: { label?: React.ReactNode }) => <span className="wrap">{o.label}</span>;
