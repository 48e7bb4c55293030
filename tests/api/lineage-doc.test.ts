import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { LINEAGE_DOC_PATH, renderLineageDoc } from '../../scripts/lineage-diagram.js';
import { startTestServer, type TestServer } from '../support/server.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ web: false });
});
afterAll(async () => {
  await srv?.close();
});

describe('docs/LINEAGE.md', () => {
  it('is what `npm run docs:lineage` writes from the demo data: run it after changing the demo’s reorganised area', async () => {
    expect(fs.readFileSync(LINEAGE_DOC_PATH, 'utf8')).toBe(await renderLineageDoc(srv.db.pool));
  });
});
