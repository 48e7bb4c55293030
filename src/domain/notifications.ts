/**
 * What a notification says: its Vietnamese title and text, and the page of the app it opens, built
 * from the event's outbox row. No I/O; the e-mail job and the API present the same words.
 */
import type { EventKind } from './audiences.js';

export type NotifiedEntity = 'registration' | 'campaign' | 'round' | 'proposal' | 'report';

/** What the outbox keeps of an event (and what a notification shows). */
export interface EventFacts {
  kind: EventKind;
  entityType: NotifiedEntity;
  entityId: string;
  label: string;
  reason: string | null;
  data: Record<string, unknown>;
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : '');
const STEP_WORDS: Record<string, string> = {
  before: 'sắp đến hạn',
  on: 'đến hạn hôm nay',
  after: 'đã quá hạn',
};
const dueText = (d: Record<string, unknown>) => {
  const due = str(d.dueDate);
  const when = due ? ` (hạn ${due.split('-').reverse().join('/')})` : '';
  return `${STEP_WORDS[str(d.step)] ?? 'đến hạn'}${when}`;
};

const TITLES: Record<EventKind, (e: EventFacts) => string> = {
  'registration.submitted': (e) => `Đăng ký mới chờ thẩm định: “${e.label}”`,
  'registration.returned': (e) => `Đăng ký “${e.label}” được trả lại để bổ sung`,
  'registration.rejected': (e) => `Đăng ký “${e.label}” không được chấp nhận`,
  'registration.accepted': (e) => `Đăng ký “${e.label}” đã được chấp nhận`,
  'registration.supporter_assigned': (e) => `Phân công theo dõi, hỗ trợ mô hình “${e.label}”`,
  'inspection.recorded': (e) => `Mô hình “${e.label}” vừa được kiểm tra, đánh giá`,
  'round.candidate_added': (e) => `“${e.label}” được đưa vào đợt xét công nhận “${str(e.data.roundTitle)}”: cần xác nhận và bỏ phiếu`,
  'registration.recognised': (e) => `Mô hình “${e.label}” được công nhận`,
  'registration.not_recognised': (e) => `Mô hình “${e.label}” chưa được công nhận`,
  'registration.commended': (e) => `Mô hình “${e.label}” được khen thưởng`,
  'proposal.received': (e) => `Đề nghị khen thưởng mới: “${e.label}”`,
  'proposal.accepted': (e) => `Đề nghị khen thưởng “${e.label}” được chấp nhận`,
  'proposal.declined': (e) => `Đề nghị khen thưởng “${e.label}” không được chấp nhận`,
  'campaign.launched': (e) => `Phát động phong trào: “${e.label}”`,
  'report.shared': (e) => `Báo cáo sơ kết, tổng kết mới: “${e.label}”`,
  'reminder.registration': (e) => `Đăng ký thi đua “${e.label}” ${dueText(e.data)}: đơn vị ${str(e.data.unitName)} chưa đăng ký`,
  'reminder.inspection': (e) => `Kiểm tra mô hình “${e.label}” ${dueText(e.data)}`,
  'reminder.inspection_unassigned': (e) => `Kiểm tra mô hình “${e.label}” ${dueText(e.data)} (chưa phân công người theo dõi)`,
  'reminder.acknowledge': (e) => `Xác nhận của đơn vị cho “${e.label}” ${dueText(e.data)}`,
  'reminder.vote': (e) => `Bỏ phiếu xét công nhận “${e.label}” ${dueText(e.data)}`,
};

/** An outbox row (as stored) seen as the event's facts. */
export function eventFacts(r: {
  kind: EventKind;
  entity_type: NotifiedEntity;
  entity_id: string;
  label: string;
  reason: string | null;
  data: Record<string, unknown> | null;
}): EventFacts {
  return { kind: r.kind, entityType: r.entity_type, entityId: r.entity_id, label: r.label, reason: r.reason, data: r.data ?? {} };
}

/** What a notification says and opens. */
export function describeEvent(e: EventFacts): { title: string; text: string | null; link: string } {
  return { title: notificationTitle(e), text: notificationText(e), link: notificationLink(e) };
}

export function notificationTitle(e: EventFacts): string {
  return TITLES[e.kind](e);
}

/** The reason given with a return, a rejection or a decision, shown to whom it concerns. */
export function notificationText(e: EventFacts): string | null {
  if (!e.reason) return null;
  return `Lý do: ${e.reason}`;
}

/**
 * The page of the web app that shows the record. A proposal opens the tab of the proposals page that
 * lists it for the reader: the receiving level's "Chờ xem xét" (the page's default) for a proposal
 * received, the proposer's "Đơn vị đã gửi" (`?view=outgoing`) for its acceptance or refusal.
 */
export function notificationLink(e: Pick<EventFacts, 'entityType' | 'entityId' | 'data'> & { kind?: EventKind }): string {
  switch (e.entityType) {
    case 'registration':
      return `/mo-hinh/${e.entityId}`;
    case 'campaign':
      return `/phat-dong/${e.entityId}/chi-tieu`;
    case 'round':
      return `/xet-cong-nhan/${e.entityId}`;
    case 'proposal':
      return e.kind === 'proposal.accepted' || e.kind === 'proposal.declined'
        ? '/de-nghi-khen-thuong?view=outgoing'
        : '/de-nghi-khen-thuong';
    case 'report':
      return `/bao-cao/${e.entityId}`;
  }
}

export interface MailItem {
  title: string;
  text: string | null;
  link: string;
  at: Date;
}
export interface MailMessage {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const FOOTER =
  'Thư này do hệ thống DVK – phong trào thi đua “Dân vận khéo” gửi tự động. ' +
  'Để nhận thư tổng hợp mỗi ngày hoặc thôi nhận thư, vào mục “Thông báo” trong trang cá nhân.';

/** One event's message, or a day's digest: Vietnamese subject, plain text and HTML with the links. */
export function renderMail(items: readonly MailItem[], publicUrl: string, digestDay?: string): MailMessage {
  const url = (link: string) => publicUrl.replace(/\/$/, '') + link;
  if (!digestDay && items.length === 1) {
    const it = items[0]!;
    const text = [it.title, ...(it.text ? [it.text] : []), `Xem chi tiết: ${url(it.link)}`, '', FOOTER].join('\n');
    const html =
      `<p><strong>${escapeHtml(it.title)}</strong></p>` +
      (it.text ? `<p>${escapeHtml(it.text)}</p>` : '') +
      `<p><a href="${escapeHtml(url(it.link))}">Xem chi tiết</a></p><p style="color:#666">${escapeHtml(FOOTER)}</p>`;
    return { subject: `[DVK] ${it.title}`, text, html };
  }
  const day = (digestDay ?? '').split('-').reverse().join('/');
  const subject = `[DVK] Tổng hợp thông báo ngày ${day}: ${items.length} thông báo`;
  const text = [
    `Tổng hợp ${items.length} thông báo ngày ${day}:`,
    '',
    ...items.flatMap((it, i) => [`${i + 1}. ${it.title}`, ...(it.text ? [`   ${it.text}`] : []), `   ${url(it.link)}`]),
    '',
    FOOTER,
  ].join('\n');
  const html =
    `<p>Tổng hợp ${items.length} thông báo ngày ${escapeHtml(day)}:</p><ol>` +
    items
      .map(
        (it) =>
          `<li><a href="${escapeHtml(url(it.link))}">${escapeHtml(it.title)}</a>` + (it.text ? `<br>${escapeHtml(it.text)}` : '') + '</li>',
      )
      .join('') +
    `</ol><p style="color:#666">${escapeHtml(FOOTER)}</p>`;
  return { subject, text, html };
}
