import { AppError } from '$lib/domain/core/app-error';
import { appendAudit, auditStores, recordAudit } from './audit';
import { openBytes } from './envelope';
import { attachAuditKey, auditKeyContext, openExisting, readKeyring, type OpenedVault } from './keyring';
import { passkeyWrappingKey, unwrapDataKey, wrapDataKey, type DataKey } from './keys';
import { writeOrExplain } from './storage';

/**
 * The keyring's quick ways in, beside the passphrase and the recovery key: a data key handed
 * back by PIN unlock (quick-unlock.ts), and the passkey wrap (passkey.ts gives the PRF output).
 * Every success and failure is on the audit trail.
 */

const passkeyContext = (profileId: string) => `tacit/keyring/v1/passkey/${profileId}`;

/**
 * Opens the vault with a data key that PIN unlock gave back (quick-unlock.ts). The key must
 * open the keyring's sealed audit key, so a wrong key is refused before anything is read.
 */
export async function unlockWithDataKey(profileId: string, dataKey: DataKey, method: 'pin'): Promise<OpenedVault> {
	const db = await openExisting(profileId);
	try {
		const keyring = await readKeyring(db);
		if (keyring.auditKey) {
			await openBytes(dataKey, 'keyring', auditKeyContext(profileId), keyring.auditKey).catch(() => {
				throw new AppError('vault/wrong-pin');
			});
		}
		await attachAuditKey(db, profileId, dataKey);
		await recordAudit(db, profileId, { action: 'vault.unlock', detail: method });
		return { profileId, db, dataKey };
	} catch (error) {
		await recordAudit(db, profileId, { action: 'vault.unlock-failed', detail: method }).catch(() => undefined);
		db.close();
		throw error;
	}
}

/**
 * Adds (or replaces) the profile's passkey: the data key wrapped under the passkey's PRF output,
 * beside the passphrase and recovery wraps. It stays until removed: without the authenticator
 * (and the clinician's touch or face) it opens nothing.
 */
export async function addPasskeyWrap(
	vault: OpenedVault,
	extractable: DataKey,
	secret: { credentialId: ArrayBuffer; prfSalt: Uint8Array<ArrayBuffer>; prf: ArrayBuffer }
): Promise<void> {
	const { db, profileId } = vault;
	const wrap = await wrapDataKey(extractable, await passkeyWrappingKey(secret.prf, secret.prfSalt), passkeyContext(profileId));
	const passkey = { credentialId: secret.credentialId, prfSalt: secret.prfSalt, wrap, addedAt: Date.now() };
	await writeOrExplain(() =>
		db.transaction('rw', [db.keyring, ...auditStores(db)], async () => {
			await db.keyring.update('primary', { passkey });
			await appendAudit(db, profileId, { action: 'vault.passkey-add' });
		})
	);
}

export async function removePasskeyWrap(vault: OpenedVault): Promise<void> {
	const { db, profileId } = vault;
	await writeOrExplain(() =>
		db.transaction('rw', [db.keyring, ...auditStores(db)], async () => {
			await db.keyring.update('primary', { passkey: undefined });
			await appendAudit(db, profileId, { action: 'vault.passkey-remove' });
		})
	);
}

/** The passkey to ask for on the lock screen (no secret: the credential id and PRF input), or null. */
export async function passkeyRequest(profileId: string): Promise<{ credentialId: ArrayBuffer; prfSalt: Uint8Array<ArrayBuffer> } | null> {
	const db = await openExisting(profileId);
	try {
		const passkey = (await db.keyring.get('primary'))?.passkey;
		return passkey ? { credentialId: passkey.credentialId, prfSalt: passkey.prfSalt } : null;
	} finally {
		db.close();
	}
}

/** Opens the vault with the passkey's PRF output; a wrong one fails GCM authentication and is audited. */
export async function unlockWithPasskey(profileId: string, prf: ArrayBuffer): Promise<OpenedVault> {
	const db = await openExisting(profileId);
	try {
		const passkey = (await readKeyring(db)).passkey;
		if (!passkey) throw new AppError('vault/quick-unlock-off');
		const wrappingKey = await passkeyWrappingKey(prf, passkey.prfSalt);
		const dataKey = await unwrapDataKey(passkey.wrap, wrappingKey, passkeyContext(profileId), {
			extractable: false,
			onFailure: 'vault/passkey-failed'
		});
		await attachAuditKey(db, profileId, dataKey);
		await recordAudit(db, profileId, { action: 'vault.unlock', detail: 'passkey' });
		return { profileId, db, dataKey };
	} catch (error) {
		await recordAudit(db, profileId, { action: 'vault.unlock-failed', detail: 'passkey' }).catch(() => undefined);
		db.close();
		throw error;
	}
}

/** A failed PIN or passkey unlock, on the audit trail like a wrong passphrase. */
export async function recordFailedUnlock(profileId: string, method: 'pin' | 'passkey'): Promise<void> {
	const db = await openExisting(profileId);
	try {
		await recordAudit(db, profileId, { action: 'vault.unlock-failed', detail: method });
	} finally {
		db.close();
	}
}
