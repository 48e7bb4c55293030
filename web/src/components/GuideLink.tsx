import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A link to a step of "Hướng dẫn sử dụng", for the empty lists and pages that have nothing yet. */
export function GuideLink({ anchor, children }: { anchor: string; children: ReactNode }) {
  return <Link to={`/huong-dan#${anchor}`}>{children}</Link>;
}
