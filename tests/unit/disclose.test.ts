// Real Dexie on fake-indexeddb; real WebCrypto from Node.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { pdfText, squash } from '../export-readers';
import { disclose, revokeStoredConsent, type DiscloseInput, type DisclosureAttachment } from '$lib/documents/compliance/disclose';
import { noteToPdf } from '$lib/documents/notes/export-note';
import { AppError } from '$lib/domain/core/app-error';
import { consentSummary, newConsent, type Part2Consent } from '$lib/domain/compliance/consent';
import { PART2_NOTICE, noteToPlainText, type NoteDocument } from '$lib/domain/notes/note-document';
import { NOTE_FORMATS } from '$lib/domain/notes/note-formats';
import { PART2_STATEMENT_2 } from '$lib/domain/compliance/part2-notice';
import { planToPlainText } from '$lib/domain/plans/plan-document';
import { assessmentSummaryToPlainText } from '$lib/domain/instruments/assessment-document';
import { newPlan } from '$lib/domain/plans/treatment-plan';
import { newClient, type Client } from '$lib/domain/core/records';
import { createVault } from '$lib/vault/keyring';
import { UnlockedVault } from '$lib/vault/vault';
import { fastDeps, PASSPHRASE } from './helpers';

const opened: UnlockedVault[] = [];
beforeEach(async () => {
	for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});
afterEach(() => {
	for (const vault of opened.splice(0)) vault.close();
});

const CLIENT: Client = { ...newClient('c1'), name: 'Sam Rivera', dateOfBirth: '1979-11-30', part2: true };

const CONSENT: Part2Consent = {
	...newConsent('k1', 'c1', 'disclosure', { clientName: 'Sam Rivera', practiceName: 'Harbor Counseling' }),
	information: 'Progress notes from 2026',
	recipients: ['Dr. Lee'],
	purposes: ['Treatment'],
	expiresOn: '2027-01-05',
	signature: 'Sam Rivera',
	signedOn: '2026-01-05'
};

const NOTE: NoteDocument = {
	client: { id: 'c1', name: 'Sam Rivera', dateOfBirth: '1979-11-30', part2: true },
	session: { date: '2026-05-02', startTime: '10:00', endTime: '10:53', serviceType: 'Individual psychotherapy', participants: 'Client' },
	format: NOTE_FORMATS.SOAP,
	sections: { subjective: 'Reports 30 days abstinent.', objective: 'Calm.', assessment: 'Stable.', plan: 'Continue weekly.' },
	signedBy: 'Dr. Mira Okafor, PsyD',
	signedAt: '2026-05-02T16:20:00.000Z',
	contentHash: null,
	addenda: [],
	cpt: ['90837'],
	diagnoses: [],
	practiceName: 'Harbor Counseling'
};

async function vaultWith(consents: Part2Consent[]): Promise<UnlockedVault> {
	const vault = new UnlockedVault(await createVault(fastDeps, { displayName: 'Dr. Okafor', passphrase: PASSPHRASE }));
	opened.push(vault);
	await vault.clients.put(CLIENT);
	for (const c of consents) await vault.consents.put(c);
	return vault;
}

function input(overrides: Partial<DiscloseInput> = {}): DiscloseInput {
	return {
		client: CLIENT,
		settings: {},
		recordKind: 'note',
		recordId: 'n1',
		what: 'Progress note of 2026-05-02, PDF',
		recipient: 'Dr. Lee',
		purpose: 'Treatment',
		today: '2026-06-15',
		now: new Date('2026-06-15T09:30:00.000Z'),
		newId: () => 'd1',
		...overrides
	};
}

/** A render that makes the real note PDF with the notice and consent, remembering what it was given. */
function pdfRender() {
	const received: DisclosureAttachment[] = [];
	const render = async (attachment: DisclosureAttachment) => {
		received.push(attachment);
		const blob = await noteToPdf({ ...NOTE, part2Notice: attachment.notice, part2Consent: attachment.consentSummary });
		return { blob, fileName: 'progress-note-2026-05-02.pdf' };
	};
	return { render, received };
}

const actions = async (vault: UnlockedVault) => (await vault.auditEntries()).map((e) => e.action);

describe('disclosing a Part 2 record', () => {
	it('refuses without a covering consent: no file is made, nothing is logged, and the reason is given', async () => {
		const vault = await vaultWith([{ ...CONSENT, revokedOn: '2026-06-01' }]);
		const { render, received } = pdfRender();
		const error = await disclose(vault, input(), render).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(AppError);
		expect((error as AppError).code).toBe('disclosure/refused');
		expect((error as AppError).details).toEqual({
			code: 'revoked',
			reason: expect.stringMatching(/^The consent of 2026-01-05 naming Dr\. Lee was revoked on 2026-06-01\./)
		});
		expect(JSON.stringify((error as AppError).details)).not.toContain('Sam');
		expect(received).toEqual([]);
		expect(await vault.disclosures.all()).toEqual([]);
		expect(await actions(vault)).not.toContain('record.disclose');
	});

	it('discloses under a valid consent: the file carries statement 1 and the consent, the disclosure is logged and audited', async () => {
		const vault = await vaultWith([CONSENT]);
		const { render, received } = pdfRender();
		const result = await disclose(vault, input({ recipient: ' dr. lee ' }), render);

		expect(received).toEqual([{ notice: PART2_NOTICE, consentSummary: consentSummary(CONSENT), noticeStatement: 1 }]);
		const { text } = await pdfText(new Uint8Array(await result.blob.arrayBuffer()));
		expect(text).toContain(PART2_NOTICE);
		expect(text).toContain(squash(consentSummary(CONSENT)));
		expect(text.indexOf('Consent to disclose')).toBeGreaterThan(text.indexOf(PART2_NOTICE));
		expect(result.fileName).toBe('progress-note-2026-05-02.pdf');

		const stored = await vault.disclosures.where('clientId', 'c1');
		expect(stored).toEqual([result.disclosure]);
		expect(result.disclosure).toEqual({
			id: 'd1',
			clientId: 'c1',
			at: '2026-06-15T09:30:00.000Z',
			recipient: 'dr. lee',
			purpose: 'Treatment',
			what: 'Progress note of 2026-05-02, PDF',
			recordKind: 'note',
			recordId: 'n1',
			consentId: 'k1',
			noticeStatement: 1
		});
		const entries = await vault.auditEntries();
		expect(entries.find((e) => e.action === 'record.disclose')).toMatchObject({ recordKind: 'disclosure', recordId: 'd1', detail: 'consent:k1' });
		expect(JSON.stringify(entries)).not.toMatch(/Sam|Lee|Treatment/);
		expect((await vault.verifyAudit()).intact).toBe(true);
	});

	it('sends the short statement 2 with the file and records it when the settings choose it', async () => {
		const vault = await vaultWith([CONSENT]);
		const { render, received } = pdfRender();
		const settings = { part2Notice: { statement: 2 as const, statement1: '', statement2: '' } };
		const result = await disclose(vault, input({ settings }), render);
		expect(received[0]).toMatchObject({ notice: PART2_STATEMENT_2, noticeStatement: 2 });
		expect(result.disclosure.noticeStatement).toBe(2);
		const { text } = await pdfText(new Uint8Array(await result.blob.arrayBuffer()));
		expect(text).toContain(PART2_STATEMENT_2);
		expect(text).not.toContain(PART2_NOTICE);
	});

	it('refuses once the client revokes the consent, and the revocation is in the audit trail', async () => {
		const vault = await vaultWith([CONSENT]);
		const { render } = pdfRender();
		await disclose(vault, input(), render);
		const revoked = await revokeStoredConsent(vault, CONSENT, '2026-06-20');
		expect((await vault.consents.get('k1')).revokedOn).toBe('2026-06-20');
		expect((await vault.auditEntries()).find((e) => e.action === 'consent.revoke')).toMatchObject({ recordKind: 'consent', recordId: 'k1' });
		const error = await disclose(vault, input({ today: '2026-06-21', newId: () => 'd2' }), render).catch((e: unknown) => e);
		expect((error as AppError).details.code).toBe('revoked');
		expect((await vault.disclosures.all()).map((d) => d.id)).toEqual(['d1']);
		expect(await revokeStoredConsent(vault, revoked, '2026-07-01')).toBe(revoked);
	});

	it('logs nothing when the file cannot be made', async () => {
		const vault = await vaultWith([CONSENT]);
		const failing = async () => {
			throw new Error('renderer failed');
		};
		await expect(disclose(vault, input(), failing)).rejects.toThrow('renderer failed');
		expect(await vault.disclosures.all()).toEqual([]);
		expect(await actions(vault)).not.toContain('record.disclose');
	});
});

describe('the consent block in exported documents', () => {
	const summary = consentSummary(CONSENT);

	it('follows the notice in a note’s plain text, and is absent when the export is not a disclosure', () => {
		const text = noteToPlainText({ ...NOTE, part2Consent: summary });
		expect(text.trimEnd().endsWith(`NOTICE: 42 CFR PART 2\n${PART2_NOTICE}\n\nConsent\n${summary}`)).toBe(true);
		expect(noteToPlainText(NOTE)).not.toContain('Consent to disclose');
		// A client who is not Part 2 gets neither the notice nor a consent block.
		const plain = noteToPlainText({ ...NOTE, client: { ...NOTE.client, part2: false }, part2Consent: summary });
		expect(plain).not.toContain('42 CFR');
	});

	it('follows the notice in a treatment plan and an assessment summary', () => {
		const client = { id: 'c1', name: 'Sam Rivera', dateOfBirth: '1979-11-30', part2: true };
		const plan = planToPlainText({
			client,
			plan: newPlan('p1', 'c1', '2026-05-02', 'Dr. Mira Okafor, PsyD'),
			diagnoses: [],
			objectiveScores: {},
			practiceName: 'Harbor Counseling',
			part2Consent: summary
		});
		expect(plan.trimEnd().endsWith(`${PART2_NOTICE}\n\nConsent\n${summary}`)).toBe(true);
		const assessment = assessmentSummaryToPlainText({
			client,
			instrument: { id: 'phq9', name: 'PHQ-9', fullName: 'Patient Health Questionnaire-9', licence: 'Public domain', attribution: '' },
			administrations: [],
			summary: 'Stable.',
			practiceName: 'Harbor Counseling',
			part2Notice: PART2_STATEMENT_2,
			part2Consent: summary
		});
		expect(assessment.trimEnd().endsWith(`${PART2_STATEMENT_2}\n\nConsent\n${summary}`)).toBe(true);
	});
});
