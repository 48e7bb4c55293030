import { useParams } from 'react-router';
import { RoundDetail } from './RoundDetail';
import { RoundList } from './RoundList';

/** Recognition rounds: the list (`/xet-cong-nhan`) and one round with its candidates (`/xet-cong-nhan/:id`). */
export default function RoundsPage() {
  const { id } = useParams();
  return id ? <RoundDetail id={id} /> : <RoundList />;
}
