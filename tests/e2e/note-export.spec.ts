import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { docxText, fhirR4Validator, pdfText } from '../export-readers';
import { addClient, createVault, unlock } from './support';

async function download(page: Page, button: string): Promise<{ name: string; bytes: Uint8Array }> {
	const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
	return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync((await file.path())!)) };
}

test('import a .vtt transcript, draft DAP, sign, reload, add an addendum, and export PDF, DOCX and FHIR', async ({ page }) => {
	await createVault(page);
	await addClient(page, 'Jamie Ortiz');
	await page.getByRole('button', { name: 'New session' }).click();
	await page.getByLabel('Import a file (.txt, .docx, .vtt, .srt)').setInputFiles('tests/e2e/fixtures/session.vtt');
	await expect(page.getByText(/Imported \d+ words from the VTT file/)).toBeVisible();
	await expect(page.getByLabel('Session content')).toHaveValue(/Client: Better\. I slept about seven hours/);

	await page.getByLabel('Format').selectOption('DAP');
	await page.getByRole('button', { name: 'Draft note' }).click();
	await expect(page.getByLabel('Data', { exact: true })).toHaveValue(/seven hours/);
	await page.getByLabel('Assessment', { exact: true }).fill('Sleep has improved with the breathing routine.');
	await page.getByRole('button', { name: 'Sign…' }).click();
	await page.getByRole('button', { name: 'Sign note' }).click();
	await expect(page.getByTestId('note-status')).toHaveText('✓ Signed');

	await page.reload();
	await unlock(page);
	await expect(page.getByTestId('section-assessment')).toHaveText('Sleep has improved with the breathing routine.');
	await expect(page.getByLabel('Assessment', { exact: true })).toHaveCount(0);
	await page.getByLabel('Add a dated addendum').fill('Follow-up call: sleep stayed steady.');
	await page.getByRole('button', { name: 'Add addendum' }).click();
	await expect(page.getByText('Follow-up call: sleep stayed steady.')).toBeVisible();

	const pdf = await download(page, 'PDF');
	expect(pdf.name).toMatch(/^progress-note-\d{4}-\d{2}-\d{2}\.pdf$/);
	const pdfContent = await pdfText(pdf.bytes);
	expect(pdfContent.text).toContain('Sleep has improved with the breathing routine.');
	expect(pdfContent.text).toContain('Follow-up call: sleep stayed steady.');

	const docx = await download(page, 'Word (DOCX)');
	expect(await docxText(docx.bytes)).toContain('Sleep has improved with the breathing routine.');

	const fhir = await download(page, 'FHIR (JSON)');
	const bundle = JSON.parse(new TextDecoder().decode(fhir.bytes));
	const validate = fhirR4Validator();
	expect(validate(bundle), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
	const reference = bundle.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'DocumentReference');
	expect(Buffer.from(reference.resource.content[0].attachment.data, 'base64').toString('utf8')).toContain(
		'Sleep has improved with the breathing routine.'
	);

	// Each export is on the audit trail.
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
	// The trail and its check load together: wait for the check before reading the rows.
	await expect(page.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');
	const actions = await page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
	expect(actions.filter((a) => a === 'record.export')).toHaveLength(3);
});

test('risk language in the session content raises a banner that points to a risk assessment', async ({ page }) => {
	await createVault(page);
	await addClient(page, 'Riley Stone');
	await page.getByRole('button', { name: 'New session' }).click();
	await page.getByLabel('Session content').fill('Client: Some nights I think about ending my life.');
	await expect(page.getByTestId('risk-banner')).toContainText('risk assessment');
	await expect(page.getByTestId('risk-banner')).toContainText('does not contact anyone');
	await page.getByLabel('Session content').fill('Client denies SI/HI. Discussed work stress.');
	await expect(page.getByTestId('risk-banner')).toContainText('Risk was discussed');
});

test('a signed note freezes its header: the session times and service become read-only, and the export shows what was signed', async ({ page }) => {
	await createVault(page);
	await addClient(page, 'Riley Shaw');
	await page.getByRole('button', { name: 'New session' }).click();
	await page.getByLabel('Start').fill('14:00');
	await page.getByLabel('End').fill('14:53');
	await page.getByLabel('Session content').fill('Client reported sleeping better. We practised paced breathing.');
	await expect(page.getByText('53 minutes')).toBeVisible();
	await page.getByRole('button', { name: 'Draft note' }).click();
	await expect(page.getByTestId('note-status')).toHaveText('✎ Draft');
	await page.getByRole('button', { name: 'Confirm 90837' }).click();
	await expect(page.getByTestId('cpt')).toContainText('CPT: 90837');
	await page.getByRole('button', { name: 'Sign…' }).click();
	await page.getByRole('button', { name: 'Sign note' }).click();
	await expect(page.getByTestId('note-status')).toHaveText('✓ Signed');

	await expect(page.getByTestId('signed-header')).toContainText('14:00–14:53 (53 min)');
	await expect(page.getByTestId('header-signed')).toContainText('add an addendum');
	for (const label of ['Date', 'Start', 'End', 'Participants']) {
		await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('readonly', '');
	}
	await expect(page.getByLabel('Service type')).toBeDisabled();
	// Typing into the end time changes nothing.
	await page.getByLabel('End', { exact: true }).pressSequentially('1420');
	await expect(page.getByLabel('End', { exact: true })).toHaveValue('14:53');

	const pdf = await pdfText((await download(page, 'PDF')).bytes);
	expect(pdf.text).toMatch(/14:00\s*[-–]\s*14:53/);
	expect(pdf.text).not.toContain('14:20');
	expect(pdf.text).toContain('90837');
});
