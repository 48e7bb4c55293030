/**
 * Debian's Chromium driven by playwright-core (no browser download). Every page opened through
 * the browser returned here reports what the Content-Security-Policy blocked; a browser test
 * fails when anything was (`expectNoPolicyViolations` after each test).
 */
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const MARK = '[csp-violation]';
const violations: string[] = [];

/** Reports each blocked load or inline code as a console error the test side reads. */
function reportViolations() {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(
      `[csp-violation] ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} on ${e.documentURI}${e.sample ? `: ${e.sample}` : ''}`,
    );
  });
}

async function watch(ctx: BrowserContext): Promise<BrowserContext> {
  await ctx.addInitScript(reportViolations);
  ctx.on('console', (msg) => {
    const text = msg.text();
    // Chromium's own words for a refused load, should the event not reach the page.
    if (text.startsWith(MARK) || (msg.type() === 'error' && /Content Security Policy/i.test(text))) violations.push(text);
  });
  return ctx;
}

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => watch(await newContext(options));
  // A page of its own context, closed with the page, as Browser.newPage does.
  browser.newPage = async (options) => {
    const ctx = await browser.newContext(options);
    const page = await ctx.newPage();
    page.once('close', () => void ctx.close().catch(() => {}));
    return page;
  };
  return browser;
}

/** What the Content-Security-Policy blocked since the last call; emptied by reading. */
export function takePolicyViolations(): string[] {
  return violations.splice(0);
}

/** For `afterEach`: the web app and the showcase must run under their security headers untouched. */
export function expectNoPolicyViolations() {
  expect(takePolicyViolations(), 'Content-Security-Policy violations').toEqual([]);
}

/** Signs in through the login page and waits until the app has left it (for the user's home page). */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(baseUrl + '/');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap'));
}
