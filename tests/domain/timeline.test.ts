/**
 * The timeline as sentences: who (with their unit), what and when in Vietnam's time, and under its
 * own label the reason, the remark or the decision — for every kind of event the record keeps.
 */
import { describe, expect, it } from 'vitest';
import { describeEvent, describeLastReason, vietnamTime, type TimelineEventFacts } from '../../src/domain/timeline.js';
import { REGISTRATION_STATE_LABELS, TRANSITION_NAMES } from '../../src/domain/workflow.js';

// 03:20 UTC is 10:20 in Vietnam.
const AT = '2026-11-25T03:20:00.000Z';
const ev = (over: Partial<TimelineEventFacts>): TimelineEventFacts => ({
  at: AT,
  actorName: 'Nguyễn Văn A',
  actorUnit: 'Ban Chỉ đạo xã An Phú',
  transition: 'create',
  fromState: null,
  toState: 'draft',
  reason: null,
  decision: null,
  commendation: null,
  fileName: null,
  ...over,
});
const WHO = 'Nguyễn Văn A (Ban Chỉ đạo xã An Phú)';
const WHEN = 'lúc 10:20 25/11/2026';

describe('timeline sentences', () => {
  it('reads Vietnam time, across midnight too', () => {
    expect(vietnamTime(AT)).toBe('10:20 25/11/2026');
    expect(vietnamTime('2026-12-31T17:05:00Z')).toBe('00:05 01/01/2027');
  });

  it('a return: who, what, when, and the reason under its own label', () => {
    const line = describeEvent(ev({ transition: 'return', fromState: 'submitted', toState: 'returned', reason: ' Bổ sung số hộ ' }));
    expect(line).toEqual({
      sentence: `${WHO} trả lại để chỉnh sửa ${WHEN}`,
      details: [{ label: 'Lý do', text: 'Bổ sung số hộ' }],
      refusal: true,
    });
    // No "A → A": the state's label is not repeated after the action.
    expect(line.sentence).not.toContain('→');
    expect(line.sentence).not.toContain(REGISTRATION_STATE_LABELS.returned);
  });

  it('every step of the workflow reads as its own sentence', () => {
    const cases: [Partial<TimelineEventFacts>, string, { label: string; text: string }[]][] = [
      [{ transition: 'create' }, 'tạo bản đăng ký', []],
      [{ transition: 'submit', fromState: 'draft', toState: 'submitted' }, 'gửi đăng ký', []],
      [{ transition: 'submit', fromState: 'returned', toState: 'submitted' }, 'gửi lại đăng ký sau khi chỉnh sửa', []],
      [
        { transition: 'return', fromState: 'submitted', toState: 'returned', reason: 'Thiếu chữ ký' },
        'trả lại để chỉnh sửa',
        [{ label: 'Lý do', text: 'Thiếu chữ ký' }],
      ],
      [{ transition: 'withdraw', fromState: 'submitted', toState: 'draft' }, 'rút lại đăng ký để chỉnh sửa', []],
      [{ transition: 'accept', fromState: 'submitted', toState: 'accepted' }, 'chấp thuận đăng ký', []],
      [
        { transition: 'reject', fromState: 'submitted', toState: 'rejected', reason: 'Trùng mô hình cũ' },
        'không chấp thuận đăng ký',
        [{ label: 'Lý do', text: 'Trùng mô hình cũ' }],
      ],
      [
        {
          transition: 'recognise',
          fromState: 'accepted',
          toState: 'recognised',
          reason: 'Quyết định số 125-QĐ/BCĐ',
          decision: { number: '125-QĐ/BCĐ', date: '2026-11-20', issuer: 'Ban Chỉ đạo tỉnh Vĩnh Long' },
        },
        'công nhận mô hình',
        [{ label: 'Quyết định công nhận', text: 'số 125-QĐ/BCĐ ngày 20/11/2026 của Ban Chỉ đạo tỉnh Vĩnh Long' }],
      ],
      [
        { transition: 'not_recognise', fromState: 'accepted', toState: 'not_recognised', reason: 'Chưa đạt chỉ tiêu' },
        'không công nhận mô hình',
        [{ label: 'Lý do', text: 'Chưa đạt chỉ tiêu' }],
      ],
      [{ transition: 'complete', fromState: 'recognised', toState: 'completed' }, 'xác nhận mô hình đã hoàn thành', []],
      [
        { transition: 'discontinue', fromState: 'accepted', toState: 'discontinued', reason: 'Đơn vị sáp nhập' },
        'dừng thực hiện mô hình',
        [{ label: 'Lý do', text: 'Đơn vị sáp nhập' }],
      ],
      [
        { transition: 'inspect', fromState: 'accepted', toState: 'accepted', reason: 'Sổ sách rõ ràng' },
        'kiểm tra, đánh giá mô hình',
        [{ label: 'Nhận xét', text: 'Sổ sách rõ ràng' }],
      ],
      [{ transition: 'assign_supporter', fromState: 'accepted', toState: 'accepted' }, 'phân công cán bộ hỗ trợ', []],
      [
        { transition: 'something_new', toState: 'accepted', reason: 'Ghi chép' },
        'cập nhật hồ sơ',
        [{ label: 'Ghi chú', text: 'Ghi chép' }],
      ],
    ];
    for (const [facts, what, details] of cases) {
      const line = describeEvent(ev(facts));
      expect(line.sentence, facts.transition).toBe(`${WHO} ${what} ${WHEN}`);
      expect(line.details, facts.transition).toEqual(details);
    }
    // Every transition of the workflow is covered above.
    expect(TRANSITION_NAMES.filter((n) => !cases.some(([f]) => f.transition === n))).toEqual([]);
  });

  it('names an exemplar as "điển hình"', () => {
    expect(describeEvent(ev({ transition: 'not_recognise', reason: 'Chưa đủ phiếu' }), 'exemplar').sentence).toBe(
      `${WHO} không công nhận điển hình ${WHEN}`,
    );
  });

  it('a recognition written before decisions were kept cites the number from its reason', () => {
    expect(describeEvent(ev({ transition: 'recognise', reason: 'Quyết định số 88-QĐ/TU' })).details).toEqual([
      { label: 'Quyết định công nhận', text: 'số 88-QĐ/TU' },
    ]);
    expect(describeEvent(ev({ transition: 'recognise', decision: { number: '7/QĐ', date: null, issuer: null } })).details).toEqual([
      { label: 'Quyết định công nhận', text: 'số 7/QĐ' },
    ]);
  });

  it('an import names its file, and the decisions it came with under their own labels', () => {
    const line = describeEvent(
      ev({
        transition: 'import',
        toState: 'recognised',
        reason: 'Nhập từ tệp "mo-hinh.xlsx"; công nhận theo quyết định số 12/QĐ ngày 01/03/2024',
        fileName: 'mo-hinh.xlsx',
        decision: { number: '12/QĐ', date: '2024-03-01', issuer: 'UBND huyện Càng Long' },
        commendation: { number: '30/QĐ-UBND', date: '2024-06-02', issuer: 'UBND tỉnh Trà Vinh' },
      }),
    );
    expect(line.sentence).toBe(`${WHO} nhập hồ sơ từ tệp “mo-hinh.xlsx” ${WHEN}`);
    expect(line.details).toEqual([
      { label: 'Quyết định công nhận', text: 'số 12/QĐ ngày 01/03/2024 của UBND huyện Càng Long' },
      { label: 'Quyết định khen thưởng', text: 'số 30/QĐ-UBND ngày 02/06/2024 của UBND tỉnh Trà Vinh' },
    ]);
    expect(line.refusal).toBe(false);
  });

  it('an actor whose unit is unknown is named alone', () => {
    expect(describeEvent(ev({ actorUnit: null, transition: 'accept' })).sentence).toBe(`Nguyễn Văn A chấp thuận đăng ký ${WHEN}`);
  });

  it('the banner of the latest reason: a title per kind, the sentence and the label', () => {
    const base = { text: 'x', at: AT, by: 'Nguyễn Văn A', byUnit: 'Ban Chỉ đạo xã An Phú' };
    expect(describeLastReason({ ...base, kind: 'return' })).toEqual({
      title: 'Hồ sơ bị trả lại để chỉnh sửa',
      label: 'Lý do trả lại',
      sentence: `${WHO} trả lại để chỉnh sửa ${WHEN}`,
    });
    expect(describeLastReason({ ...base, kind: 'reject' }).title).toBe('Đăng ký không được chấp thuận');
    expect(describeLastReason({ ...base, kind: 'not_recognise' })).toMatchObject({
      title: 'Mô hình không được công nhận',
      label: 'Lý do không công nhận',
      sentence: `${WHO} không công nhận mô hình ${WHEN}`,
    });
    expect(describeLastReason({ ...base, kind: 'discontinue' }, 'exemplar').title).toBe('Điển hình đã dừng thực hiện');
  });
});
