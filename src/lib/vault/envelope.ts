import { AppError } from '$lib/domain/core/app-error';
import { fromUtf8, utf8 } from '$lib/domain/core/encoding';
import type { DataKey } from './keys';

/**
 * Record envelope, version 1: one ArrayBuffer laid out as
 *
 *   [0]      format version (1)
 *   [1..12]  96-bit random IV
 *   [13..]   AES-GCM-256 ciphertext with its 128-bit tag
 *
 * The additional data binds the ciphertext to its table, record id and envelope version, so a
 * ciphertext copied onto another row (or another table) fails authentication instead of
 * showing the wrong client's data. One flat buffer per record keeps IndexedDB's cloning cheap.
 */
export const ENVELOPE_VERSION = 1;

export type Envelope = ArrayBuffer;

const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES;

export function additionalData(table: string, id: string, version: number = ENVELOPE_VERSION): Uint8Array<ArrayBuffer> {
	return utf8(`tacit/record/v${version}\u0000${table}\u0000${id}`);
}

export async function sealBytes(key: DataKey, table: string, id: string, plain: Uint8Array<ArrayBuffer>): Promise<Envelope> {
	const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
	const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: additionalData(table, id) }, key, plain);
	const out = new Uint8Array(HEADER_BYTES + ct.byteLength);
	out[0] = ENVELOPE_VERSION;
	out.set(iv, 1);
	out.set(new Uint8Array(ct), HEADER_BYTES);
	return out.buffer;
}

export async function seal(key: DataKey, table: string, id: string, value: unknown): Promise<Envelope> {
	return sealBytes(key, table, id, utf8(JSON.stringify(value)));
}

/**
 * Checks the envelope's shape before decrypting (a truncated or foreign value is reported as
 * malformed, never fed to the cipher; an unknown version is never guessed at) and reports an
 * authentication failure as an error with a code: a record is never silently skipped.
 */
export async function openBytes(key: DataKey, table: string, id: string, envelope: unknown): Promise<Uint8Array> {
	if (!(envelope instanceof ArrayBuffer) || envelope.byteLength < HEADER_BYTES + TAG_BYTES) {
		throw new AppError('vault/envelope-malformed', { table, id });
	}
	const bytes = new Uint8Array(envelope);
	if (bytes[0] !== ENVELOPE_VERSION) throw new AppError('vault/envelope-malformed', { table, id });
	try {
		const plain = await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv: bytes.subarray(1, HEADER_BYTES), additionalData: additionalData(table, id, bytes[0]) },
			key,
			bytes.subarray(HEADER_BYTES)
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
