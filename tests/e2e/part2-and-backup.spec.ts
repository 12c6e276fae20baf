import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { pdfText } from '../export-readers';
import { PASSPHRASE, addClient, addConsent, addSession, createVault, draftAndSign, expectSaved } from './support';

const RECIPIENT = 'Dr. Lee, Harbor Recovery Clinic';

async function fillDisclosure(page: Page, recipient: string, purpose: string) {
	await page.getByLabel('Recipient', { exact: true }).fill(recipient);
	await page.getByLabel('Purpose', { exact: true }).fill(purpose);
}

async function auditActions(page: Page): Promise<string[]> {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
	await expect(page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');
	return page.locator('tbody tr[data-action]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')!));
}

test('a Part 2 note is refused without consent, then disclosed with the notice once a consent covers it, and the disclosure is in the accounting', async ({ page }) => {
	await createVault(page);
	await addClient(page, 'Casey Morgan');
	await page.getByLabel('Substance use disorder records protected by 42 CFR Part 2').check();
	await expectSaved(page);
	await expect(page.getByTestId('part2-label')).toBeVisible();
	await addSession(page, 'Client reports 30 days without alcohol. We reviewed coping plans for weekends.');
	await expect(page.getByTestId('part2-label')).toBeVisible();
	await draftAndSign(page);

	// The browser's own Print does not bypass the gate: the record is hidden on paper.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByLabel('Session content')).toBeHidden();
	await page.emulateMedia({ media: 'screen' });
	await expect(page.getByLabel('Session content')).toBeVisible();

	let downloads = 0;
	page.on('download', () => downloads++);
	await page.getByRole('button', { name: 'PDF', exact: true }).click();
	await fillDisclosure(page, RECIPIENT, 'Treatment');
	await page.getByRole('button', { name: 'Disclose and export' }).click();
	await expect(page.getByTestId('disclosure-refused')).toContainText('Nothing left this device');
	expect(downloads).toBe(0);

	// Record a consent that names the recipient and the purpose.
	await page.getByRole('link', { name: '← Casey Morgan' }).click();
	await addConsent(page, { information: 'Progress notes and treatment plans', recipient: RECIPIENT, purpose: 'Treatment', signedBy: 'Casey Morgan' });
	await expect(page.getByText(RECIPIENT).first()).toBeVisible();

	await page.getByRole('list', { name: 'Sessions' }).getByRole('link').first().click();
	await expect(page.getByTestId('note-status')).toHaveText('✓ Signed');
	await page.getByRole('button', { name: 'PDF', exact: true }).click();
	await fillDisclosure(page, RECIPIENT, 'Treatment');
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Disclose and export' }).click()]);
	const { text } = await pdfText(new Uint8Array(readFileSync((await file.path())!)));
	const flat = text.replace(/\s+/g, ' ');
	expect(flat).toContain('NOTICE: 42 CFR PART 2');
	expect(flat).toContain('protected by Federal confidentiality rules (42 CFR part 2)');
	expect(flat).toContain(RECIPIENT);
	expect(flat).toContain('30 days without alcohol');

	await page.getByRole('link', { name: '← Casey Morgan' }).click();
	const accounting = page.getByRole('table', { name: 'Disclosures in the past three years' });
	await expect(accounting).toContainText(RECIPIENT);
	await expect(accounting).toContainText('Treatment');

	const actions = await auditActions(page);
	expect(actions).toContain('record.disclose');
	await expect(page.getByTestId('disclosure-log')).toContainText(RECIPIENT);
});

test('a backup restored in a fresh browser with the recovery key brings back every client, session, note and audit entry', async ({ page, browser }) => {
	const recoveryKey = await createVault(page);
	await addClient(page, 'Jordan Vale');
	await addSession(page, 'Client described a steadier week at work.');
	await draftAndSign(page);
	const before = await auditActions(page);

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup' }).click()]);
	expect(file.suggestedFilename()).toMatch(/^tacit-backup-\d{4}-\d{2}-\d{2}\.tacitbackup$/);
	const backupPath = (await file.path())!;
	expect(readFileSync(backupPath).includes(Buffer.from('Jordan Vale'))).toBe(false);

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	await other.goto('/');
	await expect(other.getByRole('heading', { name: 'Create your vault' })).toBeVisible();
	await other.getByRole('button', { name: 'Restore from a backup file' }).click();
	await other.getByLabel('Backup file').setInputFiles(backupPath);
	await other.getByLabel('The recovery key').check();
	await other.getByLabel('Recovery key', { exact: true }).fill(recoveryKey);
	await other.getByLabel('Choose a new passphrase').fill(`${PASSPHRASE} again`);
	await other.getByLabel('Type it again').fill(`${PASSPHRASE} again`);
	await other.getByRole('button', { name: 'Restore', exact: true }).click();
	await expect(other.getByTestId('vault-state')).toContainText('Unlocked', { timeout: 30_000 });
	await expect(other.getByTestId('restore-summary')).toContainText('Restored from the backup');

	await other.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
	await expect(other.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
	await other.getByRole('main').getByRole('link', { name: 'Jordan Vale', exact: true }).click();
	await other.getByRole('list', { name: 'Sessions' }).getByRole('link').first().click();
	await expect(other.getByLabel('Session content')).toHaveValue('Client described a steadier week at work.');
	await expect(other.getByTestId('note-status')).toHaveText('✓ Signed');

	const after = await auditActions(other);
	// Every entry the trail had when the backup was made is there (newest first), then the restore.
	expect(after.slice(-before.length)).toEqual(before);
	expect(after[0]).toBe('backup.restore');
	await fresh.close();
});
