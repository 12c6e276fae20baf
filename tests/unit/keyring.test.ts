import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { AppError } from '$lib/domain/core/app-error';
import { newClient, newSession } from '$lib/domain/core/records';
import { VaultDatabase } from '$lib/vault/database';
import { createVault, listProfiles, recoverWithKey, unlockWithPassphrase } from '$lib/vault/keyring';
import { UnlockedVault } from '$lib/vault/vault';
import { codeOf, fastDeps, PASSPHRASE } from './helpers';

async function freshVault() {
	const created = await createVault(fastDeps, { displayName: 'Dr. Rivera', passphrase: PASSPHRASE });
	const vault = new UnlockedVault(created);
	const client = { ...newClient('client-1'), name: 'Jordan Example' };
	await vault.clients.put(client);
	const session = { ...newSession('session-1', client.id, '2026-11-20'), content: 'Discussed sleep.' };
	await vault.sessions.put(session);
	return { created, vault, client, session };
}

beforeEach(async () => {
	for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

describe('creating and unlocking a vault', () => {
	it('lists the new profile by display name only', async () => {
		const { created } = await freshVault();
		expect(await listProfiles()).toEqual([{ id: created.profileId, displayName: 'Dr. Rivera' }]);
	});

	it('refuses a passphrase shorter than 12 characters', async () => {
		expect(await codeOf(createVault(fastDeps, { displayName: 'A', passphrase: 'short pass' }))).toBe(
			'vault/passphrase-too-short'
		);
		expect(await listProfiles()).toEqual([]);
	});

	it('opens with the passphrase and reads back what was saved', async () => {
		const { created, vault, client, session } = await freshVault();
		vault.close();
		const reopened = new UnlockedVault(await unlockWithPassphrase(fastDeps, created.profileId, PASSPHRASE));
		expect(await reopened.clients.get(client.id)).toEqual(client);
		expect(await reopened.sessions.where('clientId', client.id)).toEqual([session]);
	});

	it('gives the session a data key that cannot be exported', async () => {
		const { created } = await freshVault();
		await expect(crypto.subtle.exportKey('raw', created.dataKey)).rejects.toThrow();
	});

	it('refuses a wrong passphrase, changes nothing and audits the failure', async () => {
		const { created, vault } = await freshVault();
		const before = await vault.auditEntries();
		const keyringBefore = await created.db.keyring.get('primary');
		vault.close();
		expect(await codeOf(unlockWithPassphrase(fastDeps, created.profileId, 'not the passphrase'))).toBe(
			'vault/wrong-passphrase'
		);
		const db = new VaultDatabase(created.profileId);
		expect(await db.keyring.get('primary')).toEqual(keyringBefore);
		const after = await db.audit.orderBy('seq').toArray();
		expect(after).toHaveLength(before.length + 1);
		expect(after.at(-1)?.action).toBe('vault.unlock-failed');
		db.close();
	});
});

describe('several clinicians on one device', () => {
	it('keeps each profile in its own database, opened only by its own passphrase', async () => {
		const first = await createVault(fastDeps, { displayName: 'Dr. A', passphrase: 'first clinician pass' });
		const second = await createVault(fastDeps, { displayName: 'Dr. B', passphrase: 'second clinician pass' });
		await new UnlockedVault(first).clients.put({ ...newClient('only-a'), name: 'Client of A' });
		expect(first.db.name).not.toBe(second.db.name);
		expect(await second.db.clients.count()).toBe(0);
		expect((await listProfiles()).map((p) => p.displayName)).toEqual(['Dr. A', 'Dr. B']);
		expect(await codeOf(unlockWithPassphrase(fastDeps, second.profileId, 'first clinician pass'))).toBe(
			'vault/wrong-passphrase'
		);
	});
});

describe('changing the passphrase', () => {
	it('rewraps the key without rewriting any record, and the old passphrase stops working', async () => {
		const { created, vault, client } = await freshVault();
		const clientsBefore = await created.db.clients.toArray();
		const sessionsBefore = await created.db.sessions.toArray();
		const newPassphrase = 'a different passphrase 9';
		await vault.changePassphrase(fastDeps, PASSPHRASE, newPassphrase);
		expect(await created.db.clients.toArray()).toEqual(clientsBefore);
		expect(await created.db.sessions.toArray()).toEqual(sessionsBefore);
		vault.close();

		expect(await codeOf(unlockWithPassphrase(fastDeps, created.profileId, PASSPHRASE))).toBe('vault/wrong-passphrase');
		const reopened = new UnlockedVault(await unlockWithPassphrase(fastDeps, created.profileId, newPassphrase));
		expect((await reopened.clients.get(client.id)).name).toBe('Jordan Example');
		reopened.close();
	});

	it('refuses to change it without the current passphrase', async () => {
		const { vault } = await freshVault();
		expect(await codeOf(vault.changePassphrase(fastDeps, 'wrong current one', 'a different passphrase 9'))).toBe(
			'vault/wrong-passphrase'
		);
	});
});

describe('the recovery key', () => {
	it('opens the vault and sets a new passphrase, keeping every record', async () => {
		const { created, vault, session } = await freshVault();
		vault.close();
		const typed = created.recoveryKey.toLowerCase().replace(/-/g, ' ');
		const recovered = new UnlockedVault(
			await recoverWithKey(fastDeps, created.profileId, typed, 'brand new passphrase 1')
		);
		expect(await recovered.sessions.get(session.id)).toEqual(session);
		recovered.close();
		expect(await codeOf(unlockWithPassphrase(fastDeps, created.profileId, PASSPHRASE))).toBe('vault/wrong-passphrase');
		await unlockWithPassphrase(fastDeps, created.profileId, 'brand new passphrase 1');
	});

	it('refuses a wrong recovery key', async () => {
		const { created, vault } = await freshVault();
		vault.close();
		const wrong = created.recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
		expect(await codeOf(recoverWithKey(fastDeps, created.profileId, wrong, 'brand new passphrase 1'))).toBe(
			'vault/wrong-recovery-key'
		);
		expect(await codeOf(recoverWithKey(fastDeps, created.profileId, 'ABCD', 'brand new passphrase 1'))).toBe(
			'vault/wrong-recovery-key'
		);
		await unlockWithPassphrase(fastDeps, created.profileId, PASSPHRASE);
	});
});

describe('a new recovery key', () => {
	it('replaces the old one: the new key opens the vault, the old one no longer does, and the change is audited', async () => {
		const { created, vault, session } = await freshVault();
		const fresh = await vault.replaceRecoveryKey(fastDeps, PASSPHRASE);
		expect(fresh).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);
		expect(fresh).not.toBe(created.recoveryKey);
		expect((await vault.auditEntries()).at(-1)?.action).toBe('vault.recovery-key-replace');
		expect(await vault.verifyAudit()).toMatchObject({ intact: true });
		vault.close();
		expect(await codeOf(recoverWithKey(fastDeps, created.profileId, created.recoveryKey, 'brand new passphrase 1'))).toBe(
			'vault/wrong-recovery-key'
		);
		const recovered = new UnlockedVault(await recoverWithKey(fastDeps, created.profileId, fresh, 'brand new passphrase 1'));
		expect(await recovered.sessions.get(session.id)).toEqual(session);
		recovered.close();
	});

	it('asks for the passphrase and changes nothing when it is wrong', async () => {
		const { created, vault } = await freshVault();
		const before = await created.db.keyring.get('primary');
		expect(await codeOf(vault.replaceRecoveryKey(fastDeps, 'not the passphrase at all'))).toBe('vault/wrong-passphrase');
		expect(await created.db.keyring.get('primary')).toEqual(before);
		vault.close();
		await recoverWithKey(fastDeps, created.profileId, created.recoveryKey, 'brand new passphrase 1');
	});
});

describe('stored KDF parameters', () => {
	it('refuses to unlock with parameters weaker than the minimum (downgrade attack)', async () => {
		const { created, vault } = await freshVault();
		vault.close();
		const db = new VaultDatabase(created.profileId);
		const keyring = (await db.keyring.get('primary'))!;
		await db.keyring.put({ ...keyring, kdf: { ...keyring.kdf, memoryKiB: 8 * 1024 } });
		expect(await codeOf(unlockWithPassphrase(fastDeps, created.profileId, PASSPHRASE))).toBe('vault/kdf-too-weak');
		// The refused attempt is on the audit trail, like any failed unlock.
		expect((await db.audit.orderBy('seq').last())?.action).toBe('vault.unlock-failed');
		db.close();
	});

	it('refuses an unknown parameter version', async () => {
		const { created, vault } = await freshVault();
		vault.close();
		const db = new VaultDatabase(created.profileId);
		const keyring = (await db.keyring.get('primary'))!;
		await db.keyring.put({ ...keyring, kdf: { ...keyring.kdf, version: 99 } });
		db.close();
		expect(await codeOf(unlockWithPassphrase(fastDeps, created.profileId, PASSPHRASE))).toBe('vault/kdf-unsupported');
	});
});

describe('at rest', () => {
	it('stores no client or session text in the clear', async () => {
		const { created, vault } = await freshVault();
		await vault.sessions.put({ ...newSession('s-marker', 'client-1', '2026-11-21'), content: 'ZEBRA-MARKER-314' });
		const dump = JSON.stringify(
			[await created.db.clients.toArray(), await created.db.sessions.toArray(), await created.db.audit.toArray()],
			(_k, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? Buffer.from(v as ArrayBuffer).toString('latin1') : v)
		);
		expect(dump).toContain('s-marker');
		expect(dump).not.toContain('ZEBRA-MARKER-314');
		expect(dump).not.toContain('Jordan Example');
	});

	it('reports a tampered record by id instead of leaving it out of the list', async () => {
		const { created, vault } = await freshVault();
		const row = (await created.db.clients.get('client-1'))!;
		const env = new Uint8Array(row.env.slice(0));
		env[env.length - 1]! ^= 0xff;
		await created.db.clients.put({ ...row, env: env.buffer });
		const error = await vault.clients.all().catch((e: unknown) => e);
		expect(error).toBeInstanceOf(AppError);
		expect((error as AppError).code).toBe('vault/decrypt-failed');
		expect((error as AppError).details).toMatchObject({ table: 'clients', id: 'client-1' });

		// The list view reads what it can and names what it could not.
		await vault.clients.put({ ...newClient('client-2'), name: 'Intact' });
		const { records, failures } = await vault.clients.readAll();
		expect(records.map((c) => c.id)).toEqual(['client-2']);
		expect(failures.map((f) => [f.code, f.details.id])).toEqual([['vault/decrypt-failed', 'client-1']]);
	});

	it('reports a full disk clearly and writes neither the record nor its audit entry', async () => {
		const { created, vault } = await freshVault();
		const auditBefore = await created.db.audit.count();
		// Simulate the browser refusing the write for quota, inside the same transaction.
		const refuse = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
		created.db.audit.hook('creating', refuse);
		const code = await codeOf(vault.sessions.put({ ...newSession('s-full', 'client-1', '2026-11-22'), content: 'x' }));
		created.db.audit.hook('creating').unsubscribe(refuse);
		expect(code).toBe('storage/quota-exceeded');
		expect(await created.db.sessions.get('s-full')).toBeUndefined();
		expect(await created.db.audit.count()).toBe(auditBefore);
	});

	it('stores a batch all-or-nothing when the disk fills up', async () => {
		const { created, vault } = await freshVault();
		const before = await created.db.sessions.count();
		const refuse = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
		created.db.audit.hook('creating', refuse);
		const batch = [1, 2, 3].map((i) => ({ ...newSession(`batch-${i}`, 'client-1', '2026-11-23'), content: `n${i}` }));
		const code = await codeOf(vault.sessions.putMany(batch));
		created.db.audit.hook('creating').unsubscribe(refuse);
		expect(code).toBe('storage/quota-exceeded');
		expect(await created.db.sessions.count()).toBe(before);
	});
});
