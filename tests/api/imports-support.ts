/** Sending a sheet to the import and following the job, as the screen does. */
import { expect } from 'vitest';
import type { Client } from '../support/client.js';
import type { TestServer } from '../support/server.js';

export async function sendImport(srv: TestServer, c: Client, kind: string, name: string, bytes: Buffer | Uint8Array) {
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch(`${srv.baseUrl}/api/v1/imports?kind=${kind}`, {
    method: 'POST',
    body: form,
    headers: { cookie: c.cookie!, origin: srv.baseUrl },
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** Polls the job until it leaves the given states (reading, writing), as the screen's progress bar does. */
export async function settle(c: Client, id: string, timeoutMs = 300_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = await c.get(`/api/v1/imports/${id}`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    if (!['queued', 'reading', 'confirmed', 'writing'].includes(r.body.state)) return r.body;
    if (Date.now() > until) throw new Error(`import ${id} still ${r.body.state}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/** Uploads, waits for the preview, and answers it. */
export async function preview(srv: TestServer, c: Client, kind: string, name: string, bytes: Buffer | Uint8Array) {
  const sent = await sendImport(srv, c, kind, name, bytes);
  expect(sent.status, JSON.stringify(sent.body)).toBe(202);
  return settle(c, sent.body.id);
}

/** Confirms and waits for the writing to end. */
export async function confirm(c: Client, id: string) {
  const r = await c.post(`/api/v1/imports/${id}/confirm`);
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  return settle(c, id);
}

export async function rowsOf(c: Client, id: string, action?: string) {
  const r = await c.get(`/api/v1/imports/${id}/rows?pageSize=200${action ? `&action=${action}` : ''}`);
  expect(r.status).toBe(200);
  return r.body as { total: number; items: any[] };
}

export async function workbookBytes(build: (book: import('exceljs').Workbook) => void): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}
