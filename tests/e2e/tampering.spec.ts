import { expect, test, type Page } from '@playwright/test';
import { addClient, addConsent, addSession, createVault, draftAndSign, expectSaved, unlock } from './support';

/**
 * Someone with the disk in hand changes stored ciphertext. Whatever kind of record it was, the
 * clinician is told which record failed, everything else keeps working, no error goes uncaught,
 * and nothing offers to write a replacement over the damaged record.
 */
type Tamper = { table: string; how: 'flip' | 'truncate' } | { table: string; how: 'moved-from'; from: string };

/** Changes the stored envelope of every row of each table, in the page's own IndexedDB. */
async function tamper(page: Page, changes: Tamper[]) {
	await page.evaluate(async (changes) => {
		const name = (await indexedDB.databases()).find((d) => d.name?.startsWith('tacit-vault-'))!.name!;
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const req = indexedDB.open(name);
			req.onsuccess = () => resolve(req.result);
			req.onerror = () => reject(req.error);
		});
		const request = <T>(req: IDBRequest<T>) =>
			new Promise<T>((resolve, reject) => {
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
		for (const change of changes) {
			const tables = change.how === 'moved-from' ? [change.table, change.from] : [change.table];
			const tx = db.transaction(tables, 'readwrite');
			const store = tx.objectStore(change.table);
			const rows = await request(store.getAll());
			const donor = change.how === 'moved-from' ? (await request(tx.objectStore(change.from).getAll()))[0] : null;
			for (const row of rows) {
				let env: ArrayBuffer;
				if (change.how === 'flip') {
					const bytes = new Uint8Array(row.env.slice(0));
					bytes[bytes.length - 1]! ^= 0xff;
					env = bytes.buffer;
				} else if (change.how === 'truncate') {
					env = row.env.slice(0, Math.floor(row.env.byteLength / 2));
				} else {
					// A valid ciphertext of another record, sealed with the same key.
					env = donor.env;
				}
				await request(store.put({ ...row, env }));
			}
		}
		db.close();
	}, changes);
}

function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	return errors;
}

async function openClient(page: Page, name: string) {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
	await page.getByRole('main').getByRole('link', { name, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('a signed note with one byte flipped is named on screen, and no replacement draft is offered until the clinician chooses', async ({ page }) => {
	const errors = watchErrors(page);
	await createVault(page);
	await addClient(page, 'Avery Stone');
	await addSession(page, 'Client reported better sleep after the wind-down routine. We agreed to keep it.');
	await draftAndSign(page);
	await page.getByRole('button', { name: 'Lock' }).click();
	await tamper(page, [{ table: 'notes', how: 'flip' }]);

	await unlock(page);
	await expect(page.getByTestId('note-damaged')).toBeVisible();
	await expect(page.getByTestId('note-damaged')).toContainText('failed its integrity check');
	await expect(page.getByRole('button', { name: 'Draft note' })).toHaveCount(0);
	const banner = page.getByTestId('unreadable-records');
	await expect(banner).toContainText('One stored record failed the integrity check');
	await banner.getByText('Which records').click();
	await expect(banner).toContainText('Progress note');
	// The session itself is untouched.
	await expect(page.getByLabel('Session content')).toHaveValue(/wind-down routine/);

	await page.getByRole('button', { name: 'Write a new note anyway' }).click();
	await expect(page.getByRole('button', { name: 'Draft note' })).toBeVisible();
	expect(errors).toEqual([]);
});

test('every other kind of record fails the same way: named, the rest intact, nothing uncaught', async ({ page }) => {
	test.setTimeout(120_000);
	const errors = watchErrors(page);
	await createVault(page);
	await addClient(page, 'Robin Vale');
	await page.getByLabel('Substance use disorder records protected by 42 CFR Part 2').check();
	await expectSaved(page);

	await addConsent(page, { information: 'Progress notes', recipient: 'Dr. Lee', purpose: 'Treatment', signedBy: 'Robin Vale' });
	await expect(page.locator('li[data-status="valid"]')).toBeVisible();

	await page.getByLabel('Questionnaire', { exact: true }).selectOption('gad7');
	await page.getByRole('link', { name: 'Enter answers' }).click();
	for (let i = 0; i < 7; i++) {
		await page.getByRole('group', { name: new RegExp(`^${i + 1}\\. `) }).getByRole('radio', { name: 'Several days', exact: true }).check();
	}
	await page.getByRole('button', { name: 'Save answers' }).click();
	await expect(page.getByTestId('score-summary')).toBeVisible();

	await openClient(page, 'Robin Vale');
	await page.getByRole('button', { name: 'New treatment plan' }).click();
	await expect(page.getByTestId('plan-status')).toContainText(/version 1/i);

	await openClient(page, 'Robin Vale');
	await page.getByTestId('safety-plan-summary').getByRole('link', { name: 'Open the safety plan' }).click();
	await page.getByLabel('Add a warning sign', { exact: true }).fill('I stop answering my phone');
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.getByRole('listitem').filter({ hasText: 'I stop answering my phone' })).toBeVisible();

	await openClient(page, 'Robin Vale');
	await page.getByRole('link', { name: 'All worksheets and letters' }).click();
	await page.getByLabel('New letter').selectOption({ label: 'Attendance letter' });
	await page.getByRole('button', { name: 'Create letter' }).click();
	await expect(page.getByTestId('client-document-status')).toBeVisible();

	await openClient(page, 'Robin Vale');
	await addSession(page, 'Client reported steadier weeks at work.');
	await page.getByText('Psychotherapy notes (private)').click();
	await page.getByLabel('Psychotherapy notes').fill('Process: felt protective of the client today.');
	await expectSaved(page);
	// A disclosure under the consent, for the disclosure log.
	await draftAndSign(page);
	await page.getByRole('button', { name: 'PDF', exact: true }).click();
	await page.getByLabel('Recipient', { exact: true }).fill('Dr. Lee');
	await page.getByLabel('Purpose', { exact: true }).fill('Treatment');
	await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Disclose and export' }).click()]);

	await page.getByRole('button', { name: 'Lock' }).click();
	await tamper(page, [
		{ table: 'privateNotes', how: 'truncate' },
		{ table: 'plans', how: 'flip' },
		{ table: 'assessments', how: 'truncate' },
		{ table: 'consents', how: 'flip' },
		{ table: 'safetyPlans', how: 'moved-from', from: 'plans' },
		{ table: 'clientDocuments', how: 'moved-from', from: 'sessions' },
		{ table: 'disclosures', how: 'flip' }
	]);
	await unlock(page);

	// The session page: the private note says it is damaged and offers no empty field in its place.
	await expect(page.getByLabel('Session content')).toHaveValue(/steadier weeks/);
	await expect(page.getByTestId('private-note-damaged')).toContainText('failed its integrity check');
	await expect(page.getByLabel('Psychotherapy notes')).toHaveCount(0);
	await expect(page.getByTestId('note-status')).toHaveText('✓ Signed');

	// The client page: the profile and the rest are there; the banner names every damaged record.
	await openClient(page, 'Robin Vale');
	await expect(page.getByLabel('Full name')).toHaveValue('Robin Vale');
	await page.getByTestId('safety-plan-summary').getByRole('link', { name: 'Open the safety plan' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'integrity check' }).first()).toBeVisible();
	await openClient(page, 'Robin Vale');
	await page.getByRole('link', { name: 'All worksheets and letters' }).click();
	await openClient(page, 'Robin Vale');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today', exact: true }).click();
	// The compliance page still shows the audit trail and its check beside a damaged log entry.
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
	await expect(page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');

	const banner = page.getByTestId('unreadable-records');
	await expect(banner).toContainText('7 stored records failed the integrity check');
	await banner.getByText('Which records').click();
	for (const kind of ['Psychotherapy note', 'Treatment plan', 'Questionnaire', 'Part 2 consent', 'Safety plan', 'Worksheet or letter', 'Disclosure record']) {
		await expect(banner).toContainText(kind);
	}
	expect(errors).toEqual([]);
});
