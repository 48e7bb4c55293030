/**
 * Published models for the showcase scenarios: the generated data has none, so the first 2,000
 * recognised registrations (by id, so every run publishes the same) are published with a summary.
 */
import type { Db } from '../src/data/db.js';

export async function publishForBench(db: Db): Promise<string[]> {
  await db.pool.query(
    `insert into publication (registration_id, slug, summary)
     select id, 'bench-' || id, 'Mô hình được công khai để đo tốc độ trang công khai: ' || title
       from registration where recognised and state in ('recognised', 'completed') order by id limit 2000
     on conflict (registration_id) do nothing`,
  );
  await db.pool.query('update publication set search = public_search_vector(registration_id, summary) where search is null');
  return (await db.rows<{ slug: string }>('select slug from publication order by slug limit 200')).map((r) => r.slug);
}
