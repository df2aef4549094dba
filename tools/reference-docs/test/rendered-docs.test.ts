// Opens the built reference page in Debian's Chromium, driven by playwright-core: the operation,
// its parameters and every error code must be on screen, and the page must not ask anything of
// the network beyond the loopback server that serves it.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const pagePath = join(packageDir, 'dist', 'index.html');
const screenshotDir = join(packageDir, 'screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where each platform error code must show up: the response tab of its HTTP status. */
const errorCodesByStatus = {
  queryUpgradeSubTask: { '400': ['120015', '123029'], '403': ['1010005', '1010009'], '404': ['123009'], '500': ['100001'] },
  authCalls: { '400': ['102202', '100247'] },
} as const;

let server: Server;
let origin: string;
let profileDir: string;
let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.`);
  const html = await readFile(pagePath);
  // The page routes with the URL hash, so one document at `/` is all the server has.
  server = createServer((request, response) => {
    if (request.url === '/' || request.url === '/index.html') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  profileDir = await mkdtemp(join(tmpdir(), 'reference-docs-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    viewport: { width: 1400, height: 1000 },
  });
  context.on('request', (request) => requests.push(request.url()));
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await page.getByRole('heading', { name: /OceanConnect Northbound API/ }).first().waitFor();
  await mkdir(screenshotDir, { recursive: true });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (profileDir) await rm(profileDir, { recursive: true, force: true });
});

/** Opens an operation from the sidebar, as a reader would; returns its middle (description) column. */
async function openOperation(tag: string, summary: string): Promise<Locator> {
  const sidebarEntry = page.getByRole('link', { name: new RegExp(`^${summary}`) }).first();
  if (!(await sidebarEntry.isVisible())) await page.getByText(tag, { exact: true }).first().click();
  await sidebarEntry.click();
  await page.getByRole('heading', { name: summary }).filter({ visible: true }).first().waitFor();
  // The page routes by hash (#/device-upgrade/queryupgradesubtask); each operation is a section.
  const sectionId = new URL(page.url()).hash.slice(1);
  return page.locator(`[data-section-id="${sectionId}"] [data-testid="middle-panel"]`);
}

/**
 * Clicks a status in the "Responses" tab list: its description, which names the status's error
 * codes (`120015`: the request is malformed. `123029`: ...), must be hidden before and on screen after.
 */
async function showResponse(operation: Locator, status: string, codes: readonly string[]): Promise<void> {
  const description = operation.getByText(new RegExp(codes.map((code) => `\\b${code}\\b`).join('[\\s\\S]*'))).filter({ visible: true });
  const tab = operation.locator('[role="tablist"][aria-label="Response status"]').getByRole('tab', { name: status, exact: true });
  if ((await tab.getAttribute('aria-selected')) !== 'true') expect(await description.count(), `${codes.join(', ')} before opening ${status}`).toBe(0);
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
  await description.first().waitFor({ timeout: 5_000 });
}

describe('the rendered reference page in Chromium', () => {
  it('shows the subtask query with its path, security and parameters', async () => {
    await openOperation('Device Upgrade', 'Query the subtasks of an upgrade task');
    expect(page.url()).toBe(`${origin}/#/device-upgrade/queryupgradesubtask`);
    await page.getByText('/iodm/northbound/v1.5.0/operations/{operationId}/subOperations').filter({ visible: true }).first().waitFor();
    for (const name of ['operationId', 'subOperationStatus', 'pageNo', 'pageSize']) {
      const parameter = page.getByText(name, { exact: true }).filter({ visible: true });
      expect(await parameter.count(), `parameter ${name}`).toBeGreaterThan(0);
    }
    expect(await page.getByText('appKey', { exact: true }).filter({ visible: true }).count()).toBeGreaterThan(0);
    expect(await page.getByText('accessToken', { exact: true }).filter({ visible: true }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshotDir, 'query-upgrade-subtask.png') });
  });

  it('shows every error code of the subtask query on its response tab', async () => {
    const operation = await openOperation('Device Upgrade', 'Query the subtasks of an upgrade task');
    for (const [status, codes] of Object.entries(errorCodesByStatus.queryUpgradeSubTask)) {
      await showResponse(operation, status, codes);
      if (status === '403') {
        await page.getByRole('heading', { name: 'Responses' }).first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(screenshotDir, 'query-upgrade-subtask-403.png') });
      }
    }
    // The response samples panel follows the tab: the 500 example body is on screen.
    await page.getByText('"100001"').filter({ visible: true }).first().waitFor();
  });

  it('shows the error codes of login and token refresh', async () => {
    const login = await openOperation('Application Security', 'Log in and get an access token');
    await showResponse(login, '400', errorCodesByStatus.authCalls['400']);
    await page.screenshot({ path: join(screenshotDir, 'login-400.png') });
    const refresh = await openOperation('Application Security', 'Refresh the access token');
    await showResponse(refresh, '400', errorCodesByStatus.authCalls['400']);
  });

  it('loaded nothing from outside loopback and logged no error', () => {
    const local = (url: string) => url.startsWith(`${origin}/`) || url.startsWith('blob:') || url.startsWith('data:');
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !local(url))).toEqual([]);
    expect(problems).toEqual([]);
  });
});
