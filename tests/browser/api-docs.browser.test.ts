/**
 * The browsable API page (/api/v1/docs, Swagger UI) renders under DVK's security headers: its
 * scripts, styles and images all load, and nothing is blocked by the Content-Security-Policy.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { expectNoPolicyViolations, launchChromium } from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';

let srv: TestServer;
let browser: Browser;

beforeAll(async () => {
  srv = await startTestServer({ seed: false, web: false });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await srv?.close();
});
afterEach(expectNoPolicyViolations);

describe('API documentation page', () => {
  it('shows the API title and its operations, with the security headers on', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const answer = await page.goto(srv.baseUrl + '/api/v1/docs');
    expect(answer?.status()).toBe(200);
    await expect.poll(() => page.locator('.swagger-ui .info .title').textContent(), { timeout: 30_000 }).toContain('DVK API');
    expect(await page.locator('.opblock-summary-path').filter({ hasText: '/api/v1/auth/login' }).count()).toBeGreaterThan(0);
    const docsAnswer = await page.request.get(srv.baseUrl + '/api/v1/docs/static/index.html');
    expect(docsAnswer.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.close();
  });
});
