import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { newClient } from '$lib/domain/core/records';
import { entryHash, verifyChain } from '$lib/vault/audit';
import { createVault } from '$lib/vault/keyring';
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
