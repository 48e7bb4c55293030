import { Tag } from 'antd';

/** An open round is being considered; a closed one has ended. */
export function RoundStateTag({ state }: { state: string }) {
  return state === 'open' ? <Tag color="green">Đang xét</Tag> : <Tag>Đã kết thúc</Tag>;
}
