import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { recordAssessment } from '$lib/documents/instruments/record-assessment';
import { newConsent } from '$lib/domain/compliance/consent';
import { instrument } from '$lib/domain/instruments/registry';
import { newNote } from '$lib/domain/notes/note';
import { NOTE_FORMATS } from '$lib/domain/notes/note-formats';
import { newClient, newSession, type Client } from '$lib/domain/core/records';
import { newPlan } from '$lib/domain/plans/treatment-plan';
import type { ClientDocument } from '$lib/domain/client-documents/client-document';
import type { CrisisProtocol } from '$lib/domain/safety/crisis-protocol';
import type { SafetyPlan } from '$lib/domain/safety/safety-plan';
import { createVault } from '$lib/vault/keyring';
import { UnlockedVault } from '$lib/vault/vault';
import { codeOf, fastDeps, PASSPHRASE } from './helpers';

beforeEach(async () => {
	for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

/** A client with `sessions` sessions, each with a note and a private note, plus an assessment, a plan, a consent and a disclosure. */
async function addClientWithRecords(vault: UnlockedVault, id: string, name: string, sessions: number): Promise<Client> {
	const client = { ...newClient(id), name, part2: true };
	await vault.clients.put(client);
	for (let i = 1; i <= sessions; i++) {
		const sessionId = `${id}-session-${i}`;
		await vault.sessions.put({ ...newSession(sessionId, id, '2026-11-20'), content: `${name} talked about work.` });
		await vault.notes.put(newNote(`${id}-note-${i}`, id, sessionId, NOTE_FORMATS.DAP));
		await vault.privateNotes.put({ id: `${id}-private-${i}`, sessionId, text: `Impressions of ${name}.` });
	}
	const answers = { '1': 1, '2': 1, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0, '8': 0, '9': 0 };
	await recordAssessment(vault, { client, instrument: instrument('phq9'), answers, context: {}, sessionId: null, administeredBy: 'client' });
	await vault.plans.put(newPlan(`${id}-plan`, id, '2026-11-20', 'Dr. Lee'));
	await vault.consents.put(newConsent(`${id}-consent`, id, 'disclosure', { clientName: name, practiceName: 'Harbor Counseling' }));
	await vault.disclosures.put({
		id: `${id}-disclosure`,
		clientId: id,
		at: '2026-11-21T10:00:00Z',
		recipient: 'County Court',
		purpose: 'Treatment coordination',
		what: 'Progress note of 2026-11-20, PDF',
		recordKind: 'note',
		recordId: `${id}-note-1`,
		consentId: `${id}-consent`,
		noticeStatement: 1
	});
	// Only the ids matter to deletion; the rest of these records is tested where they are built.
	await vault.safetyPlans.put({ id: `${id}-safety`, clientId: id } as unknown as SafetyPlan);
	await vault.crisisProtocols.put({ id: `${id}-crisis`, clientId: id } as unknown as CrisisProtocol);
	await vault.clientDocuments.put({ id: `${id}-letter`, clientId: id } as unknown as ClientDocument);
	return client;
}

/** Discharged on this date, the 'leaving' client's six years end on 2025-03-01; TODAY is after that. */
const DISCHARGED_ON = '2019-03-01';
const TODAY = '2026-12-06';

async function twoClients() {
	const created = await createVault(fastDeps, { displayName: 'Dr. Lee', passphrase: PASSPHRASE });
	const vault = new UnlockedVault(created);
	const leaving = await addClientWithRecords(vault, 'leaving', 'Avery Leaving', 3);
	await addClientWithRecords(vault, 'staying', 'Sam Staying', 2);
	await vault.dischargeClient({ ...leaving, dateOfBirth: '1990-04-12' }, { on: DISCHARGED_ON, reason: 'Moved away', by: 'Dr. Lee' });
	return { created, vault };
}

/** Row counts per table, read straight from IndexedDB. */
async function rowCounts(vault: UnlockedVault, clientId: string) {
	const sessionIds = (await vault.sessions.where('clientId', clientId)).map((s) => s.id);
	return {
		clients: (await vault.clients.all()).filter((c) => c.id === clientId).length,
		sessions: sessionIds.length,
		notes: (await vault.notes.where('clientId', clientId)).length,
		privateNotes: (await vault.privateNotes.all()).filter((n) => sessionIds.includes(n.sessionId)).length,
		assessments: (await vault.assessments.where('clientId', clientId)).length,
		plans: (await vault.plans.where('clientId', clientId)).length,
		consents: (await vault.consents.where('clientId', clientId)).length,
		disclosures: (await vault.disclosures.where('clientId', clientId)).length,
		safetyPlans: (await vault.safetyPlans.where('clientId', clientId)).length,
		crisisProtocols: (await vault.crisisProtocols.where('clientId', clientId)).length,
		clientDocuments: (await vault.clientDocuments.where('clientId', clientId)).length
	};
}

describe('deleting a client', () => {
	it('removes the client and every record derived from it, and leaves another client’s records', async () => {
		const { vault } = await twoClients();
		const stayingBefore = await rowCounts(vault, 'staying');
		const counts = await vault.deleteClient('leaving', TODAY);
		expect(counts).toEqual({
			clients: 1,
			sessions: 3,
			notes: 3,
			privateNotes: 3,
			assessments: 1,
			plans: 1,
			consents: 1,
			safetyPlans: 1,
			crisisProtocols: 1,
			clientDocuments: 1,
			disclosuresKept: 1
		});
		expect(await codeOf(vault.clients.get('leaving'))).toBe('record/not-found');
		const { disclosures, ...rest } = await rowCounts(vault, 'leaving');
		expect(Object.values(rest).every((n) => n === 0)).toBe(true);
		// The disclosure log outlives the record, naming the person with no more than name and date of birth.
		expect(disclosures).toBe(1);
		const [kept] = await vault.disclosures.where('clientId', 'leaving');
		expect(kept).toMatchObject({ recipient: 'County Court', clientIdentity: { name: 'Avery Leaving', dateOfBirth: '1990-04-12' } });
		expect((await vault.privateNotes.all()).map((n) => n.id).sort()).toEqual(['staying-private-1', 'staying-private-2']);
		expect(await rowCounts(vault, 'staying')).toEqual(stayingBefore);
		expect((await vault.clients.get('staying')).name).toBe('Sam Staying');
		vault.close();
	});

	it('writes one audit entry with counts and no names, and the chain still verifies', async () => {
		const { vault } = await twoClients();
		const before = (await vault.auditEntries()).length;
		await vault.deleteClient('leaving', TODAY);
		const added = (await vault.auditEntries()).slice(before);
		expect(added).toHaveLength(1);
		expect(added[0]).toMatchObject({ action: 'client.delete', recordKind: 'client', recordId: 'leaving', recordIds: null });
		expect(added[0]!.detail).toBe(
			'clients:1,sessions:3,notes:3,privateNotes:3,assessments:1,plans:1,consents:1,safetyPlans:1,crisisProtocols:1,clientDocuments:1,disclosuresKept:1'
		);
		expect(JSON.stringify(added)).not.toMatch(/Avery|Leaving|Harbor|Court|work/);
		expect(await vault.verifyAudit()).toEqual({ intact: true, entries: before + 1 });
		vault.close();
	});

	it('refuses an unknown client and changes nothing', async () => {
		const { vault } = await twoClients();
		const before = await vault.auditEntries();
		expect(await codeOf(vault.deleteClient('nobody', TODAY))).toBe('record/not-found');
		expect(await vault.auditEntries()).toEqual(before);
		vault.close();
	});

	it('deletes nothing when the disk refuses the audit entry', async () => {
		const { created, vault } = await twoClients();
		const before = await rowCounts(vault, 'leaving');
		const refuse = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
		created.db.audit.hook('creating', refuse);
		const code = await codeOf(vault.deleteClient('leaving', TODAY));
		created.db.audit.hook('creating').unsubscribe(refuse);
		expect(code).toBe('storage/quota-exceeded');
		expect(await rowCounts(vault, 'leaving')).toEqual(before);
		expect((await vault.clients.get('leaving')).name).toBe('Avery Leaving');
		vault.close();
	});

	it('refuses a client who was not discharged, or whose retention period has not ended, and changes nothing', async () => {
		const { vault } = await twoClients();
		const before = await vault.auditEntries();
		expect(await codeOf(vault.deleteClient('staying', TODAY))).toBe('client/not-discharged');
		expect(await codeOf(vault.deleteClient('leaving', '2025-02-28'))).toBe('client/retention');
		await vault.saveSettings({ retentionYears: 10 });
		expect(await codeOf(vault.deleteClient('leaving', TODAY))).toBe('client/retention');
		expect((await vault.auditEntries()).length).toBe(before.length + 1);
		expect((await vault.clients.get('leaving')).name).toBe('Avery Leaving');
		vault.close();
	});
});

describe('discharging a client', () => {
	it('keeps the record read-only until it is reopened, and audits both with no PHI', async () => {
		const { vault } = await twoClients();
		const discharged = await vault.clients.get('leaving');
		expect(discharged.discharge).toEqual({ on: DISCHARGED_ON, reason: 'Moved away', by: 'Dr. Lee' });
		expect(await codeOf(vault.clients.put({ ...discharged, address: '1 New Street' }))).toBe('client/discharged');
		const reopened = await vault.reopenClient(discharged);
		expect(reopened.discharge).toBeUndefined();
		await vault.clients.put({ ...reopened, address: '1 New Street' });
		const actions = (await vault.auditEntries()).map((e) => [e.action, e.detail]);
		expect(actions).toContainEqual(['client.discharge', DISCHARGED_ON]);
		expect(actions.map(([a]) => a)).toContain('client.reopen');
		expect(JSON.stringify(await vault.auditEntries())).not.toMatch(/Moved away|Avery/);
		vault.close();
	});
});
