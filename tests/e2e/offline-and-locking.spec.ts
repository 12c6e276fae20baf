import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { addClient, addSession, createVault, expectSaved, startPreviewServer, unlock } from './support';

const OFFLINE_PORT = 4174;
const UPDATE_PORT = 4175;

test('offline: after the first visit, a deep link loads with the server gone, unlocks, and shows the session', async ({
	page
}) => {
	const server = await startPreviewServer(OFFLINE_PORT);
	const base = `http://127.0.0.1:${OFFLINE_PORT}`;
	try {
		await createVault(page, { url: `${base}/` });
		await page.evaluate(() => navigator.serviceWorker.ready);
		await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
		await addClient(page, 'Offline Client');
		const sessionId = await addSession(page, 'Worked on a grounding exercise; will practise daily.');
		// Visit the other screens once while online, so nothing below depends on first-time caching.
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
		await page.getByRole('button', { name: 'Lock' }).click();

		// The network goes away: the server is stopped, so only the service worker can answer.
		server.kill();
		await expect
			.poll(() => fetch(`${base}/`).then(() => 'up', () => 'down'))
			.toBe('down');

		await page.goto(`${base}/sessions/${sessionId}`);
		await unlock(page);
		await expect(page.getByLabel('Session content')).toHaveValue(/grounding exercise/);
	} finally {
		server.kill();
	}
});

test('auto-lock: after the configured idle time the vault locks and the screen is cleared', async ({ page }) => {
	await page.clock.install();
	await createVault(page);
	await addClient(page, 'Idle Client');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
	await page.getByLabel('Lock after this many minutes without activity').fill('1');
	await page.getByRole('form', { name: 'Automatic lock' }).getByRole('button', { name: 'Save' }).click();
	await expect(page.getByText('Tacit locks after 1 minute without activity.')).toBeVisible();
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
	await expect(page.getByText('Idle Client')).toBeVisible();

	await page.clock.fastForward('00:30');
	await expect(page.getByTestId('vault-state')).toContainText('Unlocked');
	await page.clock.fastForward('00:40');
	await expect(page.getByTestId('lock-reason')).toContainText('after a period without activity');
	await expect(page.getByText('Idle Client')).toHaveCount(0);
	await expect(page.getByLabel('Passphrase', { exact: true })).toBeVisible();

	// The setting is kept with the profile.
	await unlock(page);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
	await expect(page.getByLabel('Lock after this many minutes without activity')).toHaveValue('1');
});

test('locking in one tab locks every open tab', async ({ context }) => {
	const first = await context.newPage();
	await createVault(first);
	await addClient(first, 'Two Tabs');
	const second = await context.newPage();
	await second.goto('/clients');
	await unlock(second);
	await expect(second.getByText('Two Tabs')).toBeVisible();

	await first.getByRole('button', { name: 'Lock' }).click();
	await expect(second.getByTestId('lock-reason')).toContainText('locked in another tab');
	await expect(second.getByText('Two Tabs')).toHaveCount(0);
	await expect(first.getByTestId('vault-state')).toContainText('Locked');
});

test('tab closed mid-typing: text typed a second before closing is there after reopening', async ({ context }) => {
	const page = await context.newPage();
	await createVault(page);
	await addClient(page, 'Closing Tab');
	const sessionId = await addSession(page, 'First paragraph.');

	const editor = page.getByLabel('Session content');
	await editor.press('End');
	await editor.pressSequentially(' Client reported a panic attack on Tuesday.', { delay: 10 });
	await page.waitForTimeout(1000);
	await editor.pressSequentially(' And then', { delay: 10 });
	await page.close({ runBeforeUnload: true });

	const reopened = await context.newPage();
	await reopened.goto(`/sessions/${sessionId}`);
	await unlock(reopened);
	await expect(reopened.getByLabel('Session content')).toHaveValue(/First paragraph\. Client reported a panic attack on Tuesday\./);
	await expectSaved(reopened);
});

test('update: a new release shows "A new version is ready" and Reload switches to it', async ({ page }) => {
	const dir = mkdtempSync(join(tmpdir(), 'tacit-update-'));
	cpSync('build', dir, { recursive: true });
	const server = await startPreviewServer(UPDATE_PORT, { TACIT_APP_DIR: dir });
	const base = `http://127.0.0.1:${UPDATE_PORT}`;
	try {
		await page.goto(`${base}/`);
		await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
		await expect(page.getByText('A new version is ready')).toHaveCount(0);
		const firstScript = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);

		// Publish a new release: the service worker file changes.
		appendFileSync(join(dir, 'sw.js'), '\n// next release\n');
		await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
		await expect(page.getByText('A new version is ready')).toBeVisible();
		await page.evaluate(() => ((window as unknown as { beforeReload: boolean }).beforeReload = true));

		await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
		expect(await page.evaluate(() => (window as unknown as { beforeReload?: boolean }).beforeReload ?? false)).toBe(false);
		await expect(page.getByText('A new version is ready')).toHaveCount(0);
		const active = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.active!.scriptURL);
		expect(active).toBe(firstScript);
		expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !r!.waiting))).toBe(true);
	} finally {
		server.kill();
		rmSync(dir, { recursive: true, force: true });
	}
});
