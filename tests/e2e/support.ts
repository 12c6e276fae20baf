import { expect, type Page } from '@playwright/test';

export const PASSPHRASE = 'quiet harbour lantern 7';

/** Creates a vault through the first-run screens and returns the recovery key shown once. */
export async function createVault(
	page: Page,
	{ name = 'Dr. Sam Rivera', passphrase = PASSPHRASE, url = '/' } = {}
): Promise<string> {
	await page.goto(url);
	await expect(page.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
	await page.getByLabel('Your name, as shown on this device').fill(name);
	await page.getByLabel('New passphrase').fill(passphrase);
	await page.getByLabel('Type it again').fill(passphrase);
	await page.getByRole('button', { name: 'Create vault' }).click();
	const key = page.getByTestId('recovery-key');
	await expect(key).toBeVisible({ timeout: 30_000 });
	const recoveryKey = (await key.textContent())!.trim();
	await page.getByLabel('I have saved my recovery key').check();
	await page.getByRole('button', { name: 'Continue to Tacit' }).click();
	await expect(page.getByTestId('vault-state')).toContainText('Unlocked');
	return recoveryKey;
}

export async function unlock(page: Page, passphrase = PASSPHRASE): Promise<void> {
	await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
	await page.getByRole('button', { name: 'Unlock' }).click();
	await expect(page.getByTestId('vault-state')).toContainText('Unlocked', { timeout: 30_000 });
}

/** Adds a client from the client list and waits for the profile page. */
export async function addClient(page: Page, name: string): Promise<string> {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
	await page.getByLabel('New client').fill(name);
	await page.getByRole('button', { name: 'Add client' }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	return new URL(page.url()).pathname.split('/').pop()!;
}

/** Starts a session for the open client, types content, and waits until it is saved. */
export async function addSession(page: Page, content: string): Promise<string> {
	await page.getByRole('button', { name: 'New session' }).click();
	await expect(page.getByLabel('Session content')).toBeVisible();
	await page.getByLabel('Session content').fill(content);
	await expectSaved(page);
	return new URL(page.url()).pathname.split('/').pop()!;
}

export async function expectSaved(page: Page): Promise<void> {
	await expect(page.getByTestId('save-status')).toHaveAttribute('data-state', 'saved');
}
