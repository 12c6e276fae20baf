import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { recordAssessment } from '$lib/documents/instruments/record-assessment';
import { instrument } from '$lib/domain/instruments/registry';
import { newNote } from '$lib/domain/notes/note';
import { NOTE_FORMATS } from '$lib/domain/notes/note-formats';
import { newClient, newSession } from '$lib/domain/core/records';
import { newPlan } from '$lib/domain/plans/treatment-plan';
import { RECORD_TABLES, ProfileDirectory, VaultDatabase, type RecordTable } from '$lib/vault/database';
import { createVault, listProfiles, unlockWithPassphrase } from '$lib/vault/keyring';
import { restoreBackup } from '$lib/vault/restore';
import { UnlockedVault } from '$lib/vault/vault';
import { codeOf, fastDeps, PASSPHRASE } from './helpers';

beforeEach(wipeDevice);

async function wipeDevice() {
	for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
}

/** A profile with a record in every client table, two versions of the client, and settings. */
async function populatedVault() {
	const created = await createVault(fastDeps, { displayName: 'Dr. Rivera', passphrase: PASSPHRASE });
	const vault = new UnlockedVault(created);
	const client = { ...newClient('client-1'), name: 'Jordan Example' };
	await vault.clients.put(client);
	await vault.sessions.putMany(
		[1, 2, 3].map((i) => ({ ...newSession(`session-${i}`, client.id, '2026-11-20'), content: `Discussed sleep, week ${i}.` }))
	);
	await vault.notes.put({ ...newNote('note-1', client.id, 'session-1', NOTE_FORMATS.SOAP), draftedWith: 'outline' });
	await vault.privateNotes.put({ id: 'private-1', sessionId: 'session-1', text: 'Process impressions.' });
	const answers = { '1': 1, '2': 1, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0, '8': 0, '9': 0 };
	await recordAssessment(vault, { client, instrument: instrument('phq9'), answers, context: {}, sessionId: 'session-1', administeredBy: 'client' });
	await vault.plans.put(newPlan('plan-1', client.id, '2026-11-20', 'Dr. Rivera'));
	await vault.saveSettings({ backupReminderDays: 14, autoLockMinutes: 5 });
	return { created, vault, client };
}

/** Every record of every table, decrypted, in id order. */
async function decryptAll(vault: UnlockedVault): Promise<Record<RecordTable, unknown[]>> {
	const out = {} as Record<RecordTable, unknown[]>;
	for (const table of RECORD_TABLES) {
		const records: { id: string }[] = await vault[table].all();
		out[table] = records.sort((a, b) => a.id.localeCompare(b.id));
	}
	return out;
}

/** What a clinician could lose: the database names, the profile list and every stored row. */
async function deviceState() {
	const names = (await Dexie.getDatabaseNames()).sort();
	let profiles: unknown[] = [];
	if (names.includes('tacit-profiles')) {
		const directory = new ProfileDirectory();
		profiles = await directory.profiles.toArray();
		directory.close();
	}
	const vaults: Record<string, unknown> = {};
	for (const name of names.filter((n) => n.startsWith('tacit-vault-'))) {
		const db = new VaultDatabase(name.slice('tacit-vault-'.length));
		await db.open();
		vaults[name] = Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()])));
		db.close();
	}
	return { names, profiles, vaults };
}

async function backupBytes(vault: UnlockedVault): Promise<ArrayBuffer> {
	return (await vault.backup()).blob.arrayBuffer();
}

function changed(file: ArrayBuffer, edit: (bytes: Uint8Array) => void): ArrayBuffer {
	const bytes = new Uint8Array(file.slice(0));
	edit(bytes);
	return bytes.buffer;
}

const HEADER_START = 17;
const headerLength = (file: ArrayBuffer) => new DataView(file).getUint32(13);

describe('making a backup', () => {
	it('names the file by date only, holds no readable PHI, and records the backup', async () => {
		const { created, vault } = await populatedVault();
		const backup = await vault.backup();
		expect(backup.fileName).toMatch(/^tacit-backup-\d{4}-\d{2}-\d{2}\.tacitbackup$/);
		expect(backup.counts).toMatchObject({ clients: 1, sessions: 3, notes: 1, privateNotes: 1, assessments: 1, plans: 1 });
		const text = Buffer.from(await backup.blob.arrayBuffer()).toString('latin1');
		expect(text.startsWith('TACIT-BACKUP')).toBe(true);
		expect(text).toContain('Dr. Rivera');
		for (const phi of ['Jordan Example', 'Discussed sleep', 'Process impressions', 'client-1', 'session-1']) {
			expect(text).not.toContain(phi);
		}
		const last = (await vault.auditEntries()).at(-1)!;
		expect(last).toMatchObject({ action: 'backup.create', recordId: null });
		expect(last.detail).toContain('sessions:3');
		expect((await vault.settings()).lastBackupAt).toBe(last.at);
		expect((await created.db.audit.count()) - 1).toBe(backup.counts.audit);
		vault.close();
	});
});

describe('restoring onto a device that never had the profile', () => {
	it('brings back every record, the settings and an audit trail that still verifies', async () => {
		const { vault } = await populatedVault();
		const records = await decryptAll(vault);
		const settings = await vault.settings();
		const trail = await vault.auditEntries();
		const file = await backupBytes(vault);
		vault.close();
		await wipeDevice();

		const { opened, report } = await restoreBackup(fastDeps, file, { passphrase: PASSPHRASE });
		const restored = new UnlockedVault(opened);
		expect(await listProfiles()).toEqual([{ id: opened.profileId, displayName: 'Dr. Rivera' }]);
		expect(await decryptAll(restored)).toEqual(records);
		expect((await restored.clients.get('client-1')).name).toBe('Jordan Example');
		expect(await restored.settings()).toEqual(settings);
		const entries = await restored.auditEntries();
		expect(entries.slice(0, trail.length)).toEqual(trail);
		expect(entries.slice(trail.length).map((e) => e.action)).toEqual(['backup.restore']);
		expect(await restored.verifyAudit()).toEqual({ intact: true, entries: trail.length + 1 });
		expect(report.mode).toBe('fresh');
		expect(report.tables.sessions).toEqual({ added: 3, updated: 0, kept: 0, localOnly: 0 });
		expect(report.audit).toEqual({ added: trail.length, skipped: 0 });
		restored.close();

		// The restored profile opens with its passphrase like any other.
		const reopened = new UnlockedVault(await unlockWithPassphrase(fastDeps, opened.profileId, PASSPHRASE));
		expect((await reopened.sessions.where('clientId', 'client-1')).length).toBe(3);
		reopened.close();
	});

	it('opens with the recovery key, sets the new passphrase, and the old one stops working', async () => {
		const { created, vault } = await populatedVault();
		const records = await decryptAll(vault);
		const file = await backupBytes(vault);
		vault.close();
		await wipeDevice();

		const typed = created.recoveryKey.toLowerCase();
		const { opened } = await restoreBackup(fastDeps, file, { recoveryKey: typed, newPassphrase: 'brand new passphrase 1' });
		expect(await decryptAll(new UnlockedVault(opened))).toEqual(records);
		opened.db.close();
		expect(await codeOf(unlockWithPassphrase(fastDeps, created.profileId, PASSPHRASE))).toBe('vault/wrong-passphrase');
		const reopened = new UnlockedVault(await unlockWithPassphrase(fastDeps, created.profileId, 'brand new passphrase 1'));
		expect((await reopened.clients.get('client-1')).name).toBe('Jordan Example');
		reopened.close();
	});
});

describe('refusing a backup that cannot be trusted', () => {
	const cases: [string, string, (file: ArrayBuffer, recoveryKey: string) => [ArrayBuffer, Parameters<typeof restoreBackup>[2]]][] = [
		['a truncated file', 'backup/unreadable', (f) => [f.slice(0, f.byteLength - 100), { passphrase: PASSPHRASE }]],
		['a file cut inside the header', 'backup/unreadable', (f) => [f.slice(0, 40), { passphrase: PASSPHRASE }]],
		[
			'a flipped byte in the header',
			'backup/damaged',
			(f) => [changed(f, (b) => (b[HEADER_START + (headerLength(f) >> 1)]! ^= 0x04)), { passphrase: PASSPHRASE }]
		],
		['a flipped byte in the body', 'backup/damaged', (f) => [changed(f, (b) => (b[b.length - 200]! ^= 0x01)), { passphrase: PASSPHRASE }]],
		['a newer backup format', 'backup/newer-format', (f) => [changed(f, (b) => (b[12] = 2)), { passphrase: PASSPHRASE }]],
		['a file that is not a backup', 'backup/unreadable', () => [new TextEncoder().encode('%PDF-1.7 not a backup').buffer, { passphrase: PASSPHRASE }]],
		['a wrong passphrase', 'backup/wrong-key', (f) => [f, { passphrase: 'not the passphrase at all' }]],
		[
			'a wrong recovery key',
			'backup/wrong-key',
			(f, key) => [f, { recoveryKey: key.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), newPassphrase: 'brand new passphrase 1' }]
		]
	];

	for (const [what, code, corrupt] of cases) {
		it(`refuses ${what} with ${code} and changes nothing on a new device`, async () => {
			const { created, vault } = await populatedVault();
			const file = await backupBytes(vault);
			vault.close();
			await wipeDevice();
			const before = await deviceState();
			const [bad, secret] = corrupt(file, created.recoveryKey);
			expect(await codeOf(restoreBackup(fastDeps, bad, secret))).toBe(code);
			expect(await deviceState()).toEqual(before);
		});

		it(`refuses ${what} with ${code} and changes nothing in the profile already here`, async () => {
			const { created, vault } = await populatedVault();
			const file = await backupBytes(vault);
			vault.close();
			const before = await deviceState();
			const [bad, secret] = corrupt(file, created.recoveryKey);
			expect(await codeOf(restoreBackup(fastDeps, bad, secret))).toBe(code);
			expect(await deviceState()).toEqual(before);
		});
	}

	it('refuses a header edited with its checksum recomputed, because the body is bound to the header', async () => {
		const { vault } = await populatedVault();
		const file = await backupBytes(vault);
		vault.close();
		await wipeDevice();
		const end = HEADER_START + headerLength(file);
		const forged = new Uint8Array(file.slice(0));
		const header = new TextDecoder().decode(forged.subarray(HEADER_START, end)).replace('Dr. Rivera', 'Dr. Riverb');
		forged.set(new TextEncoder().encode(header), HEADER_START);
		forged.set(new Uint8Array(await crypto.subtle.digest('SHA-256', forged.subarray(0, end))), end);
		expect(await codeOf(restoreBackup(fastDeps, forged.buffer, { passphrase: PASSPHRASE }))).toBe('backup/damaged');
		expect(await Dexie.getDatabaseNames()).toEqual([]);
	});
});

/** Every stored row of a profile, to put the device back to an earlier state (another device's copy). */
async function rawRows(db: VaultDatabase): Promise<Record<string, unknown[]>> {
	return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()])));
}

async function rollBack(db: VaultDatabase, rows: Record<string, unknown[]>): Promise<void> {
	await db.transaction('rw', db.tables, async () => {
		for (const table of db.tables) {
			await table.clear();
			await table.bulkPut(rows[table.name]!);
		}
	});
}

const nameOf = async (vault: UnlockedVault, id: string) => (await vault.clients.get(id)).name;

describe('restoring into the profile already on this device', () => {
	it('keeps newer local work, takes newer backup work, adds what only the backup has and keeps what only this device has', async () => {
		const { created, vault } = await populatedVault();
		await vault.clients.put({ ...newClient('client-a'), name: 'A as backed up' });
		await vault.clients.put({ ...newClient('client-b'), name: 'B first draft' });
		await vault.clients.put({ ...newClient('client-b'), name: 'B as backed up' });
		await vault.clients.put({ ...newClient('client-c'), name: 'C only in the backup' });
		const file = await backupBytes(vault);

		await vault.clients.put({ ...newClient('client-a'), name: 'A edited here later' });
		await vault.clients.delete('client-b');
		await vault.clients.put({ ...newClient('client-b'), name: 'B older copy here' });
		await vault.clients.delete('client-c');
		await vault.clients.put({ ...newClient('client-d'), name: 'D only here' });
		expect((await created.db.clients.get('client-b'))!.version).toBe(1);

		const { opened, report } = await restoreBackup(fastDeps, file, { passphrase: PASSPHRASE });
		opened.db.close();
		expect(await nameOf(vault, 'client-a')).toBe('A edited here later');
		expect(await nameOf(vault, 'client-b')).toBe('B as backed up');
		expect(await nameOf(vault, 'client-c')).toBe('C only in the backup');
		expect(await nameOf(vault, 'client-d')).toBe('D only here');
		expect(await nameOf(vault, 'client-1')).toBe('Jordan Example');
		expect(report.mode).toBe('merge');
		// client-1 and client-a kept, client-b updated, client-c added, client-d local only.
		expect(report.tables.clients).toEqual({ added: 1, updated: 1, kept: 2, localOnly: 1 });
		expect(report.tables.sessions).toEqual({ added: 0, updated: 0, kept: 3, localOnly: 0 });
		expect(report.keyring).toBe('local');
		expect(report.settings).toBe('local');

		// The backup's trail is an earlier part of this one: nothing to add, nothing lost.
		expect(report.audit).toEqual({ added: 0, skipped: 0 });
		const last = (await vault.auditEntries()).at(-1)!;
		expect(last.action).toBe('backup.restore');
		expect(last.detail).toContain('clients:1/1/2');
		expect(last.detail).not.toMatch(/Jordan|only|backed up/i);
		expect((await vault.verifyAudit()).intact).toBe(true);
		vault.close();
	});

	it('extends the local audit trail with the backup’s later entries when the local one is an earlier copy', async () => {
		const { created, vault } = await populatedVault();
		const earlier = await rawRows(created.db);
		const trailBefore = (earlier.audit as unknown[]).length;
		await vault.clients.put({ ...newClient('client-2'), name: 'Added after' });
		await vault.sessions.put({ ...newSession('session-1', 'client-1', '2026-11-20'), content: 'Edited after.' });
		const file = await backupBytes(vault);
		await rollBack(created.db, earlier);

		const { opened, report } = await restoreBackup(fastDeps, file, { passphrase: PASSPHRASE });
		opened.db.close();
		expect(report.audit).toEqual({ added: 2, skipped: 0 });
		expect(report.tables.clients).toMatchObject({ added: 1 });
		expect(report.tables.sessions).toMatchObject({ updated: 1, kept: 2 });
		expect((await vault.sessions.get('session-1')).content).toBe('Edited after.');
		const actions = (await vault.auditEntries()).slice(trailBefore).map((e) => [e.action, e.recordId]);
		expect(actions).toEqual([
			['record.create', 'client-2'],
			['record.update', 'session-1'],
			['backup.restore', null]
		]);
		expect(await vault.verifyAudit()).toEqual({ intact: true, entries: trailBefore + 3 });
		vault.close();
	});

	it('keeps the local audit trail when the two have diverged, counting the backup entries left out', async () => {
		const { created, vault } = await populatedVault();
		const earlier = await rawRows(created.db);
		await vault.clients.put({ ...newClient('client-x'), name: 'From the other device' });
		const file = await backupBytes(vault);
		await rollBack(created.db, earlier);
		await vault.clients.put({ ...newClient('client-y'), name: 'Written here' });
		const localTrail = await vault.auditEntries();

		const { opened, report } = await restoreBackup(fastDeps, file, { passphrase: PASSPHRASE });
		opened.db.close();
		expect(report.audit).toEqual({ added: 0, skipped: 1 });
		const entries = await vault.auditEntries();
		expect(entries.slice(0, localTrail.length)).toEqual(localTrail);
		expect(entries.slice(localTrail.length).map((e) => e.action)).toEqual(['backup.restore']);
		expect((await vault.verifyAudit()).intact).toBe(true);
		// Records still merge by id: the other device's client arrives, this one's stays.
		expect(await nameOf(vault, 'client-x')).toBe('From the other device');
		expect(await nameOf(vault, 'client-y')).toBe('Written here');
		vault.close();
	});

	it('keeps a passphrase changed here after the backup, while the backup opens with its own passphrase', async () => {
		const { created, vault } = await populatedVault();
		const file = await backupBytes(vault);
		await vault.changePassphrase(fastDeps, PASSPHRASE, 'changed here later 2');
		vault.close();

		const { opened, report } = await restoreBackup(fastDeps, file, { passphrase: PASSPHRASE });
		opened.db.close();
		expect(report.keyring).toBe('local');
		expect(await codeOf(unlockWithPassphrase(fastDeps, created.profileId, PASSPHRASE))).toBe('vault/wrong-passphrase');
		(await unlockWithPassphrase(fastDeps, created.profileId, 'changed here later 2')).db.close();
	});
});
