import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { newClient } from '$lib/domain/core/records';
import { KDF_MINIMUM } from '$lib/vault/kdf-params';
import {
	createVault,
	extractableDataKey,
	unlockWithPassphrase
} from '$lib/vault/keyring';
import { addPasskeyWrap, passkeyRequest, unlockWithDataKey, unlockWithPasskey } from '$lib/vault/keyring-quick';
import { PIN_ATTEMPTS, QuickUnlock } from '$lib/vault/quick-unlock';
import { UnlockedVault } from '$lib/vault/vault';
import { codeOf, fastDeps, PASSPHRASE } from './helpers';

beforeEach(async () => {
	for (const name of await Dexie.getDatabaseNames()) await Dexie.delete(name);
});

async function armed() {
	const created = await createVault(fastDeps, { displayName: 'Dr. Quick', passphrase: PASSPHRASE });
	const vault = new UnlockedVault(created);
	await vault.clients.put({ ...newClient('c1'), name: 'Jordan Example' });
	const quick = new QuickUnlock(fastDeps.argon2);
	await quick.armPin(created.profileId, await extractableDataKey(fastDeps, created, PASSPHRASE), '482913', KDF_MINIMUM);
	await vault.lock();
	return { created, quick };
}

describe('quick unlock', () => {
	it('reopens the vault with the PIN, with a key that cannot be exported', async () => {
		const { created, quick } = await armed();
		const key = await quick.unlockWithPin(created.profileId, '482913');
		expect(key.extractable).toBe(false);
		const vault = new UnlockedVault(await unlockWithDataKey(created.profileId, key, 'pin'));
		expect((await vault.clients.get('c1')).name).toBe('Jordan Example');
		expect((await vault.auditEntries()).at(-1)).toMatchObject({ action: 'vault.unlock', detail: 'pin' });
		expect(await vault.verifyAudit()).toMatchObject({ intact: true });
		vault.close();
	});

	it(`forgets the PIN after ${PIN_ATTEMPTS} wrong tries, so only the passphrase opens the vault`, async () => {
		const { created, quick } = await armed();
		for (let left = PIN_ATTEMPTS - 1; left > 0; left--) {
			expect(await codeOf(quick.unlockWithPin(created.profileId, '000000'))).toBe('vault/wrong-pin');
			expect(quick.state?.attemptsLeft).toBe(left);
		}
		expect(await codeOf(quick.unlockWithPin(created.profileId, '000000'))).toBe('vault/pin-locked');
		expect(quick.state).toBeNull();
		// The right PIN no longer helps.
		expect(await codeOf(quick.unlockWithPin(created.profileId, '482913'))).toBe('vault/quick-unlock-off');
	});

	it('resets the count after a right PIN', async () => {
		const { created, quick } = await armed();
		await codeOf(quick.unlockWithPin(created.profileId, '111111'));
		await quick.unlockWithPin(created.profileId, '482913');
		expect(quick.state?.attemptsLeft).toBe(PIN_ATTEMPTS);
	});

	it('refuses a short or non-numeric PIN', async () => {
		const created = await createVault(fastDeps, { displayName: 'Dr. Quick', passphrase: PASSPHRASE });
		const quick = new QuickUnlock(fastDeps.argon2);
		const key = await extractableDataKey(fastDeps, created, PASSPHRASE);
		expect(await codeOf(quick.armPin(created.profileId, key, '12345'))).toBe('vault/pin-invalid');
		expect(await codeOf(quick.armPin(created.profileId, key, 'abcdef'))).toBe('vault/pin-invalid');
	});

	it('keeps nothing on disk: a new page (a fresh QuickUnlock) has no way in but the passphrase', async () => {
		const { created } = await armed();
		const afterRestart = new QuickUnlock(fastDeps.argon2);
		expect(afterRestart.state).toBeNull();
		expect(await codeOf(afterRestart.unlockWithPin(created.profileId, '482913'))).toBe('vault/quick-unlock-off');
	});
});

describe('a passkey wrap in the keyring', () => {
	async function withPasskey() {
		const created = await createVault(fastDeps, { displayName: 'Dr. Quick', passphrase: PASSPHRASE });
		const prf = crypto.getRandomValues(new Uint8Array(32)).buffer;
		const credentialId = new Uint8Array([7, 7, 7]).buffer;
		await addPasskeyWrap(created, await extractableDataKey(fastDeps, created, PASSPHRASE), { credentialId, prfSalt: crypto.getRandomValues(new Uint8Array(32)), prf });
		created.db.close();
		return { created, prf, credentialId };
	}

	it('opens the vault with the PRF output, from a fresh page (it survives reloads), and is audited', async () => {
		const { created, prf, credentialId } = await withPasskey();
		expect(new Uint8Array((await passkeyRequest(created.profileId))!.credentialId)).toEqual(new Uint8Array(credentialId));
		const vault = new UnlockedVault(await unlockWithPasskey(created.profileId, prf));
		const actions = (await vault.auditEntries()).map((e) => [e.action, e.detail]);
		expect(actions).toContainEqual(['vault.passkey-add', null]);
		expect(actions.at(-1)).toEqual(['vault.unlock', 'passkey']);
		expect(await vault.verifyAudit()).toMatchObject({ intact: true });
		vault.close();
	});

	it('refuses another PRF output and records the failure', async () => {
		const { created } = await withPasskey();
		expect(await codeOf(unlockWithPasskey(created.profileId, crypto.getRandomValues(new Uint8Array(32)).buffer))).toBe('vault/passkey-failed');
		const vault = new UnlockedVault(await unlockWithPassphrase(fastDeps, created.profileId, PASSPHRASE));
		expect((await vault.auditEntries()).map((e) => [e.action, e.detail])).toContainEqual(['vault.unlock-failed', 'passkey']);
		vault.close();
	});

	it('is gone once removed: only the passphrase (or the recovery key) opens the vault', async () => {
		const { created, prf } = await withPasskey();
		const vault = new UnlockedVault(await unlockWithPasskey(created.profileId, prf));
		await vault.removePasskey();
		vault.close();
		expect(await passkeyRequest(created.profileId)).toBeNull();
		expect(await codeOf(unlockWithPasskey(created.profileId, prf))).toBe('vault/quick-unlock-off');
	});
});

describe('PIN tries started side by side', () => {
	it('count against the limit before they finish, so no more than five run', async () => {
		const { created, quick } = await armed();
		const codes = await Promise.all(Array.from({ length: 7 }, () => codeOf(quick.unlockWithPin(created.profileId, '000000'))));
		expect(codes.filter((c) => c === 'vault/wrong-pin')).toHaveLength(PIN_ATTEMPTS - 1);
		expect(codes.filter((c) => c === 'vault/pin-locked')).toHaveLength(3);
		expect(quick.state).toBeNull();
	});
});
