/**
 * The public showcase (/cong-khai): recognised models an officer published, as plain server-rendered
 * HTML, so a shared link shows its title, summary and photo, and a phone loads it at once. Every
 * query reads only public fields of published registrations: never people's names, internal reasons,
 * votes, supporters, inspections or documents other than photos.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../data/db.js';
import { formatDateVi } from '../../domain/statistics.js';
import { UNIT_LEVEL_LABELS, type UnitLevel } from '../../domain/unit-kinds.js';
import { page, esc } from './html.js';

const PAGE_SIZE = 24;

interface Card { slug: string; title: string; unit_name: string; province: string | null; field_name: string; year: number; summary: string; photo: string | null }

const CARD_SQL = `select p.slug, r.title, u.name as unit_name, pv.name as province, f.name as field_name, r.year, p.summary,
    (select e.id from evidence_file e where e.registration_id = r.id and e.mime like 'image/%' order by e.created_at limit 1) as photo
  from publication p join registration r on r.id = p.registration_id join unit u on u.id = r.unit_id join field f on f.code = r.field_code
  left join unit pv on nlevel(r.unit_path) >= 2 and pv.path = subpath(r.unit_path, 0, 2)
 where r.recognised and r.state in ('recognised', 'completed')`;

function origin(req: FastifyRequest) {
  return `${req.protocol}://${req.headers.host ?? 'localhost'}`;
}

function send(reply: FastifyReply, html: string) {
  return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'public, max-age=300').send(html);
}

export function registerShowcase(app: FastifyInstance, db: Db, filesDir: string) {
  app.get('/cong-khai', async (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
    const field = q.linhVuc || null;
    const year = q.nam && /^\d{4}$/.test(q.nam) ? Number(q.nam) : null;
    const province = q.tinh || null;
    const pageNo = Math.max(1, Number(q.trang) || 1);
    const where = `and ($1::text is null or r.field_code = $1) and ($2::int is null or r.year = $2) and ($3::text is null or pv.code = $3)`;
    const rows = await db.rows<Card>(`${CARD_SQL} ${where} order by p.published_at desc limit ${PAGE_SIZE + 1} offset ${(pageNo - 1) * PAGE_SIZE}`, [field, year, province]);
    const fields = await db.rows<{ code: string; name: string }>('select code, name from field where active order by sort');
    const provinces = await db.rows<{ code: string; name: string }>(
      `select distinct pv.code, pv.name from publication p join registration r on r.id = p.registration_id join unit pv on nlevel(r.unit_path) >= 2 and pv.path = subpath(r.unit_path, 0, 2) order by pv.name`);
    const years = await db.rows<{ year: number }>('select distinct r.year from publication p join registration r on r.id = p.registration_id order by 1 desc');
    const option = (v: string, label: string, sel: string | number | null) => `<option value="${esc(v)}"${String(sel) === v ? ' selected' : ''}>${esc(label)}</option>`;
    const cards = rows.slice(0, PAGE_SIZE).map((c) => `
      <a class="card" href="/cong-khai/mo-hinh/${esc(c.slug)}">
        ${c.photo ? `<img src="/cong-khai/anh/${c.photo}" alt="" loading="lazy" width="400" height="225">` : '<div class="noimg">DVK</div>'}
        <div class="body"><h2>${esc(c.title)}</h2><p class="meta">${esc(c.unit_name)}${c.province ? ` · ${esc(c.province)}` : ''}</p>
        <p class="meta">${esc(c.field_name)} · năm ${c.year}</p></div></a>`).join('');
    const qs = (n: number) => `?${new URLSearchParams({ ...(field ? { linhVuc: field } : {}), ...(year ? { nam: String(year) } : {}), ...(province ? { tinh: province } : {}), trang: String(n) })}`;
    return send(reply, page({
      title: 'Mô hình “Dân vận khéo” tiêu biểu',
      description: 'Những mô hình, điển hình “Dân vận khéo” đã được công nhận, để học tập và nhân rộng.',
      url: `${origin(req)}/cong-khai`,
      body: `<h1>Mô hình “Dân vận khéo” tiêu biểu</h1>
        <form class="filters" method="get" action="/cong-khai">
          <select name="linhVuc" aria-label="Lĩnh vực"><option value="">Mọi lĩnh vực</option>${fields.map((f) => option(f.code, f.name, field)).join('')}</select>
          <select name="tinh" aria-label="Tỉnh, thành phố"><option value="">Mọi tỉnh, thành phố</option>${provinces.map((p) => option(p.code, p.name, province)).join('')}</select>
          <select name="nam" aria-label="Năm"><option value="">Mọi năm</option>${years.map((y) => option(String(y.year), String(y.year), year)).join('')}</select>
          <button type="submit">Xem</button>
        </form>
        ${cards ? `<div class="grid">${cards}</div>` : '<p>Chưa có mô hình nào được công khai theo lựa chọn này.</p>'}
        <nav class="pager">${pageNo > 1 ? `<a href="${qs(pageNo - 1)}">← Trang trước</a>` : ''}${rows.length > PAGE_SIZE ? `<a href="${qs(pageNo + 1)}">Trang sau →</a>` : ''}</nav>`,
    }));
  });

  app.get('/cong-khai/mo-hinh/:slug', async (req, reply) => {
    const { slug } = req.params as { slug: string };
    const [c] = await db.rows<Card & { id: string; start_date: string; end_date: string; kind: string }>(
      `select x.*, r.id, r.start_date, r.end_date, r.kind from (${CARD_SQL} and p.slug = $1) x join publication p on p.slug = x.slug join registration r on r.id = p.registration_id`, [slug]);
    if (!c) return reply.status(404).header('content-type', 'text/html; charset=utf-8').send(page({ title: 'Không tìm thấy', description: '', url: `${origin(req)}/cong-khai`, body: '<h1>Không tìm thấy mô hình này</h1><p><a href="/cong-khai">Xem các mô hình tiêu biểu</a></p>' }));
    const photos = await db.rows<{ id: string }>(`select id from evidence_file where registration_id = $1 and mime like 'image/%' order by created_at`, [c.id]);
    const recognitions = await db.rows<{ level: string | null; decision_no: string | null; decision_date: string | null; issuer: string | null }>(
      `select level, decision_no, decision_date, issuer from recognition_candidate where registration_id = $1 and result = 'recognised' order by decision_date`, [c.id]);
    const commendations = await db.rows<{ form: string; issuer: string; decision_no: string; decision_date: string }>(
      `select f.name as form, c.issuer, c.decision_no, c.decision_date from commendation c join commendation_form f on f.code = c.form_code where c.registration_id = $1 order by c.decision_date`, [c.id]);
    const image = photos[0] ? `${origin(req)}/cong-khai/anh/${photos[0].id}` : null;
    const paragraphs = c.summary.split(/\n+/).filter((l) => l.trim()).map((l) => `<p>${esc(l)}</p>`).join('');
    return send(reply, page({
      title: c.title,
      description: c.summary.slice(0, 200),
      url: `${origin(req)}/cong-khai/mo-hinh/${c.slug}`,
      image,
      body: `<p><a href="/cong-khai">← Các mô hình tiêu biểu</a></p>
        <h1>${esc(c.title)}</h1>
        <p class="meta">${c.kind === 'exemplar' ? 'Điển hình' : 'Mô hình'} · ${esc(c.unit_name)}${c.province ? ` · ${esc(c.province)}` : ''} · ${esc(c.field_name)} · ${formatDateVi(c.start_date)} – ${formatDateVi(c.end_date)}</p>
        ${photos.map((p) => `<img class="photo" src="/cong-khai/anh/${p.id}" alt="Ảnh ${esc(c.title)}" loading="lazy" width="800" height="450">`).join('')}
        <section>${paragraphs}</section>
        ${recognitions.length ? `<h2>Công nhận</h2><ul>${recognitions.map((r) => `<li>${r.level ? `Cấp ${esc(UNIT_LEVEL_LABELS[r.level as UnitLevel]?.toLowerCase() ?? r.level)}` : 'Được công nhận'}${r.decision_no ? `, quyết định số ${esc(r.decision_no)}` : ''}${r.decision_date ? ` ngày ${formatDateVi(r.decision_date)}` : ''}${r.issuer ? ` của ${esc(r.issuer)}` : ''}</li>`).join('')}</ul>` : ''}
        ${commendations.length ? `<h2>Khen thưởng</h2><ul>${commendations.map((k) => `<li>${esc(k.form)} của ${esc(k.issuer)}, số ${esc(k.decision_no)} ngày ${formatDateVi(k.decision_date)}</li>`).join('')}</ul>` : ''}`,
    }));
  });

  // Only photos of published registrations; no other file is ever served here.
  app.get('/cong-khai/anh/:id', async (req, reply) => {
    const { id } = req.params as { id: string };
    if (!/^[0-9a-f-]{36}$/.test(id)) return reply.status(404).send('Không tìm thấy');
    const [f] = await db.rows<{ mime: string; storage_key: string }>(
      `select e.mime, e.storage_key from evidence_file e join publication p on p.registration_id = e.registration_id
         join registration r on r.id = e.registration_id
        where e.id = $1 and e.mime like 'image/%' and r.recognised and r.state in ('recognised', 'completed')`, [id]);
    if (!f) return reply.status(404).send('Không tìm thấy');
    return reply.header('content-type', f.mime).header('cache-control', 'public, max-age=86400').header('x-content-type-options', 'nosniff')
      .send(fs.createReadStream(path.join(filesDir, f.storage_key)));
  });
}
