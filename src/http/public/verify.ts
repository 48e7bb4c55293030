/**
 * The verification page of a certificate (/cong-khai/xac-minh/<code>): no login, plain HTML like
 * the showcase. It says what the certificate certifies and whether it still stands. An unknown
 * code and a malformed one get the same page and the same status (404), so nothing tells a
 * guesser how close a try was; the codes are random 100-bit strings, never sequential.
 */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../data/db.js';
import { formatDateVi } from '../../domain/statistics.js';
import { verifyCertificate } from '../../services/papers/verify-certificate.js';
import { esc, page } from './html.js';

const NOT_FOUND_BODY = `<h1>Không tìm thấy giấy chứng nhận</h1>
<p>Mã xác minh này không khớp với giấy chứng nhận nào do hệ thống “Dân vận khéo” cấp. Vui lòng kiểm tra lại mã in trên giấy chứng nhận (20 ký tự, gồm chữ và số).</p>`;

export function registerVerification(app: FastifyInstance, db: Db, origin: () => string) {
  app.get('/cong-khai/xac-minh/:code', async (req, reply) => {
    const { code } = req.params as { code: string };
    const c = await verifyCertificate(db, code);
    reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
    if (!c) {
      // Not a word of what was typed comes back: every miss is the same page, byte for byte.
      const url = `${origin()}/cong-khai/xac-minh/`;
      return reply
        .status(404)
        .send(page({ title: 'Xác minh giấy chứng nhận', description: 'Không tìm thấy giấy chứng nhận', url, body: NOT_FOUND_BODY }));
    }
    const url = `${origin()}/cong-khai/xac-minh/${encodeURIComponent(code)}`;
    const what = c.kind === 'exemplar' ? 'Điển hình' : 'Mô hình';
    const who = c.holder === 'individual' && c.person_name ? `${c.person_name} – ${c.unit_name}` : c.unit_name;
    const status = c.stands
      ? '<p class="ok" style="color:#1b5e20;font-weight:700">Giấy chứng nhận còn hiệu lực.</p>'
      : c.state === 'discontinued'
        ? '<p class="revoked" style="color:#b71c1c;font-weight:700">Không còn hiệu lực: mô hình đã dừng thực hiện, việc công nhận không còn giá trị.</p>'
        : '<p class="revoked" style="color:#b71c1c;font-weight:700">Không còn hiệu lực: việc công nhận không còn giá trị.</p>';
    const body = `<h1>Xác minh giấy chứng nhận</h1>${status}
<table><tbody>
<tr><th>${what} “Dân vận khéo”</th><td>${esc(c.title)}</td></tr>
<tr><th>Tập thể, cá nhân</th><td>${esc(who)}</td></tr>
<tr><th>Quyết định công nhận</th><td>${c.decision_no ? `Số ${esc(c.decision_no)}` : '–'}${c.decision_date ? ` ngày ${formatDateVi(c.decision_date)}` : ''}${c.issuer ? ` của ${esc(c.issuer)}` : ''}</td></tr>
<tr><th>Giấy chứng nhận</th><td>${c.number ? `Số ${esc(c.number)}` : 'Chưa ghi số'}${c.issued_on ? ` ngày ${formatDateVi(c.issued_on)}` : ''}</td></tr>
<tr><th>Nơi cấp</th><td>${esc(c.issuing_body)}</td></tr>
</tbody></table>`;
    return reply.status(200).send(page({ title: `Xác minh: ${c.title}`, description: `${what} “Dân vận khéo” ${c.title}`, url, body }));
  });
}
