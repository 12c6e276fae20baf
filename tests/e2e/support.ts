import { spawn, type ChildProcess } from 'node:child_process';
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
	// The strength estimate comes from its own worker: a word, not the length rule, once it answers.
	await expect(page.getByTestId('strength-hint')).toContainText(/^(Very weak|Weak|Fair|Strong|Very strong)\./);
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

/** Drafts the open session's note (the outline engine, no model here) and signs it. */
export async function draftAndSign(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Draft note' }).click();
	await expect(page.getByTestId('note-status')).toHaveText('✎ Draft');
	await expectSaved(page);
	await page.getByRole('button', { name: 'Sign…' }).click();
	await page.getByRole('button', { name: 'Sign note' }).click();
	await expect(page.getByTestId('note-status')).toHaveText('✓ Signed');
}

/** Records a signed Part 2 consent from the open (Part 2) client's page. */
export async function addConsent(
	page: Page,
	c: { information: string; recipient: string; purpose: string; signedBy: string; expiresOn?: string }
): Promise<void> {
	await page.getByRole('button', { name: 'Add consent' }).click();
	await page.getByLabel('Who may disclose').fill('Harbor Counseling');
	await page.getByLabel('Information to be disclosed').fill(c.information);
	await page.getByLabel('Recipients (one per line)').fill(c.recipient);
	await page.getByLabel('Purposes (one per line)').fill(c.purpose);
	await page.getByLabel('Expires on').fill(c.expiresOn ?? '2027-12-31');
	await page.getByLabel('Signed by').fill(c.signedBy);
	await page.getByLabel('Date signed').fill(new Date().toISOString().slice(0, 10));
	await page.getByRole('button', { name: 'Save consent' }).click();
}

export async function expectSaved(page: Page): Promise<void> {
	// The page's own save status comes first (the private-notes field has its own).
	await expect(page.getByTestId('save-status').first()).toHaveAttribute('data-state', 'saved');
}

/**
 * Another copy of the production server on its own port, which a test can stop (the network
 * going away) or point at other folders (TACIT_APP_DIR, TACIT_MODEL_DIR).
 */
export async function startPreviewServer(port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
	const server = spawn(
		process.execPath,
		['node_modules/vite/bin/vite.js', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
		{ stdio: 'ignore', env: { ...process.env, ...env } }
	);
	for (let i = 0; i < 100; i++) {
		if (await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false)) return server;
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill();
	throw new Error(`preview server on port ${port} did not start`);
}
