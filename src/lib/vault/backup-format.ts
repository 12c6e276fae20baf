import * as v from 'valibot';
import { AppError } from '$lib/domain/core/app-error';
import { fromUtf8, toBase64, utf8 } from '$lib/domain/core/encoding';
import { RECORD_TABLES, type AuditRow, type KeyringRow, type ProfileRow, type RecordRow, type RecordTable, type SettingsRow } from './database';

/**
 * Backup file, format 1:
 *
 *   "TACIT-BACKUP"   12 ASCII bytes
 *   format           1 byte (1)
 *   header length    4 bytes, big-endian
 *   header           UTF-8 JSON (profile, keyring row, body IV and length): no PHI, safe in the clear
 *   checksum         SHA-256 of every byte above
 *   body             AES-GCM ciphertext under the data key; additional data = every byte above
 *
 * The checksum only tells accidental damage to the header apart from a wrong passphrase; the
 * body's authentication tag is what refuses a tampered, truncated or swapped header.
 */
export const BACKUP_FORMAT = 1;
const MAGIC = utf8('TACIT-BACKUP');
const FIXED_BYTES = MAGIC.length + 1 + 4;
const CHECKSUM_BYTES = 32;
const BODY_IV_BYTES = 12;

export interface BackupHeader {
	createdAt: number;
	profile: ProfileRow;
	keyring: KeyringRow;
	body: { iv: Uint8Array<ArrayBuffer>; bytes: number };
}

/** Everything the body holds: rows as stored (envelopes still sealed), the settings and the audit trail. */
export interface BackupBody {
	tables: Record<RecordTable, RecordRow[]>;
	settings: SettingsRow | null;
	audit: AuditRow[];
}

export interface ParsedBackup {
	header: BackupHeader;
	/** Every byte before the body: the body's additional authenticated data. */
	prefix: Uint8Array<ArrayBuffer>;
	ciphertext: Uint8Array<ArrayBuffer>;
}

export function newBodyIv(): Uint8Array<ArrayBuffer> {
	return crypto.getRandomValues(new Uint8Array(BODY_IV_BYTES));
}

/* ------------------------------------------------------------------ header */

const b64 = (bytes: Uint8Array | ArrayBuffer) => toBase64(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
	const binary = atob(text);
	const out = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
	return out;
}

const Bytes = v.pipe(v.string(), v.base64());
const Wrap = v.object({ iv: Bytes, wrapped: Bytes });
const HeaderJson = v.object({
	createdAt: v.number(),
	profile: v.object({ id: v.pipe(v.string(), v.minLength(1)), displayName: v.string(), createdAt: v.number() }),
	keyring: v.object({
		kdf: v.object({
			version: v.number(),
			algorithm: v.literal('argon2id'),
			memoryKiB: v.number(),
			iterations: v.number(),
			parallelism: v.number(),
			salt: Bytes
		}),
		passphraseWrap: Wrap,
		recoveryWrap: Wrap,
		recoverySalt: Bytes,
		changedAt: v.number()
	}),
	body: v.object({ iv: Bytes, bytes: v.pipe(v.number(), v.integer(), v.minValue(16)) })
});

function headerToJson(h: BackupHeader): v.InferOutput<typeof HeaderJson> {
	const k = h.keyring;
	const wrap = (w: KeyringRow['passphraseWrap']) => ({ iv: b64(w.iv), wrapped: b64(w.wrapped) });
	return {
		createdAt: h.createdAt,
		profile: { id: h.profile.id, displayName: h.profile.displayName, createdAt: h.profile.createdAt },
		keyring: {
			kdf: { ...k.kdf, salt: b64(k.kdf.salt) },
			passphraseWrap: wrap(k.passphraseWrap),
			recoveryWrap: wrap(k.recoveryWrap),
			recoverySalt: b64(k.recoverySalt),
			changedAt: k.changedAt
		},
		body: { iv: b64(h.body.iv), bytes: h.body.bytes }
	};
}

function headerFromJson(j: v.InferOutput<typeof HeaderJson>): BackupHeader {
	const k = j.keyring;
	const wrap = (w: { iv: string; wrapped: string }) => ({ iv: fromBase64(w.iv), wrapped: fromBase64(w.wrapped).buffer });
	return {
		createdAt: j.createdAt,
		profile: { ...j.profile },
		keyring: {
			id: 'primary',
			kdf: { ...k.kdf, salt: fromBase64(k.kdf.salt) },
			passphraseWrap: wrap(k.passphraseWrap),
			recoveryWrap: wrap(k.recoveryWrap),
			recoverySalt: fromBase64(k.recoverySalt),
			changedAt: k.changedAt
		},
		body: { iv: fromBase64(j.body.iv), bytes: j.body.bytes }
	};
}

/** The clear part of the file, which is also the body's additional authenticated data. */
export async function encodePrefix(header: BackupHeader): Promise<Uint8Array<ArrayBuffer>> {
	const json = utf8(JSON.stringify(headerToJson(header)));
	const out = new Uint8Array(FIXED_BYTES + json.length + CHECKSUM_BYTES);
	out.set(MAGIC, 0);
	out[MAGIC.length] = BACKUP_FORMAT;
	new DataView(out.buffer).setUint32(MAGIC.length + 1, json.length);
	out.set(json, FIXED_BYTES);
	const end = FIXED_BYTES + json.length;
	out.set(new Uint8Array(await crypto.subtle.digest('SHA-256', out.subarray(0, end))), end);
	return out;
}

/**
 * Checks the file's shape before any key is derived: not a backup or cut short is
 * 'backup/unreadable', a later format 'backup/newer-format', a damaged header 'backup/damaged'.
 */
export async function parseBackupFile(file: ArrayBuffer): Promise<ParsedBackup> {
	const bytes = new Uint8Array(file);
	if (bytes.length < FIXED_BYTES || !MAGIC.every((b, i) => bytes[i] === b)) {
		throw new AppError('backup/unreadable', { reason: 'not-a-backup' });
	}
	const format = bytes[MAGIC.length]!;
	if (format > BACKUP_FORMAT) throw new AppError('backup/newer-format', { format });
	if (format < 1) throw new AppError('backup/unreadable', { reason: 'format' });
	const headerBytes = new DataView(file).getUint32(MAGIC.length + 1);
	const bodyStart = FIXED_BYTES + headerBytes + CHECKSUM_BYTES;
	if (bytes.length < bodyStart) throw new AppError('backup/unreadable', { reason: 'cut-short' });
	const end = FIXED_BYTES + headerBytes;
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes.subarray(0, end)));
	if (!digest.every((b, i) => bytes[end + i] === b)) throw new AppError('backup/damaged', { part: 'header' });
	const header = parseHeader(bytes.subarray(FIXED_BYTES, end));
	const bodyBytes = bytes.length - bodyStart;
	if (bodyBytes < header.body.bytes) throw new AppError('backup/unreadable', { reason: 'cut-short' });
	if (bodyBytes > header.body.bytes) throw new AppError('backup/damaged', { part: 'length' });
	return { header, prefix: bytes.slice(0, bodyStart), ciphertext: bytes.subarray(bodyStart) };
}

function parseHeader(bytes: Uint8Array): BackupHeader {
	let json: unknown;
	try {
		json = JSON.parse(fromUtf8(bytes));
	} catch {
		throw new AppError('backup/unreadable', { reason: 'header' });
	}
	const parsed = v.safeParse(HeaderJson, json);
	if (!parsed.success) throw new AppError('backup/unreadable', { reason: 'header' });
	return headerFromJson(parsed.output);
}

/* ------------------------------------------------------------------ body */

/**
 * Body plaintext: a 4-byte length, a JSON index (every row without its envelope, plus the
 * envelope's length), then every envelope back to back. One JSON pass over small objects and
 * one copy of the ciphertexts keeps 10,000 records at a fraction of a second.
 */
export function packBody(body: BackupBody): Uint8Array<ArrayBuffer> {
	const envelopes: Uint8Array[] = [];
	const tables: Record<string, unknown[]> = {};
	for (const table of RECORD_TABLES) {
		tables[table] = body.tables[table].map(({ env, ...rest }) => {
			envelopes.push(new Uint8Array(env));
			return { ...rest, envBytes: env.byteLength };
		});
	}
	const index = utf8(JSON.stringify({ tables, settings: body.settings, audit: body.audit }));
	const total = 4 + index.length + envelopes.reduce((n, e) => n + e.length, 0);
	const out = new Uint8Array(total);
	new DataView(out.buffer).setUint32(0, index.length);
	out.set(index, 4);
	let offset = 4 + index.length;
	for (const env of envelopes) {
		out.set(env, offset);
		offset += env.length;
	}
	return out;
}

/** Reads an authenticated body; a table this version does not know is a newer backup, never dropped. */
export function unpackBody(plain: Uint8Array): BackupBody {
	const view = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
	const indexBytes = view.getUint32(0);
	const index = JSON.parse(fromUtf8(plain.subarray(4, 4 + indexBytes))) as {
		tables: Record<string, (Omit<RecordRow, 'env'> & { envBytes: number })[]>;
		settings: SettingsRow | null;
		audit: AuditRow[];
	};
	const unknown = Object.keys(index.tables).filter((t) => !RECORD_TABLES.includes(t as RecordTable));
	if (unknown.length) throw new AppError('backup/newer-format', { tables: unknown.length });
	let offset = 4 + indexBytes;
	const tables = {} as Record<RecordTable, RecordRow[]>;
	for (const table of RECORD_TABLES) {
		tables[table] = (index.tables[table] ?? []).map(({ envBytes, ...rest }) => {
			if (offset + envBytes > plain.length) throw new AppError('backup/damaged', { table });
			const env = plain.slice(offset, offset + envBytes).buffer;
			offset += envBytes;
			return { ...rest, env };
		});
	}
	if (offset !== plain.length) throw new AppError('backup/damaged', { part: 'body-length' });
	return { tables, settings: index.settings ?? null, audit: index.audit ?? [] };
}
