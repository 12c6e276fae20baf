import { AppError } from '$lib/domain/app-error';
import { MIN_PASSPHRASE_LENGTH_CHARS } from '$lib/domain/passphrase-rules';
import { appendAudit, recordAudit } from './audit';
import { type KeyringRow, ProfileDirectory, VaultDatabase } from './database';
import type { Argon2Runner } from './kdf';
import { newKdfParams, validateKdfParams, type KdfParams } from './kdf-params';
import {
	type DataKey,
	deriveWrappingKey,
	formatRecoveryKey,
	generateDataKey,
	newRecoveryKey,
	parseRecoveryKey,
	recoveryWrappingKey,
	unwrapDataKey,
	wrapDataKey
} from './keys';
import { persistStorage, writeOrExplain } from './storage';

export const DEFAULT_AUTO_LOCK_MINUTES = 10;

const passphraseContext = (profileId: string) => `tacit/keyring/v1/passphrase/${profileId}`;
const recoveryContext = (profileId: string) => `tacit/keyring/v1/recovery/${profileId}`;

export interface KeyringDeps {
	argon2: Argon2Runner;
	/** Cost for new wrappings; tests may pass the OWASP minimum to stay fast. */
	kdfCost?: Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>;
}

export interface OpenedVault {
	profileId: string;
	db: VaultDatabase;
	dataKey: DataKey;
}

function checkPassphrase(passphrase: string): void {
	if ([...passphrase].length < MIN_PASSPHRASE_LENGTH_CHARS) throw new AppError('vault/passphrase-too-short');
}

async function readKeyring(db: VaultDatabase): Promise<KeyringRow> {
	const row = await db.keyring.get('primary');
	if (!row) throw new AppError('vault/keyring-missing');
	return row;
}

/**
 * Creates a profile and its vault: a random data key wrapped by the passphrase (Argon2id)
 * and by a recovery key. Returns the recovery key text, which is shown once and never stored.
 */
export async function createVault(
	deps: KeyringDeps,
	input: { displayName: string; passphrase: string }
): Promise<OpenedVault & { recoveryKey: string }> {
	checkPassphrase(input.passphrase);
	const profileId = crypto.randomUUID();
	const kdf = newKdfParams(deps.kdfCost);
	const dataKey = await generateDataKey();
	const passphraseKey = await deriveWrappingKey(input.passphrase, kdf, deps.argon2);
	const recovery = newRecoveryKey();
	const recoverySalt = crypto.getRandomValues(new Uint8Array(16));
	const recoveryKey = await recoveryWrappingKey(recovery, recoverySalt);
	const keyring: KeyringRow = {
		id: 'primary',
		kdf,
		passphraseWrap: await wrapDataKey(dataKey, passphraseKey, passphraseContext(profileId)),
		recoveryWrap: await wrapDataKey(dataKey, recoveryKey, recoveryContext(profileId)),
		recoverySalt,
		changedAt: Date.now()
	};
	const db = new VaultDatabase(profileId);
	await writeOrExplain(() =>
		db.transaction('rw', db.keyring, db.settings, db.audit, async () => {
			await db.keyring.put(keyring);
			await db.settings.put({ id: 'preferences', autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES });
			await appendAudit(db, profileId, { action: 'vault.create' });
		})
	);
	// The directory row goes last: a vault that failed to write never shows up as a profile.
	const directory = new ProfileDirectory();
	try {
		await writeOrExplain(() =>
			directory.profiles.put({ id: profileId, displayName: input.displayName.trim(), createdAt: Date.now() })
		);
	} catch (error) {
		db.close();
		await db.delete();
		throw error;
	} finally {
		directory.close();
	}
	await persistStorage();
	// The session copy of the data key is non-extractable: script in this tab cannot export it.
	const sessionKey = await unwrapDataKey(keyring.passphraseWrap, passphraseKey, passphraseContext(profileId), {
		extractable: false,
		onFailure: 'vault/wrong-passphrase'
	});
	const text = formatRecoveryKey(recovery);
	recovery.fill(0);
	return { profileId, db, dataKey: sessionKey, recoveryKey: text };
}

export async function unlockWithPassphrase(deps: KeyringDeps, profileId: string, passphrase: string): Promise<OpenedVault> {
	const db = await openExisting(profileId);
	try {
		const keyring = await readKeyring(db);
		const kdf = validateKdfParams(keyring.kdf);
		const key = await deriveWrappingKey(passphrase, kdf, deps.argon2);
		const dataKey = await unwrapDataKey(keyring.passphraseWrap, key, passphraseContext(profileId), {
			extractable: false,
			onFailure: 'vault/wrong-passphrase'
		});
		await recordAudit(db, profileId, { action: 'vault.unlock' });
		return { profileId, db, dataKey };
	} catch (error) {
		// Every failed attempt is recorded, including refused (possibly tampered) KDF settings.
		// If even that write fails, the clinician still sees why the unlock failed.
		await recordAudit(db, profileId, { action: 'vault.unlock-failed' }).catch(() => undefined);
		db.close();
		throw error;
	}
}

/**
 * Opens the vault with the recovery key and sets a new passphrase in the same step, so a
 * clinician who forgot the passphrase loses nothing. Records are not re-encrypted.
 */
export async function recoverWithKey(
	deps: KeyringDeps,
	profileId: string,
	recoveryText: string,
	newPassphrase: string
): Promise<OpenedVault> {
	checkPassphrase(newPassphrase);
	const db = await openExisting(profileId);
	try {
		const keyring = await readKeyring(db);
		const recovery = parseRecoveryKey(recoveryText);
		const recoveryKey = await recoveryWrappingKey(recovery, keyring.recoverySalt);
		recovery.fill(0);
		const extractable = await unwrapDataKey(keyring.recoveryWrap, recoveryKey, recoveryContext(profileId), {
			extractable: true,
			onFailure: 'vault/wrong-recovery-key'
		});
		const dataKey = await rewrapPassphrase(deps, db, profileId, extractable, newPassphrase, 'vault.recover');
		return { profileId, db, dataKey };
	} catch (error) {
		// Every failed attempt is recorded, including refused (possibly tampered) KDF settings.
		// If even that write fails, the clinician still sees why the unlock failed.
		await recordAudit(db, profileId, { action: 'vault.unlock-failed' }).catch(() => undefined);
		db.close();
		throw error;
	}
}

/** Changing the passphrase rewraps the data key only; no record is touched. */
export async function changePassphrase(
	deps: KeyringDeps,
	vault: OpenedVault,
	currentPassphrase: string,
	newPassphrase: string
): Promise<DataKey> {
	checkPassphrase(newPassphrase);
	const keyring = await readKeyring(vault.db);
	const kdf = validateKdfParams(keyring.kdf);
	const currentKey = await deriveWrappingKey(currentPassphrase, kdf, deps.argon2);
	// A transient extractable copy, needed to wrap under the new key; dropped when this returns.
	const extractable = await unwrapDataKey(keyring.passphraseWrap, currentKey, passphraseContext(vault.profileId), {
		extractable: true,
		onFailure: 'vault/wrong-passphrase'
	});
	return rewrapPassphrase(deps, vault.db, vault.profileId, extractable, newPassphrase, 'vault.passphrase-change');
}

async function rewrapPassphrase(
	deps: KeyringDeps,
	db: VaultDatabase,
	profileId: string,
	extractable: DataKey,
	newPassphrase: string,
	action: 'vault.recover' | 'vault.passphrase-change'
): Promise<DataKey> {
	const kdf = newKdfParams(deps.kdfCost);
	const newKey = await deriveWrappingKey(newPassphrase, kdf, deps.argon2);
	const passphraseWrap = await wrapDataKey(extractable, newKey, passphraseContext(profileId));
	await writeOrExplain(() =>
		db.transaction('rw', db.keyring, db.audit, async () => {
			await db.keyring.update('primary', { kdf, passphraseWrap, changedAt: Date.now() });
			await appendAudit(db, profileId, { action });
		})
	);
	return unwrapDataKey(passphraseWrap, newKey, passphraseContext(profileId), {
		extractable: false,
		onFailure: 'vault/wrong-passphrase'
	});
}

async function openExisting(profileId: string): Promise<VaultDatabase> {
	const directory = new ProfileDirectory();
	try {
		if (!(await directory.profiles.get(profileId))) throw new AppError('vault/profile-not-found');
	} finally {
		directory.close();
	}
	const db = new VaultDatabase(profileId);
	await db.open();
	return db;
}

export async function listProfiles(): Promise<{ id: string; displayName: string }[]> {
	const directory = new ProfileDirectory();
	try {
		const rows = await directory.profiles.orderBy('id').toArray();
		return rows
			.sort((a, b) => a.displayName.localeCompare(b.displayName))
			.map(({ id, displayName }) => ({ id, displayName }));
	} finally {
		directory.close();
	}
}
