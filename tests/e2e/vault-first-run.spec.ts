import { expect, test } from '@playwright/test';
import { addClient, addSession, createVault, expectSaved, PASSPHRASE, unlock } from './support';

test('first run: create a vault, add a client and a session, reload, unlock, and everything is there', async ({ page }) => {
	const recoveryKey = await createVault(page);
	expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);

	await addClient(page, 'Jordan Avery');
	await page.getByLabel('Pronouns').fill('they/them');
	await page.getByLabel('Date of birth').fill('1990-04-12');
	await expectSaved(page);
	const sessionId = await addSession(page, 'Client described improved sleep since starting the wind-down routine.');

	await page.reload();
	await expect(page.getByLabel('Passphrase', { exact: true })).toBeVisible();
	// Locked: nothing clinical is on screen, even at the session's own address.
	await expect(page.getByText('Jordan Avery')).toHaveCount(0);
	await unlock(page);

	await expect(page).toHaveURL(new RegExp(`/sessions/${sessionId}$`));
	await expect(page.getByLabel('Session content')).toHaveValue(/improved sleep/);
	await page.getByRole('link', { name: /Jordan Avery/ }).first().click();
	await expect(page.getByLabel('Pronouns')).toHaveValue('they/them');
	await expect(page.getByLabel('Date of birth')).toHaveValue('1990-04-12');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
	await expect(page.getByRole('list', { name: 'All clients' })).toContainText('Jordan Avery');

	// Search runs on the in-memory index over names and session content.
	await page.getByLabel('Search clients and session content').fill('wind-down');
	await expect(page.getByRole('list', { name: 'Search results' })).toContainText('Jordan Avery');
	await expect(page.getByRole('list', { name: 'Search results' })).toContainText('1 matching session');
});

test('wrong passphrase: a clear message, nothing changed, and a failed-unlock audit entry', async ({ page }) => {
	await createVault(page);
	await addClient(page, 'Robin Hale');
	await page.getByRole('button', { name: 'Lock' }).click();

	await page.getByLabel('Passphrase', { exact: true }).fill('not my passphrase at all');
	await page.getByRole('button', { name: 'Unlock' }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('This passphrase does not open the vault. Nothing was changed.');
	await expect(alert).toHaveAttribute('data-error-code', 'vault/wrong-passphrase');
	await expect(page.getByTestId('vault-state')).toContainText('Locked');

	await unlock(page, PASSPHRASE);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
	await expect(page.getByRole('list', { name: 'All clients' })).toContainText('Robin Hale');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
	await expect(page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');
	const actions = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
	// Newest first: unlock, the failed attempt, the manual lock, then earlier events.
	expect(actions.slice(0, 3)).toEqual(['vault.unlock', 'vault.unlock-failed', 'vault.lock']);
});

test('the recovery key opens the vault and sets a new passphrase', async ({ page }) => {
	const recoveryKey = await createVault(page);
	await addClient(page, 'Casey Morgan');
	await page.getByRole('button', { name: 'Lock' }).click();

	await page.getByRole('button', { name: /Use the recovery key/ }).click();
	await page.getByLabel('Recovery key').fill(recoveryKey.toLowerCase());
	await page.getByLabel('Choose a new passphrase').fill('a whole new passphrase');
	await page.getByLabel('Type it again').fill('a whole new passphrase');
	await page.getByRole('button', { name: 'Open and set the new passphrase' }).click();
	await expect(page.getByTestId('vault-state')).toContainText('Unlocked', { timeout: 30_000 });
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
	await expect(page.getByRole('list', { name: 'All clients' })).toContainText('Casey Morgan');

	await page.getByRole('button', { name: 'Lock' }).click();
	await unlock(page, 'a whole new passphrase');
});

test('a new recovery key is shown once, retires the old one, and is audited', async ({ page }) => {
	const oldKey = await createVault(page);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
	const panel = page.getByRole('form', { name: 'Recovery key' });
	await panel.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
	await panel.getByRole('button', { name: 'New recovery key' }).click();
	const shown = panel.getByTestId('recovery-key');
	await expect(shown).toBeVisible({ timeout: 30_000 });
	const newKey = (await shown.textContent())!.trim();
	expect(newKey).not.toBe(oldKey);
	await panel.getByLabel('I have saved my recovery key').check();
	await panel.getByRole('button', { name: 'Done' }).click();
	// Shown once: gone from the screen, and the panel says the old key is retired.
	await expect(page.getByText(newKey)).toHaveCount(0);
	await expect(panel.getByRole('status')).toContainText('The old one is retired');

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
	await expect(page.locator('tbody tr[data-action="vault.recovery-key-replace"]')).toHaveCount(1);
	await expect(page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');

	await page.getByRole('button', { name: 'Lock' }).click();
	await page.getByRole('button', { name: /Use the recovery key/ }).click();
	await page.getByLabel('Recovery key').fill(oldKey);
	await page.getByLabel('Choose a new passphrase').fill('a whole new passphrase');
	await page.getByLabel('Type it again').fill('a whole new passphrase');
	await page.getByRole('button', { name: 'Open and set the new passphrase' }).click();
	await expect(page.getByRole('alert')).toContainText(/recovery key/i);
	await page.getByLabel('Recovery key').fill(newKey);
	await page.getByRole('button', { name: 'Open and set the new passphrase' }).click();
	await expect(page.getByTestId('vault-state')).toContainText('Unlocked', { timeout: 30_000 });
});

test('a client who leaves care is discharged, not deleted: read-only, out of the list, reopened in one step', async ({ page }) => {
	await createVault(page);
	await addClient(page, 'Morgan Lee');
	await addSession(page, 'Final session. Goals met.');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
	await page.getByRole('main').getByRole('link', { name: 'Morgan Lee', exact: true }).click();

	await page.getByRole('button', { name: 'Discharge…' }).click();
	await page.getByLabel('Reason (optional)').fill('Treatment goals met');
	await page.getByRole('button', { name: 'Discharge', exact: true }).click();
	await expect(page.getByTestId('discharge-status')).toContainText(/read-only and kept until \d{4}-\d{2}-\d{2}, 6 years after discharge/);
	await expect(page.getByLabel('Full name')).toBeDisabled();
	await expect(page.getByRole('button', { name: 'New session' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Delete permanently' })).toHaveCount(0);
	await expect(page.getByText('Permanent deletion becomes possible when the retention period ends.')).toBeVisible();
	// The sessions stay readable and exportable, not editable.
	await page.getByRole('list', { name: 'Sessions' }).getByRole('link').first().click();
	await expect(page.getByTestId('session-discharged')).toBeVisible();
	await expect(page.getByLabel('Session content')).toBeDisabled();
	await expect(page.getByLabel('Session content')).toHaveValue('Final session. Goals met.');
	await expect(page.getByRole('button', { name: 'Draft note' })).toHaveCount(0);

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
	await expect(page.getByRole('list', { name: 'All clients' })).not.toContainText('Morgan Lee');
	await page.getByText('Discharged (1)').click();
	await page.getByRole('list', { name: 'Discharged clients' }).getByRole('link', { name: 'Morgan Lee' }).click();
	await page.getByRole('button', { name: 'Reopen the record' }).click();
	await expect(page.getByLabel('Full name')).toBeEnabled();
	await expect(page.getByRole('button', { name: 'New session' })).toBeVisible();

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
	await expect(page.locator('tbody tr[data-action="client.discharge"]')).toHaveCount(1);
	await expect(page.locator('tbody tr[data-action="client.reopen"]')).toHaveCount(1);
});

test('after the retention period a discharged client can be deleted, with the name typed and the passphrase', async ({ page }) => {
	await createVault(page);
	await addClient(page, 'Dana Old');
	await page.getByRole('button', { name: 'Discharge…' }).click();
	await page.getByLabel('Date of discharge').fill('2019-01-02');
	await page.getByRole('button', { name: 'Discharge', exact: true }).click();
	await expect(page.getByTestId('discharge-status')).toContainText('kept until 2025-01-02');

	await page.getByRole('button', { name: 'Delete client…' }).click();
	await page.getByLabel('Type the client’s full name to confirm').fill('Dana Old');
	await page.getByLabel('Your passphrase').fill('not the passphrase at all');
	await page.getByRole('button', { name: 'Delete permanently' }).click();
	await expect(page.getByRole('alert')).toContainText(/passphrase/i);
	await expect(page.getByRole('heading', { level: 1, name: 'Dana Old' })).toBeVisible();

	await page.getByLabel('Your passphrase').fill(PASSPHRASE);
	await page.getByRole('button', { name: 'Delete permanently' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
	await expect(page.getByRole('main')).not.toContainText('Dana Old');
});
