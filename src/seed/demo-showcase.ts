/**
 * The demo's public showcase: a few recognised demo models and an exemplar, each with an inspection
 * that found its criteria met, illustrations as photos, and a summary written for the public, so
 * that /cong-khai shows something on a first start. Runs after the demo models; does nothing when
 * something is already published or the models are missing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../data/db.js';
import { insertEvent } from '../data/registrations-repo.js';
import { upsertPublication } from '../data/showcase-repo.js';
import { demoPicture } from './demo-picture.js';

const STORIES: { title: string; people: number; summary: string }[] = [
  {
    title: 'Tổ hợp tác trồng bưởi da xanh theo hướng an toàn',
    people: 25,
    summary:
      'Trước đây mỗi hộ trồng bưởi một kiểu, bán lẻ cho thương lái nên giá lên xuống thất thường.\n' +
      'Hội Nông dân xã đến từng nhà, mời các hộ cùng lập tổ hợp tác, cùng học quy trình bón phân, phun thuốc an toàn và cùng ký hợp đồng bán cho doanh nghiệp.\n' +
      'Sau một mùa vụ, các hộ trong tổ bán được giá ổn định, nhiều hộ khác xin vào tổ.',
  },
  {
    title: 'Dân vận khéo trong vận động hiến đất mở rộng đường giao thông nông thôn',
    people: 140,
    summary:
      'Con đường ấp hẹp, mùa mưa xe không qua được. Chi bộ họp dân, để bà con tự bàn cách làm, đảng viên và cán bộ ấp hiến đất trước.\n' +
      'Các hộ lần lượt dời hàng rào, góp tiền, góp ngày công; không hộ nào phải cưỡng chế.\n' +
      'Con đường mới rộng hơn, có đèn chiếu sáng, học sinh đi học và nông dân chở nông sản thuận tiện.',
  },
  {
    title: 'Bữa cơm nghĩa tình cho bệnh nhân nghèo',
    people: 1200,
    summary:
      'Nhiều người bệnh nghèo nằm viện dài ngày không đủ tiền ăn. Hội Chữ thập đỏ và các đoàn thể vận động nhà hảo tâm, tiểu thương góp gạo, rau, củ.\n' +
      'Mỗi trưa, các tình nguyện viên nấu và phát cơm miễn phí ngay tại bệnh viện, có sổ theo dõi minh bạch.\n' +
      'Bếp ăn duy trì đều đặn quanh năm, được bà con và người bệnh tin tưởng.',
  },
  {
    title: 'Tổ tự quản an ninh trật tự liên gia',
    people: 320,
    summary:
      'Khu dân cư từng có trộm cắp vặt. Công an xã cùng Mặt trận vận động các hộ liền kề lập tổ tự quản, trông nhà giúp nhau và báo tin qua nhóm điện thoại.\n' +
      'Mỗi tháng tổ họp một lần để nhắc nhau giữ gìn an ninh, hòa giải mâu thuẫn nhỏ ngay tại xóm.\n' +
      'Từ khi có tổ, trộm cắp giảm rõ rệt, người dân yên tâm làm ăn.',
  },
  {
    title: 'Ngày thứ Bảy lắng nghe dân nói',
    people: 260,
    summary:
      'Sáng thứ Bảy hằng tuần, lãnh đạo xã ngồi tại trụ sở để nghe người dân phản ánh, không cần hẹn trước.\n' +
      'Mỗi ý kiến được ghi sổ, giao người trả lời và hẹn ngày; việc nào giải quyết được ngay thì làm ngay.\n' +
      'Kiến nghị được trả lời đúng hẹn, đơn thư vượt cấp giảm hẳn.',
  },
  {
    title: 'Nông dân sản xuất, kinh doanh giỏi, giúp đỡ hộ nghèo',
    people: 10,
    summary:
      'Từ mảnh vườn nhỏ, ông mạnh dạn chuyển sang trồng cây ăn trái và nuôi cá, trở thành hộ sản xuất giỏi của xã.\n' +
      'Ông cho hộ nghèo mượn giống, hướng dẫn kỹ thuật, nhận người trong ấp vào làm thuê theo mùa vụ.\n' +
      'Nhiều hộ được ông giúp đỡ đã có thu nhập ổn định và thoát nghèo.',
  },
];

export async function seedDemoShowcase(db: Db, filesDir: string): Promise<number> {
  return db.tx(async (q) => {
    if ((await q.query('select 1 from publication limit 1')).rows.length) return 0;
    const [officer] = (await q.query<{ id: string; full_name: string }>(`select id, full_name from app_user where username = 'officer'`))
      .rows;
    if (!officer) return 0;
    let published = 0;
    for (const [k, story] of STORIES.entries()) {
      const [r] = (
        await q.query<{
          id: string;
          title: string;
          state: string;
          start_date: string;
          end_date: string;
          planned_funds_vnd: number | null;
          planned_workdays: number | null;
        }>(
          `select id, title, state, start_date::text, end_date::text, planned_funds_vnd, planned_workdays from registration
          where title = $1 and recognised and state in ('recognised', 'completed') order by year desc, unit_path limit 1`,
          [story.title],
        )
      ).rows;
      if (!r) continue;
      const inspection = randomUUID();
      const inspectedOn = r.end_date.slice(0, 4) + '-10-15';
      await q.query(
        `insert into inspection (id, registration_id, inspected_on, inspector_id, inspector_name, overall, funds_vnd, workdays, people_reached)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          inspection,
          r.id,
          inspectedOn,
          officer.id,
          officer.full_name,
          k % 2 ? 'on_track' : 'exceeds',
          r.planned_funds_vnd,
          r.planned_workdays,
          story.people,
        ],
      );
      await q.query(
        `insert into inspection_criterion (inspection_id, criterion_id, achieved, completion_pct)
         select $1, id, round(target * $3::int / 100.0), case when target > 0 then $3::int end
           from registration_criterion where registration_id = $2`,
        [inspection, r.id, 100 + 10 * (k % 3)],
      );
      await insertEvent(q, {
        registrationId: r.id,
        actorId: officer.id,
        actorName: officer.full_name,
        transition: 'inspect',
        fromState: r.state,
        toState: r.state,
        data: { inspectionId: inspection },
      });
      for (const v of k % 2 ? [k] : [k, k + 1]) {
        const id = randomUUID();
        const png = demoPicture(v);
        const storageKey = path.join(id.slice(0, 2), id);
        fs.mkdirSync(path.join(filesDir, id.slice(0, 2)), { recursive: true });
        fs.writeFileSync(path.join(filesDir, storageKey), png);
        await q.query(
          `insert into evidence_file (id, registration_id, inspection_id, file_name, mime, size_bytes, sha256, storage_key, uploaded_by, public)
           values ($1, $2, $3, $4, 'image/png', $5, $6, $7, $8, true)`,
          [
            id,
            r.id,
            inspection,
            `anh-minh-hoa-${v + 1}.png`,
            png.length,
            createHash('sha256').update(png).digest('hex'),
            storageKey,
            officer.id,
          ],
        );
      }
      await upsertPublication(q, r, story.summary, officer.id);
      published += 1;
    }
    return published;
  });
}
