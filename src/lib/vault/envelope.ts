import { AppError } from '$lib/domain/app-error';
import { fromUtf8, utf8 } from '$lib/domain/encoding';
import type { DataKey } from './keys';

/**
 * Record envelope, version 1: AES-GCM-256 with a random 96-bit IV. The additional data binds
 * the ciphertext to its table, record id and envelope version, so a ciphertext copied onto
 * another row (or another table) fails authentication instead of showing the wrong client's data.
 */
export const ENVELOPE_VERSION = 1;

export interface Envelope {
	readonly v: typeof ENVELOPE_VERSION;
	readonly iv: Uint8Array<ArrayBuffer>;
	readonly ct: ArrayBuffer;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function additionalData(table: string, id: string, version: number = ENVELOPE_VERSION): Uint8Array<ArrayBuffer> {
	return utf8(`tacit/record/v${version}\u0000${table}\u0000${id}`);
}

export async function sealBytes(key: DataKey, table: string, id: string, plain: Uint8Array<ArrayBuffer>): Promise<Envelope> {
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(table, id) }, key, plain);
	return { v: ENVELOPE_VERSION, iv, ct };
}

export async function seal(key: DataKey, table: string, id: string, value: unknown): Promise<Envelope> {
	return sealBytes(key, table, id, utf8(JSON.stringify(value)));
}

/**
 * Checks the envelope's shape before decrypting (a truncated or foreign object is reported
 * as malformed, not fed to the cipher) and reports an authentication failure as an error
 * with a code: a record is never silently skipped.
 */
export async function openBytes(key: DataKey, table: string, id: string, envelope: unknown): Promise<Uint8Array> {
	const env = envelope as Partial<Envelope> | null;
	if (
		!env ||
		env.v !== ENVELOPE_VERSION ||
		!(env.iv instanceof Uint8Array) ||
		env.iv.length !== IV_BYTES ||
		!(env.ct instanceof ArrayBuffer) ||
		env.ct.byteLength < TAG_BYTES
	) {
		throw new AppError('vault/envelope-malformed', { table, id });
	}
	try {
		const plain = await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv: env.iv, additionalData: additionalData(table, id, env.v) },
			key,
			env.ct
		);
		return new Uint8Array(plain);
	} catch (cause) {
		throw new AppError('vault/decrypt-failed', { table, id }, { cause });
	}
}

export async function open<T>(key: DataKey, table: string, id: string, envelope: unknown): Promise<T> {
	const bytes = await openBytes(key, table, id, envelope);
	return JSON.parse(fromUtf8(bytes)) as T;
}
