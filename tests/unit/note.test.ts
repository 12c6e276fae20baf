import { beforeEach, describe, expect, it } from 'vitest';
import { NOTE_FORMATS } from '$lib/domain/notes/note-formats';
import Dexie from 'dexie';
import { contentHash, editSections, newNote, signatureHolds, signNote } from '$lib/domain/notes/note';
import { amendAndStore, signAndStore } from '$lib/documents/notes/sign-note';
import { createVault } from '$lib/vault/keyring';
import { UnlockedVault } from '$lib/vault/vault';
import { codeOf, fastDeps, PASSPHRASE } from './helpers';

beforeEach(async () => {
	for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

const draft = () => ({
	...newNote('n1', 'c1', 's1', NOTE_FORMATS.DAP),
	sections: { data: 'Client reported better sleep.', assessment: 'Improving.', plan: 'Continue weekly.' }
});

describe('progress notes', () => {
	it('starts every section of a new note as "Not documented"', () => {
		expect(Object.values(newNote('n', 'c', 's', NOTE_FORMATS.SOAP).sections)).toEqual(Array(4).fill('Not documented'));
	});

	it('signs with signer, time and a hash of exactly the signed content', () => {
		const signed = signNote(draft(), 'Dr. Rivera', new Date('2026-11-20T15:00:00Z'));
		expect(signed).toMatchObject({ status: 'signed', signedBy: 'Dr. Rivera', signedAt: '2026-11-20T15:00:00.000Z' });
		expect(signed.contentHash).toBe(contentHash(draft()));
		expect(signatureHolds(signed)).toBe(true);
		expect(signatureHolds({ ...signed, sections: { ...signed.sections, plan: 'Changed.' } })).toBe(false);
	});

	it('covers the risk assessment, goals and next appointment with the signature', () => {
		const withDetails = { ...draft(), details: { ...draft().details, riskAssessment: 'Assessed: no risk indicators' as const, nextAppointment: '2026-11-27 10:00' } };
		const signed = signNote(withDetails, 'Dr. Rivera');
		expect(signatureHolds(signed)).toBe(true);
		expect(signatureHolds({ ...signed, details: { ...signed.details, nextAppointment: '2026-12-01' } })).toBe(false);
	});

	it('refuses to edit a signed note in memory', () => {
		const signed = signNote(draft(), 'Dr. Rivera');
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
		const signed = await signAndStore(v, draft(), 'Dr. Rivera');
		const last = (await v.auditEntries()).at(-1)!;
		expect(last).toMatchObject({ action: 'note.sign', recordId: 'n1', detail: `sha256:${signed.contentHash}` });
		expect(await v.verifyAudit()).toMatchObject({ intact: true });
	});

	it('refuses any stored change to a signed note, from any code path', async () => {
		const v = await vault();
		const signed = await signAndStore(v, draft(), 'Dr. Rivera');
		const tampered = { ...signed, sections: { ...signed.sections, plan: 'Rewritten after signing.' } };
		expect(await codeOf(v.notes.put(tampered))).toBe('note/signed');
		expect(await codeOf(v.notes.put({ ...signed, status: 'draft' as const }))).toBe('note/signed');
		expect((await v.notes.get('n1')).sections.plan).toBe('Continue weekly.');
	});

	it('takes dated addenda after signing and keeps the signature valid', async () => {
		const v = await vault();
		const signed = await signAndStore(v, draft(), 'Dr. Rivera');
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
