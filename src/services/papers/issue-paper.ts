/**
 * Issues a paper: checks that the officer may issue it for this round or registration, numbers it
 * (the officer's number, a blank to fill by hand, or DVK's next number for the issuing unit, year
 * and kind, taken under the counter's row lock in this transaction; the decision of a decided round
 * always carries that decision's number and date), gives a certificate its
 * random verification code, and writes the audit row.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { insertAudit } from '../../data/audit-repo.js';
import { insertPaper, takePaperNumber } from '../../data/papers-repo.js';
import { findRegistrationInScope } from '../../data/registrations-repo.js';
import { noticesOfRound } from '../../data/notices-repo.js';
import { findRound, listCandidates } from '../../data/rounds-repo.js';
import { AppError, notFound } from '../../domain/errors.js';
import { codeFromBytes, paperNumber, roundDecision, type CreatePaper } from '../../domain/paper-schemas.js';
import { can, registrationPapers } from '../../domain/policy.js';
import { registrationFacts } from '../registrations/present.js';
import { inScope } from '../../domain/scope.js';
import type { Ctx } from '../context.js';
import { paperInView, presentPaper } from './present-paper.js';

/** The year in Vietnam now: a paper without a date is numbered in the year it is made. */
const yearNow = () => Number(new Date().toLocaleString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }));

/** "Ban Chỉ đạo … tỉnh Vĩnh Long": the level word of an administrative unit's name is written small inside a sentence. */
export const committeeName = (unitName: string) =>
  `Ban Chỉ đạo phong trào thi đua “Dân vận khéo” ${unitName.replace(/^(Tỉnh|Thành phố|Xã|Phường|Đặc khu|Huyện|Thị trấn)(?= )/u, (w) => w.toLocaleLowerCase('vi-VN'))}`;

export async function issuePaper(ctx: Ctx, body: CreatePaper, origin: string) {
  return ctx.db.tx(async (q) => {
    const view = inScope(ctx.actor.viewPath);
    let unit: { id: string; name: string; path: string };
    let registrationId: string | null = null;
    let roundId: string | null = null;
    let label: string;
    let number = body.number?.trim() || null;
    let issuedOn = body.issuedOn ?? null;
    let noticeId: string | null = null;
    let autoNumber = !!body.autoNumber;

    if (body.kind === 'registration_form') {
      const reg = await findRegistrationInScope(q, body.registrationId!, view);
      if (!reg) throw notFound('registration');
      if (!registrationPapers(ctx.actor, registrationFacts(reg)).includes('registration_form')) throw new AppError('FORBIDDEN');
      unit = { id: reg.unit_id, name: reg.unit_name, path: reg.unit_path };
      registrationId = reg.id;
      label = reg.title;
    } else {
      const round = await findRound(q, body.roundId!, view);
      if (!round) throw notFound('round');
      unit = { id: round.unit_id, name: round.unit_name, path: round.unit_path };
      roundId = round.id;
      label = round.title;
      const candidates = await listCandidates(q, round.id, view);
      if (body.registrationId) {
        const c = candidates.find((x) => x.registration_id === body.registrationId);
        if (!c) throw notFound('registration');
        if (body.kind === 'certificate' && c.result !== 'recognised') throw new AppError('PAPER_NOT_APPLICABLE');
        registrationId = c.registration_id;
        label = c.title;
      }
      if (!can(ctx.actor, 'recognition.manage', { path: round.unit_path })) throw new AppError('FORBIDDEN');
      if (body.kind === 'nominees') {
        // The list printed is the one the round published last, as it was published.
        const latest = (await noticesOfRound(q, round.id))[0];
        if (!latest) throw new AppError('PAPER_NO_NOTICE');
        noticeId = latest.id;
      }
      if (body.kind === 'decision') {
        // The decision paper is the round's recorded decision: its number and date whatever the
        // request asked (a number DVK would take, a number typed); a round not yet decided is numbered as asked.
        const decided = roundDecision(
          candidates.map((c) => ({ result: c.result, decisionNo: c.decision_no, decisionDate: c.decision_date })),
        );
        if (decided) {
          number = decided.number;
          issuedOn = decided.date ?? issuedOn;
          autoNumber = false;
        }
      }
    }

    const year = issuedOn ? Number(issuedOn.slice(0, 4)) : yearNow();
    let seq: number | null = null;
    if (autoNumber) {
      seq = await takePaperNumber(q, unit.id, year, body.kind);
      number = paperNumber(body.kind, seq);
    }
    const id = randomUUID();
    await insertPaper(q, {
      id,
      kind: body.kind,
      unit_id: unit.id,
      round_id: roundId,
      registration_id: registrationId,
      seq,
      year,
      number,
      issued_on: issuedOn,
      place: body.place,
      parent_body: body.parentBody ?? null,
      issuing_body: body.issuingBody?.trim() || (body.kind === 'registration_form' ? unit.name : committeeName(unit.name)),
      signer: body.signer ?? {},
      recipients: body.recipients ?? null,
      extra: {
        attendees: body.attendees ?? null,
        secretary: body.secretary ?? null,
        sentTo: body.sentTo ?? null,
        commendationAsked: body.commendationAsked ?? null,
        ...(noticeId ? { noticeId } : {}),
      },
      // 13 random bytes give the 20 letters of the code: 100 bits, never derived from anything stored.
      verify_code: body.kind === 'certificate' ? codeFromBytes(randomBytes(13)) : null,
      createdBy: ctx.actor.id,
    });
    await insertAudit(q, {
      actorId: ctx.actor.id,
      actorName: ctx.actor.name,
      action: 'paper.issue',
      entityType: 'paper',
      entityId: id,
      entityLabel: label,
      unitPath: unit.path,
      after: { kind: body.kind, number, issuedOn, roundId, registrationId },
      ip: ctx.ip,
    });
    return presentPaper(await paperInView(q, ctx, id), origin);
  });
}
