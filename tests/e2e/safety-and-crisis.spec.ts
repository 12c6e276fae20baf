import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { appOrigin } from '../app-origin.mjs';
import { pdfText } from '../export-readers';
import { addClient, addConsent, addSession, createVault } from './support';

/** Every request the page makes, so a test can prove none left the app's origin. */
function watchOrigins(page: Page): string[] {
	const foreign: string[] = [];
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.protocol === 'data:' || url.protocol === 'blob:') return;
		if (url.origin !== appOrigin) foreign.push(url.href);
	});
	return foreign;
}

async function seriousViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).include('main').analyze();
	return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

async function auditActions(page: Page): Promise<string[]> {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
	await expect(page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');
	return page.locator('tbody tr[data-action]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')!));
}

const STEPS = [
	['C-SSRS screener completed', 'Screened: yes to questions 1 and 2 only; low risk.'],
	['Risk formulation documented', 'Passive thoughts, no plan or intent; protective factors: daughter, work.'],
	['Safety plan created or reviewed', 'Built a safety plan together today.'],
	['Lethal-means counselling done', 'No firearms at home; medications kept by partner.'],
	['Consultation or supervisor informed', 'Discussed with supervisor Dr. Ames at 15:10.'],
	['Emergency services contacted, if needed', 'Not needed: client is safe at home with partner tonight.'],
	['Follow-up scheduled', 'Phone check-in tomorrow at 10:00; session Friday.']
] as const;

test('a PHQ-9 with item 9 above 0 opens the crisis protocol; each step is time-stamped into the audit trail; no request leaves the origin', async ({ page }) => {
	const foreign = watchOrigins(page);
	await createVault(page);
	await addClient(page, 'Riley Shore');
	await addSession(page, 'Client said some days she feels it would be easier not to wake up.');
	await page.getByLabel('Questionnaire', { exact: true }).selectOption('phq9');
	await page.getByRole('link', { name: 'Enter answers' }).click();
	const labels = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];
	const values = [2, 2, 1, 1, 1, 1, 1, 1, 1];
	for (let i = 0; i < 9; i++) {
		await page.getByRole('group', { name: new RegExp(`^${i + 1}\\. `) }).getByRole('radio', { name: labels[values[i]!]!, exact: true }).check();
	}
	await page.getByRole('button', { name: 'Save answers' }).click();
	await expect(page.getByTestId('risk-finding')).toBeVisible();

	await page.getByTestId('score-summary').getByRole('link', { name: 'Open the crisis protocol' }).click();
	await expect(page.getByText('Tacit never contacts anyone.')).toBeVisible();
	await expect(page.getByTestId('crisis-status')).toHaveText(/Open/);
	expect(await seriousViolations(page)).toEqual([]);

	for (const [label, note] of STEPS) {
		await page.getByLabel(`Note for ${label}`).fill(note);
		await page.getByRole('button', { name: `Mark done: ${label}` }).click();
	}
	for (const id of ['cssrs', 'risk-formulation', 'safety-plan', 'lethal-means', 'consultation', 'emergency-services', 'follow-up']) {
		await expect(page.getByTestId(`crisis-step-${id}`)).toHaveAttribute('data-done', 'true');
	}
	await page.getByRole('button', { name: 'Draft risk assessment note' }).click();
	await expect(page.getByRole('textbox', { name: 'Risk assessment note' })).toHaveValue(/medications kept by partner/);
	await page.getByRole('button', { name: 'Complete protocol' }).click();
	await expect(page.getByTestId('crisis-status')).toHaveText(/Completed/);

	const actions = await auditActions(page);
	expect(actions.filter((a) => a === 'crisis.step')).toHaveLength(7);
	expect(actions).toContain('crisis.open');
	expect(actions).toContain('crisis.complete');
	expect(actions).toContain('risk.review');
	expect(foreign).toEqual([]);
});

test.describe('on a tablet', () => {
	test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true });

	test('a safety plan is built one step per screen, signed, and exported as a one-page handout with 988', async ({ page }) => {
		const foreign = watchOrigins(page);
		await createVault(page);
		await addClient(page, 'Sky Porter');
		await page.getByTestId('safety-plan-summary').getByRole('link', { name: 'Open the safety plan' }).click();
		await expect(page.getByTestId('safety-plan-status')).toHaveText(/Draft/);
		expect(await seriousViolations(page)).toEqual([]);

		const add = async (label: string, text: string, contact?: string) => {
			await page.getByLabel(label, { exact: true }).fill(text);
			if (contact) await page.getByLabel('Phone or how to reach them').fill(contact);
			await page.getByRole('button', { name: 'Add', exact: true }).click();
			await expect(page.getByRole('listitem').filter({ hasText: text })).toBeVisible();
		};
		const next = () => page.getByRole('button', { name: 'Next', exact: true }).click();

		await add('Add a warning sign', 'I stop answering my phone');
		await next();
		await add('Add something I can do on my own', 'Walk the dog around the park');
		await next();
		await add('Add a person or place', 'The library on Main Street');
		await next();
		await add('Add a person I can ask for help', 'My sister Maddie', '555-0142');
		await next();
		await expect(page.getByText(/988/).first()).toBeVisible();
		await add('Add a professional', 'Harbor Clinic front desk', '555-0100');
		await next();
		await add('Add a way to make my surroundings safer', 'Maddie keeps my extra medication');
		await next();
		await add('Add a reason for living', 'Seeing my nephew grow up');
		await next();
		await expect(page.getByText(/Step 7 of 7|Review and sign/).first()).toBeVisible();
		await page.getByRole('button', { name: 'Sign safety plan' }).click();
		await expect(page.getByTestId('safety-plan-status')).toHaveText(/Signed/);
		expect(await seriousViolations(page)).toEqual([]);

		const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Handout PDF (one page)' }).click()]);
		const { pages, text } = await pdfText(new Uint8Array(readFileSync((await file.path())!)));
		expect(pages).toBe(1);
		expect(text).toContain('988');
		expect(text).toContain('Walk the dog around the park');
		expect(foreign).toEqual([]);
	});
});

test('a worksheet is drafted with its reading level; a Part 2 client’s letter is refused without consent and carries the notice once one covers it', async ({ page }) => {
	const foreign = watchOrigins(page);
	await createVault(page);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
	await page.getByLabel('Practice name').fill('Harbor Counseling');
	await page.getByLabel('Practice phone').fill('555-0199');
	await page.getByLabel('Practice address').fill('12 Quay Street, Portland');
	await page.getByRole('button', { name: 'Save practice settings' }).click();
	await expect(page.getByText('Saved.')).toBeVisible();

	await addClient(page, 'Alex Rowe');
	await page.getByLabel('Substance use disorder records protected by 42 CFR Part 2').check();
	await addSession(page, 'Client attended and practised grounding with the 5-4-3-2-1 exercise. Homework: use it twice a day.');
	await page.getByRole('link', { name: '← Alex Rowe' }).click();
	await page.getByRole('link', { name: 'All worksheets and letters' }).click();

	await page.getByLabel('New worksheet').selectOption({ label: 'Grounding exercise (5-4-3-2-1)' });
	await page.getByRole('button', { name: 'Create worksheet' }).click();
	await expect(page.getByTestId('client-facing-label')).toHaveText(/For the client/);
	await page.getByRole('button', { name: 'Draft worksheet' }).click();
	await expect(page.getByLabel('Text', { exact: true })).not.toHaveValue('');
	const level = await page.getByTestId('reading-level').textContent();
	const grade = Number(/grade (-?\d+(?:\.\d+)?)/.exec(level ?? '')?.[1]);
	expect(grade).toBeLessThanOrEqual(8);
	expect(await seriousViolations(page)).toEqual([]);

	await page.getByRole('link', { name: /← / }).first().click();
	await page.getByLabel('New letter').selectOption({ label: 'Attendance letter' });
	await page.getByRole('button', { name: 'Create letter' }).click();
	await page.getByLabel('Recipient', { exact: true }).fill('Northside High School');
	await page.getByRole('button', { name: 'Draft from the record' }).click();
	await expect(page.getByLabel('Text', { exact: true })).toHaveValue(/Alex Rowe/);
	await expect(page.getByLabel('Text', { exact: true })).not.toHaveValue(/F\d\d|disorder/i);
	await page.getByRole('button', { name: 'Sign', exact: true }).click();
	await expect(page.getByTestId('client-document-status')).toHaveText(/Signed/);

	const dialog = page.getByRole('form', { name: 'Disclose a record protected by 42 CFR Part 2' });
	await page.getByRole('button', { name: 'PDF', exact: true }).click();
	await dialog.getByLabel('Recipient', { exact: true }).fill('Northside High School');
	await dialog.getByLabel('Purpose', { exact: true }).fill('School attendance');
	await dialog.getByRole('button', { name: 'Disclose and export' }).click();
	await expect(page.getByTestId('disclosure-refused')).toBeVisible();
	const letterUrl = new URL(page.url()).pathname;

	// A consent naming the school and the purpose lets the letter go, with the notice.
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
	await page.getByRole('main').getByRole('link', { name: 'Alex Rowe', exact: true }).click();
	await addConsent(page, { information: 'Attendance dates', recipient: 'Northside High School', purpose: 'School attendance', signedBy: 'Alex Rowe', expiresOn: '2027-06-30' });
	await page.getByRole('link', { name: 'All worksheets and letters' }).click();
	await page.locator(`a[href="${letterUrl}"]`).first().click();

	await page.getByRole('button', { name: 'PDF', exact: true }).click();
	await dialog.getByLabel('Recipient', { exact: true }).fill('Northside High School');
	await dialog.getByLabel('Purpose', { exact: true }).fill('School attendance');
	const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Disclose and export' }).click()]);
	const { text } = await pdfText(new Uint8Array(readFileSync((await file.path())!)));
	const flat = text.replace(/\s+/g, ' ');
	expect(flat).toContain('NOTICE: 42 CFR PART 2');
	expect(flat).toContain('Northside High School');
	expect(foreign).toEqual([]);
});
