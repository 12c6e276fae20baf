import { beforeEach, describe, expect, it } from 'vitest';
import { NOTE_FORMATS } from '$lib/domain/notes/note-formats';
import Dexie from 'dexie';
import { contentHash, editSections, newNote, noteHeader, signatureHolds, signedContent, signNote, type NoteHeader } from '$lib/domain/notes/note';
import { newClient, newSession } from '$lib/domain/core/records';
import { noteDocument } from '$lib/documents/notes/note-exports';
import { noteToPlainText } from '$lib/documents/notes/export-note';
import { amendAndStore, signAndStore } from '$lib/documents/notes/sign-note';
import { createVault } from '$lib/vault/keyring';
import { UnlockedVault } from '$lib/vault/vault';
import { codeOf, fastDeps, PASSPHRASE } from './helpers';

beforeEach(async () => {
	for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

const HEADER: NoteHeader = {
	date: '2026-11-20',
	startTime: '14:00',
	endTime: '14:53',
	serviceType: 'Individual psychotherapy',
	participants: 'Client',
	diagnoses: [{ code: 'F43.10', description: 'Post-traumatic stress disorder, unspecified' }]
};

const draft = () => ({
	...newNote('n1', 'c1', 's1', NOTE_FORMATS.DAP),
	sections: { data: 'Client reported better sleep.', assessment: 'Improving.', plan: 'Continue weekly.' }
});

describe('progress notes', () => {
	it('starts every section of a new note as "Not documented"', () => {
		expect(Object.values(newNote('n', 'c', 's', NOTE_FORMATS.SOAP).sections)).toEqual(Array(4).fill('Not documented'));
	});

	it('signs with signer, time and a hash of exactly the signed content', () => {
		const signed = signNote(draft(), 'Dr. Rivera', HEADER, new Date('2026-11-20T15:00:00Z'));
		expect(signed).toMatchObject({ status: 'signed', signedBy: 'Dr. Rivera', signedAt: '2026-11-20T15:00:00.000Z' });
		expect(signed.contentHash).toBe(contentHash({ ...draft(), header: HEADER }));
		expect(signatureHolds(signed)).toBe(true);
		expect(signatureHolds({ ...signed, sections: { ...signed.sections, plan: 'Changed.' } })).toBe(false);
	});

	it('covers the risk assessment, goals and next appointment with the signature', () => {
		const withDetails = { ...draft(), details: { ...draft().details, riskAssessment: 'Assessed: no risk indicators' as const, nextAppointment: '2026-11-27 10:00' } };
		const signed = signNote(withDetails, 'Dr. Rivera', HEADER);
		expect(signatureHolds(signed)).toBe(true);
		expect(signatureHolds({ ...signed, details: { ...signed.details, nextAppointment: '2026-12-01' } })).toBe(false);
	});

	it('signs the header it shows: times, service, participants and diagnoses', () => {
		const signed = signNote(draft(), 'Dr. Rivera', HEADER);
		expect(signedContent(signed)).toContain('Session: 2026-11-20 14:00-14:53 (53 min), Individual psychotherapy');
		expect(signedContent(signed)).toContain('Diagnoses: F43.10 Post-traumatic stress disorder, unspecified');
		for (const change of [{ endTime: '14:20' }, { serviceType: 'Family therapy' as const }, { participants: 'Client, partner' }, { diagnoses: [] }]) {
			expect(signatureHolds({ ...signed, header: { ...HEADER, ...change } }), JSON.stringify(change)).toBe(false);
		}
	});

	it('keeps the hash of a note signed before headers existed', () => {
		const legacy = { ...draft(), status: 'signed' as const, contentHash: contentHash(draft()) };
		expect(legacy.contentHash).toBe(contentHash({ ...draft(), header: undefined }));
		expect(signatureHolds(legacy)).toBe(true);
	});

	it('exports the signed header, not the session as edited afterwards, and the hash agrees', () => {
		const session = { ...newSession('s1', 'c1', '2026-11-20'), startTime: '14:00', endTime: '14:53' };
		const client = { ...newClient('c1'), name: 'Jordan Example', diagnoses: HEADER.diagnoses };
		const signed = signNote({ ...draft(), cpt: ['90837'] }, 'Dr. Rivera', noteHeader(draft(), session, client));
		const doc = noteDocument(signed, client, { ...session, endTime: '14:20' });
		expect(doc.session).toMatchObject({ startTime: '14:00', endTime: '14:53' });
		expect(noteToPlainText(doc)).toContain('14:53');
		expect(noteToPlainText(doc)).not.toContain('14:20');
		expect(signatureHolds(signed)).toBe(true);
	});

	it('refuses to edit a signed note in memory', () => {
		const signed = signNote(draft(), 'Dr. Rivera', HEADER);
		expect(() => editSections(signed, { plan: 'x' })).toThrowError('note/signed');
	});
});

describe('signed notes in the vault', () => {
	async function vault() {
		return new UnlockedVault(await createVault(fastDeps, { displayName: 'Dr. Rivera', passphrase: PASSPHRASE }));
	}

	it('records the signature and content hash in the audit trail, in the same write', async () => {
		const v = await vault();
		await v.notes.put(draft());
		const signed = await signAndStore(v, draft(), 'Dr. Rivera', HEADER);
		const last = (await v.auditEntries()).at(-1)!;
		expect(last).toMatchObject({ action: 'note.sign', recordId: 'n1', detail: `sha256:${signed.contentHash}` });
		expect(await v.verifyAudit()).toMatchObject({ intact: true });
	});

	it('refuses any stored change to a signed note, from any code path', async () => {
		const v = await vault();
		const signed = await signAndStore(v, draft(), 'Dr. Rivera', HEADER);
		const tampered = { ...signed, sections: { ...signed.sections, plan: 'Rewritten after signing.' } };
		expect(await codeOf(v.notes.put(tampered))).toBe('note/signed');
		expect(await codeOf(v.notes.put({ ...signed, status: 'draft' as const }))).toBe('note/signed');
		expect(await codeOf(v.notes.put({ ...signed, header: { ...HEADER, endTime: '14:20' } }))).toBe('note/signed');
		expect((await v.notes.get('n1')).sections.plan).toBe('Continue weekly.');
	});

	it('takes dated addenda after signing and keeps the signature valid', async () => {
		const v = await vault();
		const signed = await signAndStore(v, draft(), 'Dr. Rivera', HEADER);
		const amended = await amendAndStore(v, signed, 'Client called to add that sleep improved further.', 'Dr. Rivera');
		const stored = await v.notes.get('n1');
		expect(stored.addenda).toHaveLength(1);
		expect(stored.addenda[0]!.text).toContain('sleep improved further');
		expect(signatureHolds(stored)).toBe(true);
		expect(await codeOf(v.notes.put({ ...amended, addenda: [] }))).toBe('note/signed');
		expect((await v.auditEntries()).at(-1)?.action).toBe('note.addendum');
	});

	it('keeps psychotherapy notes in their own table, apart from the progress note', async () => {
		const v = await vault();
		await v.notes.put(draft());
		await v.privateNotes.put({ id: 'p1', sessionId: 's1', text: 'Process impressions.' });
		expect(JSON.stringify(await v.notes.all())).not.toContain('Process impressions');
		expect((await v.privateNotes.where('sessionId', 's1'))[0]?.text).toBe('Process impressions.');
	});
});
