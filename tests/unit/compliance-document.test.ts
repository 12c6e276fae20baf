import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { pdfText } from '../export-readers';
import {
	assertDocumentChangeAllowed,
	documentBlocks,
	documentContentHash,
	documentSignatureHolds,
	documentTemplate,
	editDocument,
	newComplianceDocument,
	signDocument,
	unfilledPlaceholders,
	type ComplianceDocument,
	type ComplianceDocumentKind,
	type TemplateSettings
} from '$lib/domain/compliance/compliance-document';
import { draftAndStore, exportDocumentPdf, signAndStoreDocument } from '$lib/documents/compliance/compliance-documents';
import { blocksToPdf } from '$lib/documents/common/pdf-blocks';
import { createVault } from '$lib/vault/keyring';
import { EncryptedRepository } from '$lib/vault/repository';
import { UnlockedVault } from '$lib/vault/vault';
import { codeOf, fastDeps, PASSPHRASE } from './helpers';

beforeEach(async () => {
	for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

const SETTINGS: TemplateSettings = {
	practice: { name: 'Harbor Counseling', address: '12 Quay Street, Portland, ME', phone: '207-555-0142', privacyOfficer: 'Dana Ruiz' },
	autoLockMinutes: 10
};
const TODAY = '2026-03-02';
const KINDS: ComplianceDocumentKind[] = ['part2-patient-notice', 'part2-consent-form', 'privacy-summary'];
const squash = (text: string) => text.replace(/\s+/g, ' ');

/** What the practice does before signing: check the text and delete the template note. */
function checked(doc: ComplianceDocument): ComplianceDocument {
	return { ...doc, body: doc.body.split('\n\n').filter((p) => !p.startsWith('[TEMPLATE')).join('\n\n') };
}

const signable = (kind: ComplianceDocumentKind = 'part2-patient-notice') => checked(newComplianceDocument('doc-1', kind, SETTINGS, TODAY));

describe('compliance document templates', () => {
	it('the Part 2 patient notice covers every point of 42 CFR 2.22 in plain language', () => {
		const body = squash(documentTemplate('part2-patient-notice', SETTINGS, TODAY).body);
		for (const point of [
			'42 CFR part 2',
			'substance use disorder records',
			'medical emergency',
			'scientific research',
			'audits or program evaluations',
			'court order',
			'suspected child abuse or neglect',
			'as state law requires',
			'on the program premises or against program personnel',
			'United States Attorney for the judicial district',
			"SAMHSA's opioid treatment program authority",
			'complaint to the Secretary of the U.S. Department of Health and Human Services',
			'accounting of disclosures',
			'restrict uses and disclosures',
			'revoke a consent',
			`Effective date: ${TODAY}`
		]) {
			expect(body).toContain(point);
		}
	});

	it('marks the legal templates as not legal advice, to be checked against the current eCFR', () => {
		for (const kind of ['part2-patient-notice', 'part2-consent-form'] as const) {
			const body = documentTemplate(kind, SETTINGS, TODAY).body;
			expect(body).toMatch(/NOT LEGAL ADVICE/);
			expect(body).toContain('eCFR');
			expect(unfilledPlaceholders({ title: '', body })).toEqual(['the template note (check the text, then delete it)']);
		}
	});

	it('the consent form has a place for every element 42 CFR 2.31 requires', () => {
		const body = squash(documentTemplate('part2-consent-form', SETTINGS, TODAY).body);
		for (const element of [
			"PATIENT'S NAME: ____",
			'WHO MAY MAKE THE DISCLOSURE',
			'INFORMATION TO BE DISCLOSED (a specific description',
			'RECIPIENTS',
			'PURPOSE OF EACH DISCLOSURE: ____',
			'RIGHT TO REVOKE',
			'To revoke, I give or send a written revocation to Dana Ruiz',
			'EXPIRATION DATE OR EVENT',
			'SIGNATURE OF PATIENT: ____',
			'DATE SIGNED: ____',
			'separate consent for SUD counseling notes',
			'separate consent for use or disclosure in civil, criminal, administrative or legislative proceedings'
		]) {
			expect(body).toContain(element);
		}
	});

	it('the privacy summary says what is stored where and how it is protected', () => {
		const body = squash(documentTemplate('privacy-summary', { ...SETTINGS, autoLockMinutes: 15 }, TODAY).body);
		for (const fact of [
			'encrypted vault in the web browser on the device',
			'AES-GCM using a 256-bit key',
			'Argon2id',
			'recovery key',
			'not sent to any third party',
			'runs inside the browser tab',
			"AI model files, both from the practice's own server",
			'audit trail',
			'locks itself after 15 minutes',
			'Backup files are encrypted',
			'Every export is recorded in the audit trail',
			'notice 42 CFR 2.32 requires'
		]) {
			expect(body).toContain(fact);
		}
	});

	it.each(KINDS)('fills the practice details into the %s', (kind) => {
		const { title, body } = documentTemplate(kind, SETTINGS, TODAY);
		const text = `${title}\n${body}`;
		expect(text).toContain('Harbor Counseling');
		expect(text).toContain('12 Quay Street, Portland, ME');
		expect(text).toContain('207-555-0142');
		expect(text).toContain('Dana Ruiz');
		expect(text).not.toMatch(/\[practice|\[privacy officer\]/);
	});

	it.each(KINDS)('leaves visible placeholders in the %s when practice settings are empty', (kind) => {
		const empty = { practice: { name: '', address: '  ', phone: '', privacyOfficer: '' } };
		const doc = newComplianceDocument('d', kind, empty, TODAY);
		const text = `${doc.title}\n${doc.body}`;
		for (const placeholder of ['[practice name]', '[practice address]', '[practice phone]', '[privacy officer]']) {
			expect(text).toContain(placeholder);
			expect(unfilledPlaceholders(doc)).toContain(placeholder);
		}
		expect(newComplianceDocument('d', kind, {}, TODAY).body).toContain('[practice phone]');
	});

	it('starts each template as an unsigned draft dated today', () => {
		expect(newComplianceDocument('d', 'privacy-summary', SETTINGS, TODAY)).toMatchObject({
			id: 'd',
			kind: 'privacy-summary',
			status: 'draft',
			signedBy: null,
			signedAt: null,
			contentHash: null,
			draftedOn: TODAY
		});
	});
});

describe('signing compliance documents', () => {
	it('signs with signer, time and the SHA-256 of exactly the kind, title and body', () => {
		const doc = signable();
		const signed = signDocument(doc, 'Dana Ruiz', new Date('2026-03-02T15:00:00Z'));
		const expected = createHash('sha256').update(`${doc.kind}\n${doc.title}\n\n${doc.body}`, 'utf8').digest('hex');
		expect(signed).toMatchObject({ status: 'signed', signedBy: 'Dana Ruiz', signedAt: '2026-03-02T15:00:00.000Z', contentHash: expected });
		expect(documentSignatureHolds(signed)).toBe(true);
		expect(documentSignatureHolds({ ...signed, body: `${signed.body} ` })).toBe(false);
		expect(documentSignatureHolds({ ...signed, title: 'Another title' })).toBe(false);
	});

	it('refuses to sign while a placeholder or the template note is still in the text', () => {
		const unchecked = newComplianceDocument('d', 'part2-consent-form', SETTINGS, TODAY);
		expect(() => signDocument(unchecked, 'Dana Ruiz')).toThrowError(expect.objectContaining({ code: 'record/invalid' }));
		const noPhone = checked(newComplianceDocument('d', 'part2-consent-form', { practice: { ...SETTINGS.practice, phone: '' } }, TODAY));
		expect(unfilledPlaceholders(noPhone)).toEqual(['[practice phone]']);
		expect(() => signDocument(noPhone, 'Dana Ruiz')).toThrowError(expect.objectContaining({ code: 'record/invalid' }));
		expect(signDocument(checked(unchecked), 'Dana Ruiz').status).toBe('signed');
	});

	it('refuses to edit or sign again a signed document', () => {
		const signed = signDocument(signable(), 'Dana Ruiz');
		expect(() => editDocument(signed, { body: 'New text.' })).toThrowError(expect.objectContaining({ code: 'document/signed' }));
		expect(() => signDocument(signed, 'Someone else')).toThrowError(expect.objectContaining({ code: 'document/signed' }));
		expect(editDocument(signable(), { body: 'Draft text.' }).body).toBe('Draft text.');
	});
});

describe('the storage guard for compliance documents', () => {
	const signed = signDocument(signable(), 'Dana Ruiz', new Date('2026-03-02T15:00:00Z'));

	it.each([
		['the body', { body: 'Rewritten.' }],
		['the title', { title: 'Rewritten' }],
		['the signer', { signedBy: 'Someone else' }],
		['the time of signing', { signedAt: '2026-03-03T15:00:00.000Z' }],
		['the hash', { contentHash: '00'.repeat(32) }],
		['the status', { status: 'draft' as const, signedBy: null, signedAt: null, contentHash: null }],
		['the date drafted', { draftedOn: '2026-01-01' }]
	])('refuses any change to %s after signing', (_what, change) => {
		expect(() => assertDocumentChangeAllowed(signed, { ...signed, ...change })).toThrowError(expect.objectContaining({ code: 'document/signed' }));
	});

	it('lets the same signed document be written again, and drafts change freely', () => {
		const reordered = Object.fromEntries(Object.entries(signed).reverse()) as unknown as ComplianceDocument;
		expect(() => assertDocumentChangeAllowed(signed, reordered)).not.toThrow();
		expect(() => assertDocumentChangeAllowed(signable(), { ...signable(), body: 'Edited.' })).not.toThrow();
		expect(() => assertDocumentChangeAllowed(signable(), signed)).not.toThrow();
	});

	it('refuses a document marked signed whose hash is not the hash of its content', () => {
		const forged = { ...signed, body: `${signed.body}\n\nAdded after signing.` };
		expect(() => assertDocumentChangeAllowed(null, forged)).toThrowError(expect.objectContaining({ code: 'record/invalid' }));
		expect(() => assertDocumentChangeAllowed(signable(), forged)).toThrowError(expect.objectContaining({ code: 'record/invalid' }));
	});

	it('stores the signature with a document.sign audit entry, and storage then refuses to rewrite it', async () => {
		const created = await createVault(fastDeps, { displayName: 'Dana Ruiz', passphrase: PASSPHRASE });
		const vault = new UnlockedVault(created);
		const draft = await draftAndStore(vault, 'privacy-summary', SETTINGS, TODAY, 'doc-7');
		const stored = await signAndStoreDocument(vault, checked(draft), 'Dana Ruiz');
		const entries = await vault.auditEntries();
		expect(entries.at(-1)).toMatchObject({ action: 'document.sign', recordKind: 'document', recordId: 'doc-7', detail: `sha256:${stored.contentHash}` });
		expect(stored.contentHash).toBe(documentContentHash(checked(draft)));

		// The repository as the vault guards it (the guard the lead wires into vault.documents).
		const guarded = new EncryptedRepository<ComplianceDocument>({
			db: created.db,
			key: created.dataKey,
			profileId: created.profileId,
			table: 'documents',
			kind: 'document',
			guard: assertDocumentChangeAllowed
		});
		expect(await codeOf(guarded.put({ ...stored, body: 'Quietly rewritten.' }))).toBe('document/signed');
		expect((await vault.documents.get('doc-7')).body).toBe(stored.body);
		expect(await vault.verifyAudit()).toMatchObject({ intact: true });
	});
});

describe('compliance document PDF', () => {
	it('carries the body, the signer, the time and the content hash of a signed document', async () => {
		const signed = signDocument(signable('privacy-summary'), 'Dana Ruiz', new Date('2026-03-02T15:00:00Z'));
		const blob = await blocksToPdf(documentBlocks(signed, 'Harbor Counseling'), { title: signed.title, signed: true, pageLabel: 'Harbor Counseling' });
		const { text } = await pdfText(new Uint8Array(await blob.arrayBuffer()));
		expect(text).toContain('How Harbor Counseling protects client records in Tacit');
		expect(text).toContain('AES-GCM using a 256-bit key');
		expect(text).toContain('Electronically signed by Dana Ruiz on 2026-03-02 15:00 UTC');
		expect(text).toContain(signed.contentHash!);
		expect(text).not.toContain('DRAFT');
	});

	it('marks an unsigned document as a draft', () => {
		const blocks = documentBlocks(signable(), 'Harbor Counseling');
		expect(blocks.filter((b) => b.kind === 'draft')).toHaveLength(1);
		expect(blocks.at(-1)).toEqual({ kind: 'signature', text: 'DRAFT — not signed' });
		expect(blocks).toContainEqual({ kind: 'heading', text: 'YOUR RIGHTS' });
	});

	it('records the export in the audit trail before handing over the file', async () => {
		const vault = new UnlockedVault(await createVault(fastDeps, { displayName: 'Dana Ruiz', passphrase: PASSPHRASE }));
		const draft = await draftAndStore(vault, 'part2-patient-notice', SETTINGS, TODAY, 'doc-9');
		const file = await exportDocumentPdf(vault, draft, 'Harbor Counseling');
		expect(file.fileName).toBe(`part2-patient-notice-${TODAY}-draft.pdf`);
		const { text } = await pdfText(new Uint8Array(await file.blob.arrayBuffer()));
		expect(text).toContain('DRAFT');
		expect(text).toContain('United States Attorney for the judicial district');
		expect((await vault.auditEntries()).at(-1)).toMatchObject({ action: 'record.export', recordKind: 'document', recordId: 'doc-9', detail: 'pdf' });
	});
});
