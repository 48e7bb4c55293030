import { describe, expect, it } from 'vitest';
import { mayBeRecognised, recognitionShortfalls, RECOGNITION_MIN_VOTES, type RecognitionCase } from '../../src/domain/recognition.js';

const decision = { level: 'Tỉnh', decisionNo: '12/QĐ-BCĐ', decisionDate: '2026-05-01', issuer: 'Ban Chỉ đạo tỉnh' };
const ready: RecognitionCase = { marks: ['met', 'na'], acknowledged: true, votes: ['for', 'for', 'against'], decision };

describe('when a committee may recognise a candidate', () => {
  it('every criterion met or not applicable, acknowledged, enough votes, a majority and the decision: recognised', () => {
    expect(recognitionShortfalls(ready)).toEqual([]);
    expect(mayBeRecognised(ready)).toBe(true);
  });

  it('a criterion not assessed or not met blocks recognition', () => {
    expect(recognitionShortfalls({ ...ready, marks: ['met', undefined] })).toEqual(['chưa đánh giá đủ các tiêu chí']);
    expect(recognitionShortfalls({ ...ready, marks: ['met', 'not_met'] })).toEqual(['có tiêu chí không đạt']);
  });

  it('the collective must have acknowledged the model', () => {
    expect(recognitionShortfalls({ ...ready, acknowledged: false })).toEqual(['tập thể nơi mô hình, điển hình hoạt động chưa xác nhận']);
  });

  it('one vote is not a committee decision, however it is cast', () => {
    expect(RECOGNITION_MIN_VOTES).toBe(2);
    expect(mayBeRecognised({ ...ready, votes: ['for'] })).toBe(false);
    expect(recognitionShortfalls({ ...ready, votes: ['for'] })[0]).toContain('mới có 1 phiếu');
  });

  it('more than half of the votes cast must be in favour: a tie is not enough', () => {
    expect(mayBeRecognised({ ...ready, votes: ['for', 'against'] })).toBe(false);
    expect(recognitionShortfalls({ ...ready, votes: ['for', 'abstain'] })).toEqual(['số phiếu tán thành (1/2) chưa quá một nửa']);
    expect(mayBeRecognised({ ...ready, votes: ['for', 'for', 'abstain'] })).toBe(true);
  });

  it('the decision needs its level, number, date and issuer', () => {
    for (const key of Object.keys(decision)) {
      expect(mayBeRecognised({ ...ready, decision: { ...decision, [key]: null } }), key).toBe(false);
    }
  });

  it('says everything that is missing at once', () => {
    expect(recognitionShortfalls({ marks: [undefined], acknowledged: false, votes: [], decision: {} })).toHaveLength(4);
  });
});
