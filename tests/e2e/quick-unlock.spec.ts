import { chromium, expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appPort } from '../app-origin.mjs';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';
import { findInHeap, takeHeapSnapshot } from './heap';
import { createVault, PASSPHRASE, unlock } from './support';

/**
 * Quick unlock after a lock: a PIN with five tries, for this tab only (a new browser session
 * asks for the passphrase), and a passkey's PRF output, kept as a keyring wrap that survives
 * reloads. The passphrase stays the root. WebAuthn refuses IP addresses as relying parties, so
 * these tests use localhost.
 */
const origin = `http://localhost:${appPort}`;

async function lock(page: Page) {
	await page.getByRole('button', { name: 'Lock', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Unlock', exact: true })).toBeVisible();
}

async function turnOnPin(page: Page, pin: string) {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
	const panel = page.getByRole('form', { name: 'Quick unlock' });
	await panel.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
	await panel.getByLabel(/^New PIN/).fill(pin);
	await panel.getByLabel('PIN again').fill(pin);
	await panel.getByRole('button', { name: 'Use this PIN' }).click();
	await expect(panel.getByTestId('quick-unlock-status')).toContainText('PIN in this tab: on', { timeout: 30_000 });
}

test('a PIN reopens the vault after a lock; five wrong PINs leave only the passphrase', async ({ page }) => {
	await createVault(page, { url: `${origin}/` });
	await turnOnPin(page, '482913');
	await lock(page);
	// Armed and locked: the page holds a wrapped key, never the passphrase or the PIN.
	expect(findInHeap(await takeHeapSnapshot(page), [PASSPHRASE, '482913'])).toEqual([]);
	await page.getByLabel('PIN', { exact: true }).fill('482913');
	await page.getByRole('button', { name: 'Unlock with PIN' }).click();
	await expect(page.getByTestId('vault-state')).toContainText('Unlocked', { timeout: 30_000 });

	await lock(page);
	for (let left = 4; left >= 1; left--) {
		await page.getByLabel('PIN', { exact: true }).fill('000000');
		await page.getByRole('button', { name: 'Unlock with PIN' }).click();
		await expect(page.getByTestId('pin-attempts')).toContainText(`${left} ${left === 1 ? 'try' : 'tries'} left`, { timeout: 30_000 });
	}
	await page.getByLabel('PIN', { exact: true }).fill('000000');
	await page.getByRole('button', { name: 'Unlock with PIN' }).click();
	await expect(page.getByLabel('PIN', { exact: true })).toHaveCount(0, { timeout: 30_000 });
	await unlock(page);

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
	await expect(page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');
	await expect(page.locator('tbody tr[data-action="vault.unlock-failed"]')).toHaveCount(5);
	await expect(page.locator('tbody tr[data-action="vault.quick-unlock-on"]')).toHaveCount(1);
});

test('a passkey (virtual authenticator with PRF) reopens the vault after a lock and after a reload, until it is removed', async ({ page }) => {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('WebAuthn.enable');
	await cdp.send('WebAuthn.addVirtualAuthenticator', {
		options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, hasPrf: true }
	});
	await createVault(page, { url: `${origin}/` });
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
	const panel = page.getByRole('form', { name: 'Quick unlock' });
	await panel.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
	await panel.getByRole('button', { name: 'Use a passkey' }).click();
	await expect(panel.getByTestId('quick-unlock-status')).toContainText('Passkey: on', { timeout: 30_000 });
	await lock(page);
	await page.getByRole('button', { name: 'Unlock with passkey' }).click();
	await expect(page.getByTestId('vault-state')).toContainText('Unlocked', { timeout: 30_000 });

	// A reload locks; the passkey still opens the vault.
	await page.reload();
	await page.getByRole('button', { name: 'Unlock with passkey' }).click();
	await expect(page.getByTestId('vault-state')).toContainText('Unlocked', { timeout: 30_000 });

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
	await panel.getByRole('button', { name: 'Remove the passkey' }).click();
	await expect(panel.getByTestId('quick-unlock-status')).toContainText('Passkey: off');
	await lock(page);
	await expect(page.getByRole('button', { name: 'Unlock with passkey' })).toHaveCount(0);
	await expect(page.getByLabel('Passphrase', { exact: true })).toBeVisible();
});

test('a new browser session asks for the passphrase: the PIN is never stored', async () => {
	const profile = mkdtempSync(join(tmpdir(), 'tacit-quick-'));
	try {
		const launch = () => chromium.launchPersistentContext(profile, { executablePath: chromiumPath, args: chromiumArgs });
		let context = await launch();
		let page = context.pages()[0] ?? (await context.newPage());
		await createVault(page, { url: `${origin}/` });
		await turnOnPin(page, '482913');
		await lock(page);
		await expect(page.getByLabel('PIN', { exact: true })).toBeVisible();
		await context.close();

		context = await launch();
		page = context.pages()[0] ?? (await context.newPage());
		await page.goto(`${origin}/`);
		await expect(page.getByLabel('Passphrase', { exact: true })).toBeVisible();
		await expect(page.getByLabel('PIN', { exact: true })).toHaveCount(0);
		await unlock(page);
		await context.close();
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
});
