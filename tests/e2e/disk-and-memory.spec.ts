import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { appOrigin } from '../app-origin.mjs';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';
import { findInHeap, takeHeapSnapshot } from './heap';
import { PASSPHRASE, addClient, addConsent, addSession, createVault, expectSaved, unlock } from './support';

/**
 * The privacy promise tried as an attacker would: with the browser profile on disk in hand,
 * and with a debugger on the page after the clinician locked. Every field gets a made-up word
 * found nowhere in the app's own code, so a hit can only be the clinician's typing.
 */
const CANARY = {
	name: 'Quillon Vastraby',
	dateOfBirth: '1983-07-19',
	address: '4417 Wrenfield Crescent',
	diagnosis: 'after the Millbrook ferry',
	session: 'the Oxbury tannery fire',
	privateNote: 'reminded me of Veldmoor',
	risk: 'since the Kestrelway layoff',
	nextAppointment: 'with Dr Pellucid',
	goal: 'the Harrowgate choir',
	consent: 'the Brindlecombe admission',
	safetyPlan: 'feeding the cat Pemberley',
	letter: 'Quentwick Academy'
} as const;

/**
 * The made-up words alone, as the app would hold them once split into words (a search index,
 * a stemmer's cache): lower case, less the last letter a stemmer may change ("Oxbury" as "oxbur").
 */
const WORDS = ['Quillon', 'Vastraby', 'Wrenfield', 'Millbrook', 'Oxbury', 'Veldmoor', 'Kestrelway', 'Pellucid', 'Harrowgate', 'Brindlecombe', 'Pemberley', 'Quentwick'].map((w) =>
	w.toLowerCase().slice(0, -1)
);

async function fillClient(page: Page, { part2 = false } = {}) {
	await addClient(page, CANARY.name);
	// A Part 2 client also has consents to fill.
	if (part2) await page.getByLabel('Substance use disorder records protected by 42 CFR Part 2').check();
	await page.getByLabel('Date of birth').fill(CANARY.dateOfBirth);
	await page.getByLabel('Address').fill(CANARY.address);
	await page.getByLabel('Diagnoses').fill(`F43.10 PTSD ${CANARY.diagnosis}`);
	await expectSaved(page);
}

async function fillSession(page: Page) {
	await addSession(page, `Client spoke about ${CANARY.session} and we agreed on weekly CBT. Client wants to return to ${CANARY.goal}.`);
	await page.getByText('Psychotherapy notes (private)').click();
	await page.getByLabel('Psychotherapy notes').fill(`Countertransference: ${CANARY.privateNote}.`);
	await page.getByRole('button', { name: 'Draft note' }).click();
	await expect(page.getByTestId('note-status')).toHaveText('✎ Draft');
	await page.getByLabel('Risk findings').fill(`Passive ideation ${CANARY.risk}`);
	await page.getByLabel('Next appointment').fill(`Thursday ${CANARY.nextAppointment}`);
	await expectSaved(page);
}

async function backToClient(page: Page) {
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
	await page.getByRole('main').getByRole('link', { name: CANARY.name, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: CANARY.name })).toBeVisible();
}

async function lock(page: Page) {
	await page.getByRole('button', { name: 'Lock' }).click();
	await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
}

/** Every regular file under `dir` (symlinks skipped), with the canaries it holds as UTF-8 or UTF-16LE. */
function scanFiles(dir: string, needles: readonly string[]): string[] {
	const hits: string[] = [];
	const walk = (path: string) => {
		const stat = lstatSync(path);
		if (stat.isSymbolicLink()) return;
		if (stat.isDirectory()) {
			for (const entry of readdirSync(path)) walk(join(path, entry));
			return;
		}
		if (!stat.isFile()) return;
		hits.push(...scanBytes(readFileSync(path), needles).map((hit) => `${path.slice(dir.length)}: ${hit}`));
	};
	walk(dir);
	return hits;
}

function scanBytes(bytes: Buffer, needles: readonly string[]): string[] {
	return needles.flatMap((needle) =>
		(['utf8', 'utf16le'] as const).filter((encoding) => bytes.includes(Buffer.from(needle, encoding))).map((encoding) => `${needle} (${encoding})`)
	);
}

test('nothing typed into Tacit reaches the browser profile or the backup file in the clear', async () => {
	test.setTimeout(180_000);
	const profile = mkdtempSync(join(tmpdir(), 'tacit-profile-'));
	try {
		const context = await chromium.launchPersistentContext(profile, {
			executablePath: chromiumPath,
			args: chromiumArgs,
			baseURL: appOrigin,
			acceptDownloads: true
		});
		const page = context.pages()[0] ?? (await context.newPage());
		await createVault(page);
		await fillClient(page, { part2: true });

		// A consent, a safety plan and a letter: every kind of form a clinician fills.
		await addConsent(page, { information: `Records about ${CANARY.consent}`, recipient: 'Dr. Lee', purpose: 'Treatment', signedBy: CANARY.name });
		await expect(page.locator('li[data-status="valid"]')).toBeVisible();

		await page.getByTestId('safety-plan-summary').getByRole('link', { name: 'Open the safety plan' }).click();
		await page.getByLabel('Add a warning sign', { exact: true }).fill(`I stop ${CANARY.safetyPlan}`);
		await page.getByRole('button', { name: 'Add', exact: true }).click();
		await expect(page.getByRole('listitem').filter({ hasText: CANARY.safetyPlan })).toBeVisible();
		// A typed but not yet added entry is exactly what tab restore would keep.
		await page.getByRole('button', { name: 'Next', exact: true }).click();
		await page.getByLabel('Add something I can do on my own', { exact: true }).fill(`Walk past ${CANARY.address}`);
		await backToClient(page);

		await page.getByRole('link', { name: 'All worksheets and letters' }).click();
		await page.getByLabel('New letter').selectOption({ label: 'Attendance letter' });
		await page.getByRole('button', { name: 'Create letter' }).click();
		await page.getByLabel('Recipient', { exact: true }).fill(CANARY.letter);
		await page.getByLabel('Text', { exact: true }).fill(`To ${CANARY.letter}: ${CANARY.name} attends weekly.`);
		await expectSaved(page);
		await backToClient(page);

		await fillSession(page);

		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a backup' }).click()]);
		const backup = readFileSync((await download.path())!);
		expect(backup.length).toBeGreaterThan(1000);
		// Back to the session with its fields filled, then quit the browser as a clinician would.
		await page.goBack();
		await expect(page.getByLabel('Session content')).toHaveValue(new RegExp(CANARY.session));
		await context.close();

		const needles = [...Object.values(CANARY), PASSPHRASE];
		expect(scanBytes(backup, needles), 'the backup file').toEqual([]);
		// The scan must be able to see a session-restore file at all, or it proves nothing.
		expect(readdirSync(join(profile, 'Default', 'Sessions')).length).toBeGreaterThan(0);
		expect(scanFiles(profile, needles), 'files in the browser profile').toEqual([]);
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
});

test('after Lock, the page heap holds nothing decrypted and not the passphrase, after every kind of work', async ({ page }) => {
	test.setTimeout(240_000);
	const needles = [...Object.values(CANARY), ...WORDS, PASSPHRASE];
	const afterLock = async (work: string) => {
		await lock(page);
		const findings = findInHeap(await takeHeapSnapshot(page), needles);
		expect(findings, `heap after ${work} and Lock`).toEqual([]);
	};

	await createVault(page);
	await fillClient(page);
	await fillSession(page);
	await page.getByRole('button', { name: 'Sign…' }).click();
	await page.getByRole('button', { name: 'Sign note' }).click();
	await expect(page.getByTestId('note-status')).toHaveText('✓ Signed');
	await afterLock('a signed note');

	await unlock(page);
	await backToClient(page);
	await page.getByRole('button', { name: 'New treatment plan' }).click();
	await page.getByLabel('Session', { exact: true }).selectOption({ index: 1 });
	await page.getByRole('button', { name: 'Draft plan' }).click();
	await expect(page.getByLabel('Goal 1.1', { exact: true })).toHaveValue(/./);
	await expectSaved(page);
	await afterLock('a treatment plan');

	await unlock(page);
	await backToClient(page);
	await page.getByLabel('Questionnaire', { exact: true }).selectOption('gad7');
	await page.getByRole('link', { name: 'Client mode (hand over the tablet)' }).click();
	await expect(page.getByText('Question 1 of 7')).toBeVisible();
	// Leaving client mode any way but finishing locks the vault.
	await page.goBack();
	await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
	expect(findInHeap(await takeHeapSnapshot(page), needles), 'heap after client mode').toEqual([]);

	await unlock(page);
	await backToClient(page);
	await page.getByRole('list', { name: 'Sessions' }).getByRole('link').first().click();
	const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF', exact: true }).click()]);
	expect(await pdf.path()).toBeTruthy();
	await afterLock('an export');
});
