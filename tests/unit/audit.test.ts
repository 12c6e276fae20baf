import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { newClient } from '$lib/domain/core/records';
import { entryHash, verifyChain } from '$lib/vault/audit';
import { createVault, unlockWithPassphrase } from '$lib/vault/keyring';
import { VaultDatabase } from '$lib/vault/database';
import { UnlockedVault } from '$lib/vault/vault';
import { fastDeps, PASSPHRASE } from './helpers';

beforeEach(async () => {
	for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

async function vaultWithHistory() {
	const created = await createVault(fastDeps, { displayName: 'Dr. Audit', passphrase: PASSPHRASE });
	const vault = new UnlockedVault(created);
	await vault.clients.put({ ...newClient('c1'), name: 'First' });
	await vault.clients.put({ ...newClient('c1'), name: 'First, renamed' });
	await vault.clients.put({ ...newClient('c2'), name: 'Second' });
	await vault.clients.delete('c2');
	return { created, vault };
}

describe('audit trail', () => {
	it('records vault and record events in order with no PHI', async () => {
		const { vault } = await vaultWithHistory();
		const entries = await vault.auditEntries();
		expect(entries.map((e) => [e.action, e.recordId])).toEqual([
			['vault.create', null],
			['record.create', 'c1'],
			['record.update', 'c1'],
			['record.create', 'c2'],
			['record.delete', 'c2']
		]);
		expect(JSON.stringify(entries)).not.toMatch(/First|Second/);
		expect(await vault.verifyAudit()).toEqual({ intact: true, entries: 5 });
	});

	it('finds a removed entry', async () => {
		const { created, vault } = await vaultWithHistory();
		await created.db.audit.delete(3);
		expect(await vault.verifyAudit()).toMatchObject({ intact: false, brokenAt: 3, reason: 'missing-entry' });
	});

	it('finds an altered entry', async () => {
		const { created, vault } = await vaultWithHistory();
		await created.db.audit.update(4, { action: 'record.update' });
		expect(await vault.verifyAudit()).toMatchObject({ intact: false, brokenAt: 4, reason: 'altered-entry' });
	});

	it('finds an edited entry whose own hash was recomputed to hide the edit', async () => {
		const rows = await (await vaultWithHistory()).vault.auditEntries();
		const { hash: _old, ...edited } = { ...rows[2]!, action: 'record.create' };
		const forged = [...rows];
		forged[2] = { ...edited, hash: entryHash(edited) };
		expect(verifyChain(forged)).toMatchObject({ intact: false, brokenAt: 4, reason: 'broken-link' });
	});

	it('finds a removed first entry', async () => {
		const { created, vault } = await vaultWithHistory();
		await created.db.audit.delete(1);
		expect(await vault.verifyAudit()).toMatchObject({ intact: false, brokenAt: 1, reason: 'missing-entry' });
	});

	it('records a batch write as one entry per kind of change, naming every record', async () => {
		const { vault } = await vaultWithHistory();
		await vault.clients.putMany([
			{ ...newClient('c1'), name: 'First again' },
			{ ...newClient('c3'), name: 'Third' },
			{ ...newClient('c4'), name: 'Fourth' }
		]);
		await vault.clients.deleteMany(['c3', 'c4']);
		const entries = (await vault.auditEntries()).slice(5);
		expect(entries.map((e) => [e.action, e.recordId, e.recordIds])).toEqual([
			['record.create', null, ['c3', 'c4']],
			['record.update', 'c1', null],
			['record.delete', null, ['c3', 'c4']]
		]);
		expect((await vault.clients.all()).map((c) => c.name)).toEqual(['First again']);
		expect(await vault.verifyAudit()).toEqual({ intact: true, entries: 8 });
	});

	it('stores a batch larger than one encryption slice completely', async () => {
		const { vault } = await vaultWithHistory();
		const many = Array.from({ length: 2500 }, (_, i) => ({ ...newClient(`bulk-${i}`), name: `Client ${i}` }));
		await vault.clients.putMany(many);
		const names = new Set((await vault.clients.all()).map((c) => c.name));
		expect(names.size).toBe(2501);
		expect(names.has('Client 2499')).toBe(true);
		expect((await vault.auditEntries()).at(-1)?.recordIds).toHaveLength(2500);
	});

	it('finds a record id removed from a batch entry', async () => {
		const { created, vault } = await vaultWithHistory();
		await vault.clients.putMany([{ ...newClient('c5'), name: 'Five' }, { ...newClient('c6'), name: 'Six' }]);
		await created.db.audit.update(6, { recordIds: ['c5'] });
		expect(await vault.verifyAudit()).toMatchObject({ intact: false, brokenAt: 6, reason: 'altered-entry' });
	});
});

describe('the audit head: a trail cut short is found', () => {
	/** The newest entries removed while the vault is locked, as someone with the disk could. */
	async function cutWhileLocked(count: number) {
		const { created, vault } = await vaultWithHistory();
		await vault.lock();
		const db = new VaultDatabase(created.profileId);
		const last = (await db.audit.orderBy('seq').last())!.seq;
		await db.audit.bulkDelete(Array.from({ length: count }, (_, i) => last - i));
		db.close();
		return { created, last, reopened: new UnlockedVault(await unlockWithPassphrase(fastDeps, created.profileId, PASSPHRASE)) };
	}

	it('reports the newest entries removed, although what remains still links', async () => {
		const { reopened, last } = await cutWhileLocked(2);
		const rows = await reopened.auditEntries();
		// The unlock wrote its own entry onto the shortened chain: the chain alone looks whole.
		expect(verifyChain(rows)).toMatchObject({ intact: true });
		expect(await reopened.verifyAudit()).toMatchObject({ intact: false, reason: 'cut-short', brokenAt: last });
		// Later writes do not heal it: the head stays where the removed entries were.
		await reopened.clients.put({ ...newClient('c9'), name: 'Later' });
		expect(await reopened.verifyAudit()).toMatchObject({ intact: false, reason: 'cut-short' });
	});

	it('reports the tail replaced by forged entries whose unkeyed hashes link', async () => {
		const { created, vault } = await vaultWithHistory();
		await vault.lock();
		const db = new VaultDatabase(created.profileId);
		const rows = await db.audit.orderBy('seq').toArray();
		// Entry 6 (the lock) rewritten as something else, its hash recomputed: the chain verifies.
		const { hash: _old, ...edited } = { ...rows.at(-1)!, action: 'record.export' };
		await db.audit.put({ ...edited, hash: entryHash(edited) });
		db.close();
		const reopened = new UnlockedVault(await unlockWithPassphrase(fastDeps, created.profileId, PASSPHRASE));
		expect(verifyChain(await reopened.auditEntries())).toMatchObject({ intact: true });
		expect(await reopened.verifyAudit()).toMatchObject({ intact: false, reason: 'cut-short' });
	});

	it('reports a deleted or forged head', async () => {
		const { created, vault } = await vaultWithHistory();
		await created.db.auditHead.delete('head');
		expect(await vault.verifyAudit()).toMatchObject({ intact: false, reason: 'cut-short' });
		const head = { id: 'head' as const, seq: 5, hash: (await created.db.audit.get(5))!.hash, mac: '0'.repeat(64) };
		await created.db.auditHead.put(head);
		expect(await vault.verifyAudit()).toMatchObject({ intact: false, reason: 'cut-short' });
	});

	it('accepts failed unlocks written while locked, after the head', async () => {
		const { created, vault } = await vaultWithHistory();
		await vault.lock();
		await expect(unlockWithPassphrase(fastDeps, created.profileId, 'not the passphrase at all')).rejects.toThrow();
		const reopened = new UnlockedVault(await unlockWithPassphrase(fastDeps, created.profileId, PASSPHRASE));
		expect(await reopened.verifyAudit()).toEqual({ intact: true, entries: 8 });
	});

	it('drops the head key at lock', async () => {
		const { created, vault } = await vaultWithHistory();
		const key = created.db.auditKey!;
		expect(key.some((b) => b !== 0)).toBe(true);
		await vault.lock();
		expect(created.db.auditKey).toBeNull();
		expect(key.every((b) => b === 0)).toBe(true);
	});

	it('anchors an older vault, made before the head existed, at its first unlock', async () => {
		const { created, vault } = await vaultWithHistory();
		await vault.lock();
		const db = new VaultDatabase(created.profileId);
		await db.keyring.update('primary', { auditKey: undefined });
		await db.auditHead.clear();
		db.close();
		const reopened = new UnlockedVault(await unlockWithPassphrase(fastDeps, created.profileId, PASSPHRASE));
		expect(await reopened.verifyAudit()).toEqual({ intact: true, entries: 7 });
		expect((await new VaultDatabase(created.profileId).keyring.get('primary'))?.auditKey).toBeInstanceOf(ArrayBuffer);
	});
});
