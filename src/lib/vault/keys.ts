import { AppError } from '$lib/domain/core/app-error';
import { fromBase32, groupsOf, toBase32, utf8 } from '$lib/domain/core/encoding';
import type { Argon2Runner } from './kdf';
import type { KdfParams } from './kdf-params';

/**
 * Branded key types, so a wrapping key can never be passed where the data key belongs.
 * The data key encrypts records; wrapping keys (from the passphrase or the recovery key)
 * only ever wrap and unwrap the data key.
 */
declare const brand: unique symbol;
export type DataKey = CryptoKey & { readonly [brand]: 'DataKey' };
export type WrappingKey = CryptoKey & { readonly [brand]: 'WrappingKey' };

/** A data key wrapped by one wrapping key. */
export interface WrappedKey {
	readonly iv: Uint8Array<ArrayBuffer>;
	readonly wrapped: ArrayBuffer;
}

const AES = { name: 'AES-GCM', length: 256 } as const;
const RECOVERY_KEY_BYTES = 32;

export async function generateDataKey(): Promise<DataKey> {
	// Extractable only so it can be wrapped at creation; the session copy is unwrapped non-extractable.
	return (await crypto.subtle.generateKey(AES, true, ['encrypt', 'decrypt'])) as DataKey;
}

export async function deriveWrappingKey(
	passphrase: string,
	params: KdfParams,
	argon2: Argon2Runner
): Promise<WrappingKey> {
	const password = utf8(passphrase.normalize('NFC'));
	const raw = await argon2(password, params);
	password.fill(0);
	try {
		return (await crypto.subtle.importKey('raw', raw, AES, false, ['wrapKey', 'unwrapKey'])) as WrappingKey;
	} finally {
		raw.fill(0);
	}
}

/** The recovery key is 256 random bits, so HKDF (not a slow KDF) is enough to turn it into a key. */
export function recoveryWrappingKey(recovery: Uint8Array<ArrayBuffer>, salt: Uint8Array<ArrayBuffer>): Promise<WrappingKey> {
	return hkdfWrappingKey(recovery, salt, 'tacit recovery wrap v1');
}

/** A passkey's PRF output is 256 bits the authenticator keeps secret: HKDF turns it into a wrapping key. */
export function passkeyWrappingKey(prf: ArrayBuffer, salt: Uint8Array<ArrayBuffer>): Promise<WrappingKey> {
	return hkdfWrappingKey(new Uint8Array(prf), salt, 'tacit passkey wrap v1');
}

async function hkdfWrappingKey(secret: Uint8Array<ArrayBuffer>, salt: Uint8Array<ArrayBuffer>, info: string): Promise<WrappingKey> {
	const ikm = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
	return (await crypto.subtle.deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt, info: utf8(info) },
		ikm,
		AES,
		false,
		['wrapKey', 'unwrapKey']
	)) as WrappingKey;
}

export async function wrapDataKey(dataKey: DataKey, wrappingKey: WrappingKey, context: string): Promise<WrappedKey> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const wrapped = await crypto.subtle.wrapKey('raw', dataKey, wrappingKey, {
		name: 'AES-GCM',
		iv,
		additionalData: utf8(context)
	});
	return { iv, wrapped };
}

/**
 * Unwraps the data key. GCM authentication fails for a wrong wrapping key, so a wrong
 * passphrase is detected here without storing any verifier that could be attacked offline
 * faster than the KDF.
 */
export async function unwrapDataKey(
	wrapped: WrappedKey,
	wrappingKey: WrappingKey,
	context: string,
	options: { extractable: boolean; onFailure: 'vault/wrong-passphrase' | 'vault/wrong-recovery-key' | 'vault/passkey-failed' }
): Promise<DataKey> {
	try {
		return (await crypto.subtle.unwrapKey(
			'raw',
			wrapped.wrapped,
			wrappingKey,
			{ name: 'AES-GCM', iv: wrapped.iv, additionalData: utf8(context) },
			AES,
			options.extractable,
			['encrypt', 'decrypt']
		)) as DataKey;
	} catch (cause) {
		throw new AppError(options.onFailure, {}, { cause });
	}
}

export function newRecoveryKey(): Uint8Array<ArrayBuffer> {
	return crypto.getRandomValues(new Uint8Array(RECOVERY_KEY_BYTES));
}

/** 52 characters in 13 groups of 4, easy to print and type back. */
export function formatRecoveryKey(bytes: Uint8Array): string {
	return groupsOf(toBase32(bytes), 4);
}

export function parseRecoveryKey(text: string): Uint8Array<ArrayBuffer> {
	const bytes = fromBase32(text, RECOVERY_KEY_BYTES);
	if (!bytes) throw new AppError('vault/wrong-recovery-key', { reason: 'format' });
	return bytes;
}
