import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { fhirR4Validator } from '../export-readers';
import { addClient, addSession, createVault, expectSaved, unlock } from './support';

const PHQ9_ITEMS = 9;

/** In-app navigation: a full page load would lock the vault, as it should. */
async function openClient(page: Page, name: string) {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Clients' })).toBeVisible();
	await page.getByRole('main').getByRole('link', { name, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function startQuestionnaire(page: Page, instrument: string, how: 'Enter answers' | 'Client mode (hand over the tablet)') {
	await page.getByLabel('Questionnaire', { exact: true }).selectOption(instrument);
	await page.getByRole('link', { name: how }).click();
}

/** Answers the clinician-entry PHQ-9 for the open client with one option per item (0-3). */
async function enterPhq9(page: Page, name: string, values: number[]) {
	const labels = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];
	await openClient(page, name);
	await startQuestionnaire(page, 'phq9', 'Enter answers');
	await expect(page.getByRole('heading', { level: 1, name: /PHQ-9 for/ })).toBeVisible();
	for (let i = 0; i < PHQ9_ITEMS; i++) {
		const item = page.getByRole('group', { name: new RegExp(`^${i + 1}\\. `) });
		await item.getByRole('radio', { name: labels[values[i]!]!, exact: true }).check();
	}
	await page.getByRole('button', { name: 'Save answers' }).click();
	await expect(page.getByTestId('score-summary')).toBeVisible();
}

/** Console errors and uncaught exceptions, including Content-Security-Policy refusals (a chart style, a stray request). */
function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(e.message));
	return errors;
}

async function seriousViolations(page: Page, include?: string) {
	const builder = new AxeBuilder({ page });
	if (include) builder.include(include);
	const { violations } = await builder.analyze();
	return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test.describe('client mode on a tablet', () => {
	test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true });

	test('a client completes a PHQ-9 one question per screen, the tablet returns to the lock screen, and the clinician sees the score and the item 9 flag', async ({ page }) => {
		await createVault(page);
		await addClient(page, 'Rowan Ellis');
		await startQuestionnaire(page, 'phq9', 'Client mode (hand over the tablet)');

		// Only the questionnaire: no navigation, no client name, no lock indicator to tap through.
		await expect(page.getByRole('heading', { name: /Little interest or pleasure/ })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
		await expect(page.getByText('Rowan Ellis')).toHaveCount(0);
		expect(await seriousViolations(page)).toEqual([]);

		// Items 1-8 "More than half the days" (2 each), item 9 "Several days" (1): total 17.
		for (let i = 1; i <= 9; i++) {
			await expect(page.getByText(`Question ${i} of`)).toBeVisible();
			await page.getByRole('button', { name: i === 9 ? 'Several days' : 'More than half the days', exact: true }).click();
			await page.getByRole('button', { name: 'Next' }).click();
		}
		// The difficulty question is asked but not scored.
		await page.getByRole('button', { name: 'Somewhat difficult', exact: true }).click();
		await page.getByRole('button', { name: 'Next' }).click();
		await expect(page.getByText(/17/)).toHaveCount(0);
		await page.getByRole('button', { name: 'Finish' }).click();

		await expect(page.getByTestId('lock-reason')).toContainText('hand the device back to your clinician');
		await expect(page.getByText('Rowan Ellis')).toHaveCount(0);

		await unlock(page);
		// The clinician lands on the client's page, not back in client mode.
		await expect(page.getByRole('heading', { level: 1, name: 'Rowan Ellis' })).toBeVisible();
		const latest = page.getByTestId('latest-scores');
		await expect(latest).toContainText('PHQ-9');
		await expect(latest).toContainText('17');
		await expect(latest).toContainText('Moderately severe');
		await expect(latest.getByTestId('score-flag')).toContainText(/item 9/i);
		await expect(page.getByTestId('risk-flags')).toContainText(/item 9/i);
		await expect(page.getByTestId('risk-flags').getByRole('link', { name: 'Screen with the C-SSRS' })).toBeVisible();

		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
		await expect(page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');
		await expect(page.locator('tbody tr[data-action="risk.flag"]')).toHaveCount(1);
	});

	test('leaving client mode any other way than finishing locks the vault', async ({ page }) => {
		await createVault(page);
		await addClient(page, 'Quinn Hart');
		await startQuestionnaire(page, 'gad7', 'Client mode (hand over the tablet)');
		await expect(page.getByText('Question 1 of 7')).toBeVisible();
		await page.goBack();
		await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
		await expect(page.getByText('Quinn Hart')).toHaveCount(0);
	});
});

test('three PHQ-9 administrations draw a trend with bands, baseline, response and remission, and a table for screen readers', async ({ page }) => {
	const errors = watchErrors(page);
	await createVault(page);
	await addClient(page, 'Morgan Blake');
	await enterPhq9(page, 'Morgan Blake', [3, 3, 2, 2, 2, 2, 2, 2, 0]); // 18
	await enterPhq9(page, 'Morgan Blake', [2, 1, 1, 1, 1, 1, 1, 1, 0]); // 9
	await enterPhq9(page, 'Morgan Blake', [1, 1, 0, 1, 0, 0, 0, 0, 0]); // 3
	await page.getByRole('link', { name: 'Done' }).click();

	const chart = page.getByRole('img', { name: /PHQ-9/ });
	await expect(chart).toBeVisible();
	await expect(chart).toHaveAttribute('aria-label', /18.*3/);
	// The canvas was drawn on: some pixels are not blank.
	const inked = await page.locator('canvas').first().evaluate((c: HTMLCanvasElement) => {
		const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
		let n = 0;
		for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
		return n;
	});
	expect(inked).toBeGreaterThan(1000);
	expect(await seriousViolations(page, 'main')).toEqual([]);

	await page.getByRole('button', { name: 'Show table' }).first().click();
	const table = page.getByRole('table', { name: 'PHQ-9 scores over time' });
	await expect(table).toBeVisible();
	await expect(table.locator('tbody tr')).toHaveCount(3);
	await expect(table).toContainText('18');
	await expect(table).toContainText(/remission/i);
	await expect(table).toContainText(/response/i);
	expect(await seriousViolations(page, 'main')).toEqual([]);

	// The interpretation is drafted around the computed numbers (outline: no model here) and grounded.
	await page.getByRole('button', { name: 'Draft interpretation' }).click();
	await expect(page.getByLabel('PHQ-9 interpretation')).toHaveValue(/3 \(minimal\)/i);
	await expect(page.getByTestId('interpretation-grounded')).toBeVisible();
	await page.getByLabel('PHQ-9 interpretation').fill('PHQ-9 fell from 18 to 7, a response.');
	await expect(page.getByTestId('interpretation-flag')).toContainText('7');
	expect(errors).toEqual([]);
});

test('a plan is drafted from the intake, edited, signed, updated to version 2 with the diff shown, linked from a note, and exported as valid FHIR', async ({ page }) => {
	const errors = watchErrors(page);
	await createVault(page);
	await addClient(page, 'Jesse Park');
	await page.getByLabel('Diagnoses').fill('F33.1 Major depressive disorder, recurrent, moderate');
	await expectSaved(page);
	await addSession(page, 'Intake. Client wants to return to work full time. We agreed on weekly CBT sessions.');
	await enterPhq9(page, 'Jesse Park', [2, 2, 2, 2, 1, 1, 1, 1, 0]); // 12
	await page.getByRole('link', { name: 'Done' }).click();
	await page.getByRole('button', { name: 'New treatment plan' }).click();
	await expect(page.getByTestId('plan-status')).toContainText(/version 1/i);
	await page.getByLabel('Session', { exact: true }).selectOption({ index: 1 });
	await page.getByRole('button', { name: 'Draft plan' }).click();
	await expect(page.getByLabel('Problem 1', { exact: true })).toHaveValue(/Major depressive disorder/);
	await expect(page.getByLabel('Goal 1.1', { exact: true })).toHaveValue(/return to work/);
	expect(await seriousViolations(page, 'main')).toEqual([]);

	await page.getByLabel('Objective 1.1.1', { exact: true }).fill('Depressive symptoms reduce to mild');
	await page.getByLabel('Target date for objective 1.1.1').fill('2027-02-01');
	await page.getByLabel('Instrument for objective 1.1.1').selectOption('phq9');
	await page.getByLabel('Below (score) for objective 1.1.1').fill('10');
	await expect(page.getByText(/PHQ-9 12 on .*target below 10/)).toBeVisible();
	await expectSaved(page);
	await page.getByRole('button', { name: 'Sign plan' }).click();
	await expect(page.getByTestId('plan-status')).toContainText('Signed');
	await expect(page.getByLabel('Goal 1.1', { exact: true })).toHaveCount(0);

	await page.getByRole('button', { name: 'Update plan' }).click();
	await expect(page.getByTestId('plan-status')).toContainText(/version 2/i);
	await page.getByLabel('Goal 1.1', { exact: true }).fill('Return to work full time by spring');
	const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
	await page.getByLabel('Review date', { exact: true }).fill(inTwoWeeks);
	await expectSaved(page);
	const diff = page.getByTestId('plan-diff');
	await expect(diff).toContainText('Changes from version 1');
	await expect(diff).toContainText('Return to work full time by spring');
	await page.getByRole('button', { name: 'Sign plan' }).click();
	await expect(page.getByTestId('plan-status')).toContainText('Signed');

	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'FHIR (JSON)' }).click()]);
	const bundle = JSON.parse(readFileSync((await file.path())!, 'utf8'));
	const validate = fhirR4Validator();
	expect(validate(bundle), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
	const kinds = bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType);
	expect(kinds).toEqual(expect.arrayContaining(['Patient', 'CarePlan', 'Goal', 'Condition', 'Observation']));
	const observation = bundle.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Observation').resource;
	expect(observation.code.coding[0].code).toBe('44261-6');
	expect(observation.valueInteger).toBe(12);

	// The review, two weeks away, is on the Today dashboard.
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today', exact: true }).click();
	await expect(page.getByTestId('reviews-due')).toContainText('Jesse Park');
	await expect(page.getByTestId('reviews-due')).toContainText(/due in 1[345] days/);

	// Its goal is offered in the next progress note, with the objective's latest score.
	await openClient(page, 'Jesse Park');
	await page.getByRole('button', { name: 'New session' }).click();
	await page.getByLabel('Session content').fill('Client reports working three days this week.');
	await page.getByRole('button', { name: 'Draft note' }).click();
	await page.getByRole('checkbox', { name: 'Return to work full time by spring' }).check();
	await expect(page.getByLabel('Treatment plan goals addressed')).toHaveValue('Return to work full time by spring');
	await expect(page.getByTestId('goal-score')).toContainText('PHQ-9 12');
	expect(errors).toEqual([]);
});

test('the clinician questionnaire form passes an accessibility scan and shows the C-SSRS follow-ups only when asked', async ({ page }) => {
	await createVault(page);
	await addClient(page, 'Avery Stone');
	// The screener here is the interview version: it is never handed to the client.
	await page.getByLabel('Questionnaire', { exact: true }).selectOption('cssrs-screener');
	await expect(page.getByRole('link', { name: 'Client mode (hand over the tablet)' })).toHaveCount(0);
	await page.getByRole('link', { name: 'Enter answers' }).click();
	await expect(page.getByRole('group', { name: /^3\. / })).toHaveCount(0);
	await page.getByRole('group', { name: /^2\. / }).getByRole('radio', { name: 'Yes', exact: true }).check();
	await expect(page.getByRole('group', { name: /^3\. / })).toBeVisible();
	expect(await seriousViolations(page, 'main')).toEqual([]);
});
