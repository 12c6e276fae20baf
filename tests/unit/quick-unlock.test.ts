import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { newClient } from '$lib/domain/core/records';
import { KDF_MINIMUM } from '$lib/vault/kdf-params';
import { createVault, extractableDataKey, unlockWithDataKey } from '$lib/vault/keyring';
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

	it('opens with the passkey PRF output it was armed with, and not with another', async () => {
		const created = await createVault(fastDeps, { displayName: 'Dr. Quick', passphrase: PASSPHRASE });
		const quick = new QuickUnlock(fastDeps.argon2);
		const prf = crypto.getRandomValues(new Uint8Array(32)).buffer;
		const passkey = { credentialId: new Uint8Array([1, 2, 3]).buffer, prfSalt: crypto.getRandomValues(new Uint8Array(32)), prf };
		await quick.armPasskey(created.profileId, await extractableDataKey(fastDeps, created, PASSPHRASE), passkey);
		expect(quick.state).toMatchObject({ pin: false, passkey: true });
		expect(await codeOf(quick.unlockWithPasskey(created.profileId, crypto.getRandomValues(new Uint8Array(32)).buffer))).toBe('vault/passkey-failed');
		const key = await quick.unlockWithPasskey(created.profileId, prf);
		created.db.close();
		const vault = new UnlockedVault(await unlockWithDataKey(created.profileId, key, 'passkey'));
		expect(await vault.verifyAudit()).toMatchObject({ intact: true });
		vault.close();
	});

	it('keeps nothing on disk: a new page (a fresh QuickUnlock) has no way in but the passphrase', async () => {
		const { created } = await armed();
		const afterRestart = new QuickUnlock(fastDeps.argon2);
		expect(afterRestart.state).toBeNull();
		expect(await codeOf(afterRestart.unlockWithPin(created.profileId, '482913'))).toBe('vault/quick-unlock-off');
	});
});
