/**
 * The public showcase (/cong-khai): recognised models an officer published, as plain server-rendered
 * HTML, so a shared link shows its title, summary and photo, and a phone loads it at once. The pages
 * load no JSON and no script; all they read comes through services/showcase.ts from data/showcase-repo.ts, which selects public
 * columns of published, still recognised registrations only.
 */
import fs from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../../data/db.js';
import { completionPct } from '../../domain/achievement.js';
import { commendationWording } from '../../domain/commendation-schemas.js';
import type { PublicCard, PublicModel, PublicResults } from '../../data/showcase-repo.js';
import { formatDateVi, formatNumberVi } from '../../domain/statistics.js';
import { prefixQuery } from '../../domain/text.js';
import type { PhotoSize } from '../../services/photo-copies.js';
import { publishedCards, publishedChoices, publishedModel, publishedPhotoCopy } from '../../services/showcase.js';
import { UNIT_LEVEL_LABELS, type UnitLevel } from '../../domain/unit-kinds.js';
import { page, esc } from './html.js';

const PAGE_SIZE = 24;

function send(reply: FastifyReply, html: string) {
  return reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'public, max-age=300').send(html);
}

function card(c: PublicCard) {
  return `<a class="card" href="/cong-khai/mo-hinh/${esc(c.slug)}">
    ${c.photo ? `<img src="/cong-khai/anh/${c.photo}/nho" alt="" loading="lazy" width="400" height="225">` : '<div class="noimg" aria-hidden="true">DVK</div>'}
    <div class="body"><h2>${esc(c.title)}</h2><p class="meta">${esc(c.unit_name)}${c.province ? ` · ${esc(c.province)}` : ''}</p>
    <p class="meta">${c.kind === 'exemplar' ? 'Điển hình' : 'Mô hình'} · ${esc(c.field_name)} · năm ${c.year}</p></div></a>`;
}

/** What the latest inspection recorded beside the target: "130 bóng (65 %)"; an old entry without a value shows its completion. */
function achievedCell(c: PublicResults['criteria'][number]) {
  if (c.achieved === null) return c.completion_pct === null ? '–' : `${c.completion_pct} %`;
  const pct = c.completion_pct ?? completionPct(Number(c.achieved), c.target === null ? null : Number(c.target));
  return `${formatNumberVi(Number(c.achieved))}${c.unit_of_measure ? ` ${esc(c.unit_of_measure)}` : ''}${pct === null ? '' : ` (${pct} %)`}`;
}

function resultsSection(res: PublicResults) {
  if (!res.criteria.length && !res.latest) return '';
  const rows = res.criteria
    .map(
      (
        c,
      ) => `<tr><td>${esc(c.name)}</td><td class="num">${c.target === null ? '–' : `${formatNumberVi(Number(c.target))}${c.unit_of_measure ? ` ${esc(c.unit_of_measure)}` : ''}`}</td>
    <td class="num">${achievedCell(c)}</td></tr>`,
    )
    .join('');
  const l = res.latest;
  const mobilised = l
    ? [
        l.people_reached ? `${formatNumberVi(l.people_reached)} người dân được tham gia, thụ hưởng` : null,
        l.funds_vnd && Number(l.funds_vnd) ? `${formatNumberVi(Number(l.funds_vnd))} đồng được huy động` : null,
        l.workdays ? `${formatNumberVi(l.workdays)} ngày công` : null,
      ].filter(Boolean)
    : [];
  return `<h2>Kết quả</h2>
    ${rows ? `<table><thead><tr><th>Tiêu chí</th><th class="num">Chỉ tiêu</th><th class="num">Đã đạt</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
    ${l ? `<p class="meta">Theo đợt kiểm tra ngày ${formatDateVi(l.inspected_on)}${mobilised.length ? `: ${mobilised.join('; ')}.` : '.'}</p>` : '<p class="meta">Chưa có đợt kiểm tra nào ghi nhận mức hoàn thành.</p>'}`;
}

function holderLine(c: PublicModel) {
  if (c.holder !== 'individual' || !c.person_name) return '';
  return `<p class="meta">Điển hình: <strong>${esc(c.person_name)}</strong>${c.person_position ? `, ${esc(c.person_position)}` : ''}</p>`;
}

/**
 * The page's query with one value per name. A link pasted twice or a form sent with a name repeated
 * (`?tim=a&tim=b`) gives an array; the first value counts, as in the search box's own links, so such a
 * link still opens the page instead of failing.
 */
function firstValues(query: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    const one = Array.isArray(v) ? v[0] : v;
    out[k] = typeof one === 'string' ? one : undefined;
  }
  return out;
}

/** The filters' choices change only when something is published: each instance keeps them a short while. */
const CHOICES_TTL_MS = 30_000;

/** `origin`: DVK's public address; links that leave DVK never come from the request's Host header. */
export function registerShowcase(app: FastifyInstance, db: Db, filesDir: string, origin: () => string) {
  let choices: { at: number; value: Promise<Awaited<ReturnType<typeof publishedChoices>>> } | null = null;
  const cachedChoices = () => {
    if (!choices || Date.now() - choices.at > CHOICES_TTL_MS) {
      const value = publishedChoices(db);
      choices = { at: Date.now(), value };
      value.catch(() => {
        choices = null;
      });
    }
    return choices.value;
  };

  app.get('/cong-khai', async (req, reply) => {
    const q = firstValues(req.query);
    const field = q.linhVuc || null;
    const year = q.nam && /^\d{4}$/.test(q.nam) ? Number(q.nam) : null;
    const province = q.tinh || null;
    const text = (q.tim ?? '').trim().slice(0, 100);
    const words = prefixQuery(text);
    const pageNo = Math.min(10_000, Math.max(1, Number.parseInt(q.trang ?? '1', 10) || 1));
    const rows = await publishedCards(db, { field, year, province, words }, PAGE_SIZE + 1, (pageNo - 1) * PAGE_SIZE);
    const { fields, provinces, years } = await cachedChoices();
    const option = (v: string, label: string, sel: string | number | null) =>
      `<option value="${esc(v)}"${String(sel) === v ? ' selected' : ''}>${esc(label)}</option>`;
    const qs = (n: number) =>
      `?${new URLSearchParams({ ...(words ? { tim: text } : {}), ...(field ? { linhVuc: field } : {}), ...(year ? { nam: String(year) } : {}), ...(province ? { tinh: province } : {}), trang: String(n) })}`;
    const cards = rows.slice(0, PAGE_SIZE).map(card).join('');
    return send(
      reply,
      page({
        title: 'Mô hình “Dân vận khéo” tiêu biểu',
        description: 'Những mô hình, điển hình “Dân vận khéo” đã được công nhận, để học tập và nhân rộng.',
        url: `${origin()}/cong-khai`,
        body: `<h1>Mô hình “Dân vận khéo” tiêu biểu</h1>
        <form class="filters" method="get" action="/cong-khai" role="search">
          <input type="search" name="tim" value="${esc(text)}" placeholder="Tìm theo tên mô hình, đơn vị… (gõ có dấu hay không dấu đều được)" aria-label="Tìm mô hình">
          <select name="linhVuc" aria-label="Lĩnh vực"><option value="">Mọi lĩnh vực</option>${fields.map((f) => option(f.code, f.name, field)).join('')}</select>
          <select name="tinh" aria-label="Tỉnh, thành phố"><option value="">Mọi tỉnh, thành phố</option>${provinces.map((p) => option(p.code, p.name, province)).join('')}</select>
          <select name="nam" aria-label="Năm"><option value="">Mọi năm</option>${years.map((y) => option(String(y), String(y), year)).join('')}</select>
          <button type="submit">Xem</button>
        </form>
        ${cards ? `<div class="grid">${cards}</div>` : words ? `<p>Không tìm thấy mô hình nào khớp “${esc(text)}”. Hãy thử từ khác hoặc bỏ bớt lựa chọn.</p>` : '<p>Chưa có mô hình nào được công khai theo lựa chọn này.</p>'}
        <nav class="pager">${pageNo > 1 ? `<a href="${qs(pageNo - 1)}">← Trang trước</a>` : '<span></span>'}${rows.length > PAGE_SIZE ? `<a href="${qs(pageNo + 1)}">Trang sau →</a>` : ''}</nav>`,
      }),
    );
  });

  app.get('/cong-khai/mo-hinh/:slug', async (req, reply) => {
    const { slug } = req.params as { slug: string };
    const found = await publishedModel(db, slug);
    if (!found) {
      return reply
        .status(404)
        .header('content-type', 'text/html; charset=utf-8')
        .send(
          page({
            title: 'Không tìm thấy',
            description: '',
            url: `${origin()}/cong-khai`,
            body: '<h1>Không tìm thấy mô hình này</h1><p>Mô hình có thể đã thôi được công khai.</p><p><a href="/cong-khai">Xem các mô hình tiêu biểu</a></p>',
          }),
        );
    }
    const { model: c, photos, recognitions, commendations, results } = found;
    const image = photos[0] ? `${origin()}/cong-khai/anh/${photos[0].id}` : null;
    const paragraphs = c.summary
      .split(/\n+/)
      .filter((l) => l.trim())
      .map((l) => `<p>${esc(l)}</p>`)
      .join('');
    const level = (l: string | null) =>
      l && UNIT_LEVEL_LABELS[l as UnitLevel] ? `Cấp ${UNIT_LEVEL_LABELS[l as UnitLevel].toLowerCase()}` : 'Được công nhận';
    return send(
      reply,
      page({
        title: c.title,
        description: c.summary.replace(/\s+/g, ' ').slice(0, 200),
        url: `${origin()}/cong-khai/mo-hinh/${c.slug}`,
        image,
        body: `<p><a href="/cong-khai">← Các mô hình tiêu biểu</a></p>
        <h1>${esc(c.title)}</h1>
        <p class="meta">${c.kind === 'exemplar' ? 'Điển hình' : 'Mô hình'} · ${esc(c.unit_name)}${c.province ? ` · ${esc(c.province)}` : ''}</p>
        <p class="meta">${esc(c.field_name)} · ${formatDateVi(c.start_date)} – ${formatDateVi(c.end_date)}</p>
        ${holderLine(c)}
        ${photos.length ? `<img class="photo" src="/cong-khai/anh/${photos[0]!.id}" alt="Ảnh ${esc(c.title)}" width="800" height="450">` : ''}
        <section>${paragraphs}</section>
        ${photos
          .slice(1)
          .map((p) => `<img class="photo" src="/cong-khai/anh/${p.id}" alt="Ảnh ${esc(c.title)}" loading="lazy" width="800" height="450">`)
          .join('')}
        ${resultsSection(results)}
        ${recognitions.length ? `<h2>Công nhận</h2><ul>${recognitions.map((r) => `<li>${level(r.level)}${r.decision_no ? `, quyết định số ${esc(r.decision_no)}` : ''}${r.decision_date ? ` ngày ${formatDateVi(r.decision_date)}` : ''}${r.issuer ? ` của ${esc(r.issuer)}` : ''}</li>`).join('')}</ul>` : ''}
        ${commendations.length ? `<h2>Khen thưởng</h2><ul>${commendations.map((k) => `<li>${esc(commendationWording(k.form, k.issuer))}, số ${esc(k.decision_no)} ngày ${formatDateVi(k.decision_date)}</li>`).join('')}</ul>` : ''}`,
      }),
    );
  });

  // Only photos of published registrations, and only as copies without metadata (see
  // services/photo-copies.ts); no other file is ever served here. /nho is the list card's size.
  app.get('/cong-khai/anh/:id', async (req, reply) => servePhoto(req.params as { id: string }, 'full', reply));
  app.get('/cong-khai/anh/:id/nho', async (req, reply) => servePhoto(req.params as { id: string }, 'card', reply));

  async function servePhoto({ id }: { id: string }, size: PhotoSize, reply: FastifyReply) {
    const copy = await publishedPhotoCopy(db, filesDir, id, size, (err) => reply.log.warn({ err, fileId: id }, 'photo copy failed'));
    if (!copy) return reply.status(404).header('content-type', 'text/plain; charset=utf-8').send('Không tìm thấy');
    return reply
      .header('content-type', 'image/jpeg')
      .header('cache-control', 'public, max-age=86400')
      .header('x-content-type-options', 'nosniff')
      .send(fs.createReadStream(copy));
  }
}
