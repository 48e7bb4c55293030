import { Button, Tag } from 'antd';
import { VOTE_LABELS, type Round } from '@domain/recognition-schemas.js';
import { post } from '../../../api';
import { formatDateTime } from '../../../format';
import type { CandidateSectionProps } from './CandidateCard';

type VoteT = keyof typeof VOTE_LABELS;

/** 3. The open vote: the tally, who voted what and when, and the member's own buttons (changeable until the decision). */
export function VotesSection(props: CandidateSectionProps) {
  const { c, base, size } = props;
  const myVote = c.votes.find((v) => v.mine)?.vote;
  return (
    <>
      <h4 className="round-subtitle">3. Biểu quyết công khai</h4>
      <div className="button-row gap-below-8">
        <Tag color="green">Tán thành: {c.tally.for}</Tag>
        <Tag color="red">Không tán thành: {c.tally.against}</Tag>
        <Tag>Không biểu quyết: {c.tally.abstain}</Tag>
      </div>
      {c.votes.length > 0 && (
        <ul className="vote-list">
          {c.votes.map((v) => (
            <li key={`${v.voterName} ${v.at}`}>
              {v.voterName}: <b>{VOTE_LABELS[v.vote]}</b> ({formatDateTime(v.at)})
            </li>
          ))}
        </ul>
      )}
      {c.actions.includes('vote') && (
        <div className="button-row">
          {(Object.keys(VOTE_LABELS) as VoteT[]).map((v) => (
            <Button
              key={v}
              size={size}
              type={myVote === v ? 'primary' : 'default'}
              danger={v === 'against'}
              loading={props.pending === `vote-${v}`}
              onClick={() =>
                void props.onAct(`vote-${v}`, {
                  send: (opts) => post<Round>(`${base}/vote`, { vote: v }, opts),
                  done: `Đã ghi phiếu: ${VOTE_LABELS[v]}.`,
                })
              }
            >
              {VOTE_LABELS[v]}
            </Button>
          ))}
        </div>
      )}
    </>
  );
}
