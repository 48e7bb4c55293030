/**
 * A paper as a file, built from the records now (inside the reader's view) with the number, date
 * and signer stored when it was issued: .docx always, PDF where LibreOffice is installed.
 */
import { listFields } from '../../data/catalogues-repo.js';
import { noticesOfRound } from '../../data/notices-repo.js';
import { achievementsOf, listPapersOf, type PaperRow } from '../../data/papers-repo.js';
import { findRegistrationInScope } from '../../data/registrations-repo.js';
import { notFound } from '../../domain/errors.js';
import { PAPER_LABELS } from '../../domain/paper-schemas.js';
import { inScope } from '../../domain/scope.js';
import type { Ctx } from '../context.js';
import { getRegistration } from '../registrations/list-registrations.js';
import { getRound } from '../recognition/rounds.js';
import { noticePath } from '../notices/notices.js';
import { docxToPdf } from './pdf.js';
import { paperInView, presentPaper, verifyPath } from './present-paper.js';

async function build(ctx: Ctx, p: PaperRow, origin: string): Promise<Buffer> {
  // The document libraries load on first use: start-up stays quick for those who never print.
  const docs = await import('../../documents/papers-docx.js');
  const head = {
    kind: p.kind,
    number: p.number,
    issuedOn: p.issued_on,
    place: p.place,
    parentBody: p.parent_body,
    issuingBody: p.issuing_body,
    signer: p.signer,
    recipients: p.recipients,
    extra: p.extra,
  };
  if (p.kind === 'registration_form') {
    const reg = await getRegistration(ctx, p.registration_id!);
    const field = (await listFields(ctx.db.pool)).find((f) => f.code === reg.fieldCode)?.name ?? reg.fieldCode;
    return docs.registrationFormDocx(head, reg, field);
  }
  const round = await getRound(ctx, p.round_id!);
  if (p.kind === 'minutes') return docs.minutesDocx(head, { round });
  if (p.kind === 'decision') return docs.decisionDocx(head, { round });
  if (p.kind === 'nominees') {
    const notice = (await noticesOfRound(ctx.db.pool, round.id)).find((n) => n.id === p.extra.noticeId);
    if (!notice) throw notFound('paper');
    return docs.nomineesDocx(head, {
      roundTitle: round.title,
      nominees: notice.nominees,
      opensAt: notice.opens_at,
      closesAt: notice.closes_at,
      url: origin + noticePath(notice.slug),
    });
  }
  if (p.kind === 'proposal') {
    const ids = round.candidates.filter((c) => c.result === 'recognised').map((c) => c.registration.id);
    return docs.proposalDocx(head, { round, achievements: await achievementsOf(ctx.db.pool, ids) });
  }
  const c = round.candidates.find((x) => x.registration.id === p.registration_id);
  const reg = await findRegistrationInScope(ctx.db.pool, p.registration_id!, inScope(ctx.actor.viewPath));
  if (!c || !reg) throw notFound('paper');
  return docs.certificateDocx(head, {
    title: reg.title,
    kind: reg.kind,
    holder: reg.holder,
    personName: reg.person_name,
    unitName: reg.unit_name,
    decisionNo: c.decisionNo,
    decisionDate: c.decisionDate,
    issuer: c.issuer,
    code: p.verify_code!,
    url: origin + verifyPath(p.verify_code!),
  });
}

const fileName = (p: PaperRow, ext: string) => `${PAPER_LABELS[p.kind]}${p.number ? ` ${p.number.replace(/[/\\]/g, '-')}` : ''}.${ext}`;

export async function paperDocx(ctx: Ctx, id: string, origin: string) {
  const p = await paperInView(ctx.db.pool, ctx, id);
  return { name: fileName(p, 'docx'), body: await build(ctx, p, origin) };
}

export async function paperPdf(ctx: Ctx, id: string, origin: string) {
  const p = await paperInView(ctx.db.pool, ctx, id);
  const [pdf] = await docxToPdf([await build(ctx, p, origin)]);
  return { name: fileName(p, 'pdf'), body: pdf! };
}

export async function getPaper(ctx: Ctx, id: string, origin: string) {
  return presentPaper(await paperInView(ctx.db.pool, ctx, id), origin);
}

/** The papers of a round seen by the reader (a round outside the view is not found). */
export async function papersOfRound(ctx: Ctx, roundId: string, origin: string) {
  await getRound(ctx, roundId);
  const rows = await listPapersOf(ctx.db.pool, { roundId });
  const view = inScope(ctx.actor.viewPath);
  const out = [];
  // A certificate of a candidate outside the reader's view stays hidden like the candidate.
  for (const r of rows)
    if (!r.registration_id || (await findRegistrationInScope(ctx.db.pool, r.registration_id, view))) out.push(presentPaper(r, origin));
  return { items: out };
}
