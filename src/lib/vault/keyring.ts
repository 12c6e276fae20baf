import { AppError } from '$lib/domain/core/app-error';
import { MIN_PASSPHRASE_LENGTH_CHARS } from '$lib/domain/passphrase/passphrase-rules';
import { appendAudit, auditHeadRow, auditStores, recordAudit } from './audit';
import { type KeyringRow, ProfileDirectory, type ProfileRow, VaultDatabase } from './database';
import type { Argon2Runner } from './kdf';
import { newKdfParams, validateKdfParams, type KdfParams } from './kdf-params';
import {
	type DataKey,
	type WrappedKey,
	deriveWrappingKey,
	formatRecoveryKey,
	generateDataKey,
	newRecoveryKey,
	parseRecoveryKey,
	recoveryWrappingKey,
	unwrapDataKey,
	wrapDataKey
} from './keys';
import { openBytes, sealBytes } from './envelope';
import { persistStorage, writeOrExplain } from './storage';

export const DEFAULT_AUTO_LOCK_MINUTES = 10;

const passphraseContext = (profileId: string) => `tacit/keyring/v1/passphrase/${profileId}`;
const recoveryContext = (profileId: string) => `tacit/keyring/v1/recovery/${profileId}`;
export const auditKeyContext = (profileId: string) => `tacit/keyring/v1/audit-head/${profileId}`;
const AUDIT_KEY_BYTES = 32;

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

export function checkPassphrase(passphrase: string): void {
	if ([...passphrase].length < MIN_PASSPHRASE_LENGTH_CHARS) throw new AppError('vault/passphrase-too-short');
}

export async function readKeyring(db: VaultDatabase): Promise<KeyringRow> {
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
	const auditKey = crypto.getRandomValues(new Uint8Array(AUDIT_KEY_BYTES));
	keyring.auditKey = await sealBytes(dataKey, 'keyring', auditKeyContext(profileId), auditKey.slice());
	const db = new VaultDatabase(profileId);
	db.auditKey = auditKey;
	await writeOrExplain(() =>
		db.transaction('rw', [db.keyring, db.settings, ...auditStores(db)], async () => {
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
		const dataKey = await unwrapWithPassphrase(deps, await readKeyring(db), profileId, passphrase);
		await attachAuditKey(db, profileId, dataKey);
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

/** Checks the passphrase again before a step only the vault's owner may take (deleting a client); throws when wrong. */
export async function confirmPassphrase(deps: KeyringDeps, vault: OpenedVault, passphrase: string): Promise<void> {
	await unwrapWithPassphrase(deps, await readKeyring(vault.db), vault.profileId, passphrase);
}

/** An extractable copy of the data key, for quick unlock to wrap; the passphrase is asked again. */
export async function extractableDataKey(deps: KeyringDeps, vault: OpenedVault, passphrase: string): Promise<DataKey> {
	return unwrapWithPassphrase(deps, await readKeyring(vault.db), vault.profileId, passphrase, { extractable: true });
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
		const extractable = await unwrapWithRecoveryKey(await readKeyring(db), profileId, recoveryText);
		await attachAuditKey(db, profileId, extractable);
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

/**
 * Opens the audit head's key from the keyring into `db.auditKey`, for this unlock only. A vault
 * made before the head existed gets a key now, and its head is set to the chain as it stands
 * (nothing older can be vouched for). `reanchor` does the same for a chain the clinician just
 * restored with their secret. A key that fails its integrity check is left out: the audit
 * trail then reports itself unverifiable rather than blocking the clinician's records.
 */
export async function attachAuditKey(db: VaultDatabase, profileId: string, dataKey: DataKey, options: { reanchor?: boolean } = {}): Promise<void> {
	const keyring = await readKeyring(db);
	const context = auditKeyContext(profileId);
	const stored = keyring.auditKey ? await openBytes(dataKey, 'keyring', context, keyring.auditKey).catch(() => null) : null;
	// Damaged (not merely absent): left out, and verifyAuditTrail says the trail cannot be vouched for.
	if (keyring.auditKey && !options.reanchor) {
		db.auditKey = stored;
		return;
	}
	const key = stored ?? crypto.getRandomValues(new Uint8Array(AUDIT_KEY_BYTES));
	const sealed = stored ? keyring.auditKey! : await sealBytes(dataKey, 'keyring', context, key.slice());
	await writeOrExplain(() =>
		db.transaction('rw', [db.keyring, ...auditStores(db)], async () => {
			await db.keyring.update('primary', { auditKey: sealed });
			const last = await db.audit.orderBy('seq').last();
			if (last) await db.auditHead.put(auditHeadRow(key, last));
		})
	);
	db.auditKey = key;
}

/**
 * A new recovery key, for one lost or seen by someone else: the data key is wrapped under it
 * and the old wrap is overwritten, so the old key no longer opens this vault (a backup made
 * before still carries the old wrap). The passphrase is asked again, as for a passphrase
 * change. Returns the new key's text, which the caller shows once; it is never stored.
 */
export async function replaceRecoveryKey(deps: KeyringDeps, vault: OpenedVault, currentPassphrase: string): Promise<string> {
	const { db, profileId } = vault;
	const extractable = await unwrapWithPassphrase(deps, await readKeyring(db), profileId, currentPassphrase, { extractable: true });
	const recovery = newRecoveryKey();
	try {
		const recoverySalt = crypto.getRandomValues(new Uint8Array(16));
		const recoveryWrap = await wrapDataKey(extractable, await recoveryWrappingKey(recovery, recoverySalt), recoveryContext(profileId));
		await writeOrExplain(() =>
			db.transaction('rw', [db.keyring, ...auditStores(db)], async () => {
				await db.keyring.update('primary', { recoveryWrap, recoverySalt, changedAt: Date.now() });
				await appendAudit(db, profileId, { action: 'vault.recovery-key-replace' });
			})
		);
		return formatRecoveryKey(recovery);
	} finally {
		recovery.fill(0);
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
	// A transient extractable copy, needed to wrap under the new key; dropped when this returns.
	const extractable = await unwrapWithPassphrase(deps, keyring, vault.profileId, currentPassphrase, { extractable: true });
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
	const { kdf, passphraseWrap, sessionKey } = await wrapForPassphrase(deps, profileId, extractable, newPassphrase);
	await writeOrExplain(() =>
		db.transaction('rw', [db.keyring, ...auditStores(db)], async () => {
			await db.keyring.update('primary', { kdf, passphraseWrap, changedAt: Date.now() });
			await appendAudit(db, profileId, { action });
		})
	);
	return sessionKey;
}

/**
 * Unwraps a keyring's data key with the passphrase. The stored KDF parameters are checked
 * first (downgrade attack, see kdf-params.ts); used by unlock, passphrase change and restore.
 */
export async function unwrapWithPassphrase(
	deps: KeyringDeps,
	keyring: KeyringRow,
	profileId: string,
	passphrase: string,
	options: { extractable: boolean } = { extractable: false }
): Promise<DataKey> {
	const kdf = validateKdfParams(keyring.kdf);
	const key = await deriveWrappingKey(passphrase, kdf, deps.argon2);
	return unwrapDataKey(keyring.passphraseWrap, key, passphraseContext(profileId), {
		extractable: options.extractable,
		onFailure: 'vault/wrong-passphrase'
	});
}

/** Unwraps with the recovery key text; extractable, because the caller rewraps it under a new passphrase. */
export async function unwrapWithRecoveryKey(keyring: KeyringRow, profileId: string, recoveryText: string): Promise<DataKey> {
	const recovery = parseRecoveryKey(recoveryText);
	const recoveryKey = await recoveryWrappingKey(recovery, keyring.recoverySalt);
	recovery.fill(0);
	return unwrapDataKey(keyring.recoveryWrap, recoveryKey, recoveryContext(profileId), {
		extractable: true,
		onFailure: 'vault/wrong-recovery-key'
	});
}

/** Wraps an extractable data key under a new passphrase (fresh KDF salt) and returns the non-extractable session copy. */
export async function wrapForPassphrase(
	deps: KeyringDeps,
	profileId: string,
	extractable: DataKey,
	newPassphrase: string
): Promise<{ kdf: KdfParams; passphraseWrap: WrappedKey; sessionKey: DataKey }> {
	const kdf = newKdfParams(deps.kdfCost);
	const newKey = await deriveWrappingKey(newPassphrase, kdf, deps.argon2);
	const passphraseWrap = await wrapDataKey(extractable, newKey, passphraseContext(profileId));
	const sessionKey = await unwrapDataKey(passphraseWrap, newKey, passphraseContext(profileId), {
		extractable: false,
		onFailure: 'vault/wrong-passphrase'
	});
	return { kdf, passphraseWrap, sessionKey };
}

export async function openExisting(profileId: string): Promise<VaultDatabase> {
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

/** The profile's entry in the device's directory, if it has one. */
export async function profileEntry(profileId: string): Promise<ProfileRow | undefined> {
	const directory = new ProfileDirectory();
	try {
		return await directory.profiles.get(profileId);
	} finally {
		directory.close();
	}
}

/** Adds a profile to the device's directory (a restore onto a new device). */
export async function saveProfileEntry(row: ProfileRow): Promise<void> {
	const directory = new ProfileDirectory();
	try {
		await writeOrExplain(() => directory.profiles.put(row));
	} finally {
		directory.close();
	}
}
