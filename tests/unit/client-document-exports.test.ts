// Real Dexie on fake-indexeddb; real WebCrypto from Node.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { docxText, pdfText, squash } from '../export-readers';
import { exportClientDocument, type ClientDocumentExport } from '$lib/documents/client-documents/client-document-exports';
import { newClientDocument, signClientDocument, withDiagnoses, type ClientDocument, type ClientDocumentTemplate } from '$lib/domain/client-documents/client-document';
import { outlineDocument } from '$lib/domain/client-documents/client-document-prompts';
import { consentSummary, newConsent, type Part2Consent } from '$lib/domain/compliance/consent';
import { PART2_NOTICE } from '$lib/domain/notes/note-document';
import { newClient, type Client } from '$lib/domain/core/records';
import { createVault } from '$lib/vault/keyring';
import { UnlockedVault } from '$lib/vault/vault';
import { codeOf, fastDeps, PASSPHRASE } from './helpers';

const opened: UnlockedVault[] = [];
beforeEach(async () => {
	for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});
afterEach(() => {
	for (const vault of opened.splice(0)) vault.close();
});

const DIAGNOSES = [{ code: 'F41.1', description: 'Generalized anxiety disorder' }];
const CLIENT: Client = { ...newClient('c1'), name: 'Jordan Avery', preferredName: 'Jo', dateOfBirth: '1988-04-12', diagnoses: DIAGNOSES };
const PART2_CLIENT: Client = { ...CLIENT, id: 'c2', name: 'Sam Rivera', preferredName: '', part2: true };
const PRACTICE = { name: 'Harbor Counseling', address: '12 Harbor Road, Portland', phone: '555-0100' };
const NOW = new Date('2026-05-04T15:00:00.000Z');

const CONSENT: Part2Consent = {
	...newConsent('k1', 'c2', 'disclosure', { clientName: 'Sam Rivera', practiceName: 'Harbor Counseling' }),
	information: 'Attendance dates',
	recipients: ['Lincoln High School'],
	purposes: ['Confirmation of attendance'],
	expiresOn: '2027-01-05',
	signature: 'Sam Rivera',
	signedOn: '2026-01-05'
};

async function vaultWith(consents: Part2Consent[] = []): Promise<UnlockedVault> {
	const vault = new UnlockedVault(await createVault(fastDeps, { displayName: 'Dr. Okafor', passphrase: PASSPHRASE }));
	opened.push(vault);
	for (const c of consents) await vault.consents.put(c);
	return vault;
}

/** A document drafted by the outline from the record, for `client`. */
function drafted(template: ClientDocumentTemplate, client: Client): ClientDocument {
	const doc = newClientDocument(`doc-${template}`, client.id, template, { recipient: 'Lincoln High School' });
	const draft = outlineDocument({
		template,
		client,
		clinician: 'Dr. Mira Okafor',
		practice: PRACTICE,
		today: '2026-05-04',
		recipient: doc.recipient,
		includeDiagnoses: false,
		session: null,
		attended: [{ date: '2026-04-01', startTime: '10:00', serviceType: 'Individual psychotherapy' }],
		next: null,
		goals: []
	});
	return { ...doc, ...draft };
}

const signed = (doc: ClientDocument) => signClientDocument(doc, 'Dr. Mira Okafor', NOW);

function input(document: ClientDocument, client: Client, overrides: Partial<ClientDocumentExport> = {}): ClientDocumentExport {
	return { document, client, settings: { practice: PRACTICE }, today: '2026-05-04', now: NOW, ...overrides };
}

const actions = async (vault: UnlockedVault) => (await vault.auditEntries()).map((e) => [e.action, e.recordKind, e.detail ?? null]);
const textOf = async (file: { blob: Blob }) => (await pdfText(new Uint8Array(await file.blob.arrayBuffer()))).text;

describe('exporting client-facing documents', () => {
	it('refuses an unsigned draft: no file, nothing audited as exported', async () => {
		const vault = await vaultWith();
		const draft = drafted('grounding', CLIENT);
		expect(await codeOf(exportClientDocument(vault, input(draft, CLIENT), 'pdf'))).toBe('client-document/not-signed');
		expect(await codeOf(exportClientDocument(vault, input(drafted('attendance', CLIENT), CLIENT), 'docx'))).toBe('client-document/not-signed');
		expect((await actions(vault)).map((a) => a[0])).not.toContain('record.export');
	});

	it('exports a signed worksheet marked "For the client", audited and not logged as a disclosure', async () => {
		const vault = await vaultWith();
		const doc = signed(drafted('grounding', CLIENT));
		const file = await exportClientDocument(vault, input(doc, CLIENT), 'pdf');
		expect(file.fileName).toBe('worksheet-grounding-2026-05-04.pdf');
		const text = await textOf(file);
		expect(text).toContain('Grounding: 5-4-3-2-1 For the client');
		expect(text).toContain('Notice 5 things you can see.');
		expect(text).toContain('Reviewed and signed by Dr. Mira Okafor on 2026-05-04');
		expect(text).toContain('For the client · 2026-05-04 Page 1 of 1');
		expect(text).not.toContain('DRAFT');
		expect(await actions(vault)).toContainEqual(['record.export', 'client-document', 'pdf']);
		expect(await vault.disclosures.all()).toEqual([]);
	});

	it('leaves the diagnosis out of a letter’s PDF and Word file by default, and puts it in only when included', async () => {
		const vault = await vaultWith();
		const letter = signed(fill(drafted('referral', CLIENT)));
		const pdf = await textOf(await exportClientDocument(vault, input(letter, CLIENT), 'pdf'));
		const docx = await docxText(new Uint8Array(await (await exportClientDocument(vault, input(letter, CLIENT), 'docx')).blob.arrayBuffer()));
		for (const text of [pdf, docx]) {
			expect(text).toContain('Jordan Avery');
			expect(text).not.toMatch(/F41\.1|anxiety disorder|Diagnos/i);
		}
		const included = signed(withDiagnoses(fill(drafted('referral', CLIENT)), true, DIAGNOSES));
		expect(await textOf(await exportClientDocument(vault, input(included, CLIENT), 'pdf'))).toContain('Diagnoses: F41.1 Generalized anxiety disorder.');
	});

	it('logs a letter for a client whose records are not Part 2, with the recipient and purpose given, and no notice', async () => {
		const vault = await vaultWith();
		const doc = signed(drafted('attendance', CLIENT));
		const file = await exportClientDocument(vault, input(doc, CLIENT, { request: { recipient: 'Lincoln High School', purpose: 'School attendance' } }), 'docx');
		expect(file.fileName).toBe('letter-attendance-2026-05-04.docx');
		const text = await docxText(new Uint8Array(await file.blob.arrayBuffer()));
		expect(text).toContain('Harbor Counseling');
		expect(text).toContain('Letter');
		expect(text).toContain('attended appointments at Harbor Counseling');
		expect(text).not.toContain('42 CFR');
		expect(await vault.disclosures.all()).toEqual([
			expect.objectContaining({
				clientId: 'c1',
				recipient: 'Lincoln High School',
				purpose: 'School attendance',
				recordKind: 'letter',
				recordId: doc.id,
				consentId: '',
				noticeStatement: null,
				what: 'Attendance letter of 2026-05-04, Word (DOCX)'
			})
		]);
		expect(await actions(vault)).toEqual(
			expect.arrayContaining([
				['record.export', 'client-document', 'docx'],
				['record.disclose', 'disclosure', 'no-consent-needed']
			])
		);
	});

	it('fills the log from the letter itself when no purpose is given', async () => {
		const vault = await vaultWith();
		await exportClientDocument(vault, input(signed(drafted('attendance', CLIENT)), CLIENT), 'pdf');
		expect(await vault.disclosures.all()).toEqual([expect.objectContaining({ recipient: 'Lincoln High School', purpose: 'Confirmation of attendance' })]);
	});
});

describe('the Part 2 gate applies to letters', () => {
	it('refuses a Part 2 client’s letter without a covering consent: no file, nothing exported or logged', async () => {
		const vault = await vaultWith();
		const doc = signed(drafted('attendance', PART2_CLIENT));
		const request = { recipient: 'Lincoln High School', purpose: 'Confirmation of attendance' };
		const error = await exportClientDocument(vault, input(doc, PART2_CLIENT, { request }), 'pdf').catch((e: unknown) => e);
		expect(error).toMatchObject({ code: 'disclosure/refused', details: { code: 'no-consent' } });
		expect(await codeOf(exportClientDocument(vault, input(doc, PART2_CLIENT), 'pdf'))).toBe('disclosure/refused');
		expect(await vault.disclosures.all()).toEqual([]);
		expect((await actions(vault)).map((a) => a[0])).not.toContain('record.export');
	});

	it('treats every client as Part 2 in a Part 2 program', async () => {
		const vault = await vaultWith();
		const doc = signed(drafted('attendance', CLIENT));
		const settings = { practice: PRACTICE, part2Program: true };
		expect(await codeOf(exportClientDocument(vault, input(doc, CLIENT, { settings }), 'pdf'))).toBe('disclosure/refused');
	});

	it('discloses under a valid consent: the letter carries the 2.32 notice and the consent, and the disclosure is logged', async () => {
		const vault = await vaultWith([CONSENT]);
		const doc = signed(drafted('attendance', PART2_CLIENT));
		const request = { recipient: 'Lincoln High School', purpose: 'Confirmation of attendance' };
		const text = await textOf(await exportClientDocument(vault, input(doc, PART2_CLIENT, { request }), 'pdf'));
		expect(text).toContain('Letter');
		expect(text).toContain('Sam Rivera attended appointments');
		expect(text).toContain(PART2_NOTICE);
		expect(text).toContain(squash(consentSummary(CONSENT)));
		expect(await vault.disclosures.all()).toEqual([expect.objectContaining({ recordKind: 'letter', recordId: doc.id, consentId: 'k1' })]);
	});
});

/** The referral's bracketed reason, filled in as the clinician would before signing. */
function fill(doc: ClientDocument): ClientDocument {
	return { ...doc, body: doc.body.replace('[reason for referral]', 'help with sleep') };
}
