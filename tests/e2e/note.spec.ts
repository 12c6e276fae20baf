import { expect, test } from '@playwright/test';
import { addClient, addSession, createVault, unlock } from './support';

test('draft a DAP note with the outline, edit, sign, and after a reload it is read-only and takes an addendum', async ({ page }) => {
	await createVault(page);
	await addClient(page, 'Avery Lane');
	await addSession(
		page,
		'Client: I slept better this week. Therapist: We practised a breathing exercise. Client was receptive. Plan: continue the breathing homework daily.'
	);

	await page.getByLabel('Format').selectOption('DAP');
	await page.getByRole('button', { name: 'Draft note' }).click();
	await expect(page.getByTestId('note-status')).toHaveText('✎ Draft');
	await expect(page.getByLabel('Data', { exact: true })).toHaveValue(/I slept better this week\./);
	await expect(page.getByLabel('Plan', { exact: true })).toHaveValue(/breathing homework/);

	await page.getByLabel('Assessment', { exact: true }).fill('Sleep is improving with the breathing routine.');
	await page.getByLabel('Risk assessment').selectOption('Assessed: no risk indicators');
	await page.getByLabel('Next appointment').fill('Next Tuesday 10:00');
	await page.getByRole('button', { name: 'Sign…' }).click();
	await page.getByRole('button', { name: 'Sign note' }).click();
	await expect(page.getByTestId('note-status')).toHaveText('✓ Signed');
	await expect(page.getByTestId('signature')).toContainText('Signed by Dr. Sam Rivera');

	const url = page.url();
	await page.reload();
	await unlock(page);
	await expect(page).toHaveURL(url);
	await expect(page.getByTestId('section-assessment')).toHaveText('Sleep is improving with the breathing routine.');
	await expect(page.getByTestId('note-details')).toContainText('Assessed: no risk indicators');
	await expect(page.getByTestId('note-details')).toContainText('Next Tuesday 10:00');
	// Read-only: no editable section fields and no way to draft over it.
	await expect(page.getByLabel('Assessment', { exact: true })).toHaveCount(0);
	await expect(page.getByRole('button', { name: /Draft/ })).toHaveCount(0);

	await page.getByLabel('Add a dated addendum').fill('Client called: sleep remained good over the weekend.');
	await page.getByRole('button', { name: 'Add addendum' }).click();
	await expect(page.getByText('sleep remained good over the weekend')).toBeVisible();

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
	// The trail and its check load together: wait for the check before reading the rows.
	await expect(page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');
	const actions = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
	// Newest first: the addendum, the unlock after the reload, and the signature before it.
	const noteEvents = actions.filter((a) => a === 'note.addendum' || a === 'note.sign' || a === 'vault.unlock');
	expect(noteEvents.slice(0, 3)).toEqual(['note.addendum', 'vault.unlock', 'note.sign']);
});

test('psychotherapy notes are kept apart from the progress note', async ({ page }) => {
	await createVault(page);
	await addClient(page, 'Blake Moss');
	await addSession(page, 'Client reported a calmer week.');
	await page.getByText('Psychotherapy notes (private)').click();
	await page.getByLabel('Psychotherapy notes').fill('My own process impressions.');
	await page.getByRole('button', { name: 'Draft note' }).click();
	await expect(page.getByLabel('Subjective', { exact: true })).toBeVisible();
	const note = await page.locator('.note').textContent();
	expect(note).not.toContain('process impressions');
	for (const field of await page.locator('.note textarea').all()) {
		expect(await field.inputValue()).not.toContain('process impressions');
	}
});

test('a practice format added in Settings is offered for drafting and shapes the note', async ({ page }) => {
	await createVault(page);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
	await page.getByLabel('Format name').fill('Brief check-in');
	await page.getByLabel(/Sections, one per line/).fill('Update: What changed since last time\nNext steps: What was agreed');
	await page.getByRole('button', { name: 'Add format' }).click();
	await expect(page.getByTestId('practice-formats')).toContainText('Brief check-in: Update, Next steps');

	await addClient(page, 'Quinn Parker');
	await addSession(page, 'Client reports a calmer week at work. Plan: we will meet again next week.');
	await page.getByLabel('Format').selectOption({ label: 'Brief check-in' });
	await page.getByRole('button', { name: 'Draft note' }).click();
	await expect(page.getByLabel('Update', { exact: true })).toBeVisible();
	await expect(page.getByLabel('Next steps', { exact: true })).toBeVisible();
	await expect(page.getByLabel('Subjective', { exact: true })).toHaveCount(0);
});

test('Today lists a drafted note that is not signed yet, and signing takes it off the list', async ({ page }) => {
	await createVault(page);
	await addClient(page, 'Dana Frost');
	await addSession(page, 'Client described a calmer week and practised breathing.');
	await page.getByRole('button', { name: 'Draft note' }).click();
	await expect(page.getByTestId('note-status')).toHaveText('✎ Draft');
	const session = new URL(page.url()).pathname;

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today', exact: true }).click();
	const drafts = page.getByTestId('unsigned-drafts');
	await expect(drafts).toContainText('Progress note · Dana Frost');
	await drafts.getByRole('link', { name: 'Progress note · Dana Frost' }).click();
	await expect(page).toHaveURL(new RegExp(`${session}$`));
	await page.getByRole('button', { name: 'Sign…' }).click();
	await page.getByRole('button', { name: 'Sign note' }).click();
	await expect(page.getByTestId('note-status')).toHaveText('✓ Signed');

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today', exact: true }).click();
	await expect(page.getByText('No unsigned drafts.')).toBeVisible();
});
