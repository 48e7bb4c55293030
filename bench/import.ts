/**
 * Import of a 50,000-row workbook: preview (read, check, stage) and commit (one transaction) times,
 * and the process's resident memory (the server runs in this process; the workbook is written to a
 * temporary file first and the builder's memory released, then RSS is sampled every 100 ms).
 *
 *   npx tsx bench/import.ts                       # PGlite in memory
 *   DVK_TEST_DATABASE_URL=postgres://… npx tsx bench/import.ts   # PostgreSQL
 *   DVK_IMPORT_ROWS=10000 npx tsx bench/import.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loggedIn } from '../tests/support/client.js';
import { DEMO_PASSWORD, startTestServer } from '../tests/support/server.js';

const ROWS = Number(process.env.DVK_IMPORT_ROWS ?? 50_000);
const FIELDS = ['Kinh tế', 'Văn hoá - Xã hội', 'QP-AN', 'Xây dựng HTCT'];

async function main() {
  const srv = await startTestServer({ web: false });
  const officer = await loggedIn(srv.baseUrl, 'officer', DEMO_PASSWORD);
  const admin = await loggedIn(srv.baseUrl, 'admin', DEMO_PASSWORD);
  const province = (await admin.get('/api/v1/units?q=T86')).body.items.find((u: { code: string }) => u.code === 'T86').id;
  const communes: string[] = [];
  for (let i = 0; i < 20; i++) {
    const code = `BENCH-X${i}`;
    const r = await officer.post('/api/v1/units', {
      parentId: province,
      code,
      name: `Xã Thử Nghiệm ${i}`,
      kind: 'commune',
      level: 'commune',
    });
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    communes.push(code);
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dvk-import-bench-')), 'mo-hinh.xlsx');
  {
    const { default: ExcelJS } = await import('exceljs');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const per = Math.ceil(ROWS / 3);
    for (let s = 0; s < 3; s++) {
      const ws = writer.addWorksheet(`Trang ${s + 1}`);
      ws.addRow(['DANH SÁCH MÔ HÌNH "DÂN VẬN KHÉO"']).commit();
      ws.addRow(['Mã đơn vị thực hiện', 'Tên mô hình, điển hình', 'Lĩnh vực', 'Năm', 'Kinh phí dự kiến (đồng)', 'Trạng thái']).commit();
      for (let i = s * per; i < Math.min(ROWS, (s + 1) * per); i++) {
        ws.addRow([
          communes[i % communes.length],
          `Mô hình “Dân vận khéo” số ${i + 1}`,
          FIELDS[i % 4],
          2016 + (i % 9),
          '150.000.000',
          'Đã hoàn thành',
        ]).commit();
      }
      ws.commit();
    }
    await writer.commit();
  }
  const bytes = fs.readFileSync(file);
  global.gc?.();
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  const before = process.memoryUsage().rss;

  const poll = async (id: string) => {
    for (;;) {
      const r = await officer.get(`/api/v1/imports/${id}`);
      if (!['queued', 'reading', 'confirmed', 'writing'].includes(r.body.state)) return r.body;
      await new Promise((ok) => setTimeout(ok, 250));
    }
  };
  const t0 = Date.now();
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)]), 'mo-hinh.xlsx');
  const sent = await fetch(`${srv.baseUrl}/api/v1/imports?kind=registrations`, {
    method: 'POST',
    body: form,
    headers: { cookie: officer.cookie!, origin: srv.baseUrl },
  });
  const job = (await sent.json()) as { id: string };
  const ready = await poll(job.id);
  const t1 = Date.now();
  const previewPeak = peak;
  const c = await officer.post(`/api/v1/imports/${job.id}/confirm`);
  if (c.status !== 202) {
    const bad = await officer.get(`/api/v1/imports/${job.id}/rows?action=rejected&pageSize=5`);
    throw new Error(JSON.stringify([c.body, bad.body.items.map((r: { problems: unknown }) => r.problems)]));
  }
  const done = await poll(job.id);
  const t2 = Date.now();
  clearInterval(sampler);
  const result = {
    engine: srv.engine,
    rows: ROWS,
    fileMB: Math.round((bytes.length / 1024 / 1024) * 10) / 10,
    previewSeconds: (t1 - t0) / 1000,
    commitSeconds: (t2 - t1) / 1000,
    counts: ready.counts,
    written: done.rowsWritten,
    state: done.state,
    rssBeforeMB: mb(before),
    rssPeakPreviewMB: mb(previewPeak),
    rssPeakCommitMB: mb(peak),
    node: process.version,
    cpus: os.cpus().length,
  };
  console.log(JSON.stringify(result, null, 2));
  await srv.close();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
