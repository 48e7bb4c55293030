/**
 * The public notice of nominees (/cong-khai/lay-y-kien/<address>): plain HTML without script, the
 * list of nominees and a form for a comment with name and contact. The form posts to the same
 * address; an answer is a page, never JSON. Comments are not shown here: only officers read them.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../data/db.js';
import { AppError, errorMessage } from '../../domain/errors.js';
import { COMMENT_LIMITS, CommentInput } from '../../domain/notice-schemas.js';
import { formatDateTimeVi } from '../../domain/statistics.js';
import { leaveComment, openNotice } from '../../services/notices/notices.js';
import { esc, page } from './html.js';

type Open = NonNullable<Awaited<ReturnType<typeof openNotice>>>;

function html(reply: FastifyReply, status: number, body: string) {
  return reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

function noticePage(origin: string, slug: string, n: Open, message: string | null, values: Record<string, string> = {}) {
  const rows = n.nominees
    .map(
      (x, i) =>
        `<tr><td class="num">${i + 1}</td><td>${esc(x.title)}</td><td>${esc(x.personName ? `${x.personName} – ${x.unitName}` : x.unitName)}</td></tr>`,
    )
    .join('');
  const body = `<h1>${esc(n.title)}</h1>
<p class="meta">Công khai danh sách đề nghị công nhận để lấy ý kiến nhân dân, đến ${esc(formatDateTimeVi(n.closes_at.toISOString()))}.</p>
<table><thead><tr><th class="num">STT</th><th>Mô hình, điển hình</th><th>Tập thể, cá nhân</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Góp ý</h2>
${message ? `<p class="meta" role="status"><strong>${esc(message)}</strong></p>` : ''}
<form method="post" action="/cong-khai/lay-y-kien/${esc(slug)}">
<p><label>Họ và tên<br><input name="name" required maxlength="${COMMENT_LIMITS.name}" value="${esc(values.name ?? '')}" style="width:100%;font-size:16px;padding:8px"></label></p>
<p><label>Số điện thoại hoặc địa chỉ liên hệ<br><input name="contact" required maxlength="${COMMENT_LIMITS.contact}" value="${esc(values.contact ?? '')}" style="width:100%;font-size:16px;padding:8px"></label></p>
<p><label>Nội dung ý kiến<br><textarea name="body" required maxlength="${COMMENT_LIMITS.body}" rows="6" style="width:100%;font-size:16px;padding:8px">${esc(values.body ?? '')}</textarea></label></p>
<p class="meta">Ý kiến chỉ được gửi tới Ban Chỉ đạo xem xét, không công bố trên trang này.</p>
<p><button type="submit" style="font-size:16px;padding:8px 16px;background:#b71c1c;color:#fff;border:0;border-radius:6px">Gửi ý kiến</button></p>
</form>`;
  return page({
    title: n.title,
    description: 'Lấy ý kiến nhân dân về danh sách đề nghị công nhận mô hình, điển hình “Dân vận khéo”',
    url: `${origin}/cong-khai/lay-y-kien/${slug}`,
    body,
  });
}

const GONE = `<h1>Không tìm thấy thông báo</h1><p>Thông báo lấy ý kiến này không có hoặc đã hết thời hạn công khai.</p>`;

export function registerNotices(app: FastifyInstance, db: Db, origin: () => string) {
  return app.register(async (pub) => {
    pub.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    pub.get('/cong-khai/lay-y-kien/:slug', async (req, reply) => {
      const { slug } = req.params as { slug: string };
      const n = await openNotice(db, slug);
      if (!n)
        return html(
          reply,
          404,
          page({ title: 'Lấy ý kiến nhân dân', description: 'Không tìm thấy', url: `${origin()}/cong-khai`, body: GONE }),
        );
      const sent = (req.query as Record<string, unknown>)['da-gui'] !== undefined;
      return html(reply, 200, noticePage(origin(), slug, n, sent ? 'Cảm ơn bạn đã góp ý. Ý kiến đã được gửi tới Ban Chỉ đạo.' : null));
    });
    pub.post('/cong-khai/lay-y-kien/:slug', async (req, reply) => {
      const { slug } = req.params as { slug: string };
      const n = await openNotice(db, slug);
      if (!n)
        return html(
          reply,
          404,
          page({ title: 'Lấy ý kiến nhân dân', description: 'Không tìm thấy', url: `${origin()}/cong-khai`, body: GONE }),
        );
      const raw = (req.body ?? {}) as Record<string, string>;
      const parsed = CommentInput.safeParse({ name: raw.name ?? '', contact: raw.contact ?? '', body: raw.body ?? '' });
      if (!parsed.success) {
        const msg = `Chưa gửi được: ${parsed.error.issues.map((i) => `${({ name: 'họ và tên', contact: 'liên hệ', body: 'nội dung' } as Record<string, string>)[String(i.path[0])] ?? ''} ${i.message}`).join('; ')}.`;
        return html(reply, 400, noticePage(origin(), slug, n, msg, raw));
      }
      try {
        await leaveComment(db, slug, parsed.data, req.ip);
      } catch (e) {
        if (e instanceof AppError && e.code === 'NOTICE_COMMENT_LIMIT')
          return html(reply, 429, noticePage(origin(), slug, n, errorMessage('NOTICE_COMMENT_LIMIT', {}, 'vi'), raw));
        throw e;
      }
      return reply
        .status(303)
        .header('location', `/cong-khai/lay-y-kien/${encodeURIComponent(slug)}?da-gui=1`)
        .send();
    });
  });
}
