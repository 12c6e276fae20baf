import Dexie from 'dexie';
import { AppError, isAppError } from '$lib/domain/core/app-error';
import { appendAudit, auditStores } from './audit';
import { parseBackupFile, unpackBody, type BackupBody, type BackupHeader, type ParsedBackup } from './backup-format';
import { RECORD_TABLES, VaultDatabase, vaultDatabaseName, type AuditRow, type KeyringRow, type RecordRow, type RecordTable } from './database';
import { openBytes } from './envelope';
import type { DataKey } from './keys';
import {
	checkPassphrase,
	attachAuditKey,
	profileEntry,
	saveProfileEntry,
	unwrapWithPassphrase,
	unwrapWithRecoveryKey,
	wrapForPassphrase,
	type KeyringDeps,
	type OpenedVault
} from './keyring';
import { persistStorage, writeOrExplain } from './storage';

export type RestoreSecret = { passphrase: string } | { recoveryKey: string; newPassphrase: string };

export interface TableRestoreCounts {
	/** In the backup, not on this device. */
	added: number;
	/** The backup's version was higher and replaced the local one. */
	updated: number;
	/** The local version was higher or the same and was kept. */
	kept: number;
	/** On this device only; untouched. */
	localOnly: number;
}

export interface RestoreReport {
	mode: 'fresh' | 'merge';
	tables: Record<RecordTable, TableRestoreCounts>;
	/** Backup entries appended to the local chain, and those left out because the chains diverged. */
	audit: { added: number; skipped: number };
	keyring: 'backup' | 'local';
	settings: 'backup' | 'local';
}

const VERIFY_SLICE = 1000;

/**
 * Restores a backup file, all or nothing. Everything that can refuse the file (format, key,
 * body authentication, every record's envelope) runs before the device is touched; the
 * writes then go into one transaction. A profile new to this device is created as it was in
 * the backup; a profile already here is merged by record version, never replacing newer work.
 */
export async function restoreBackup(
	deps: KeyringDeps,
	file: ArrayBuffer,
	secret: RestoreSecret
): Promise<{ opened: OpenedVault; report: RestoreReport }> {
	if ('recoveryKey' in secret) checkPassphrase(secret.newPassphrase);
	const parsed = await parseBackupFile(file);
	const { header } = parsed;
	const key = await asWrongKey(
		'recoveryKey' in secret
			? unwrapWithRecoveryKey(header.keyring, header.profile.id, secret.recoveryKey)
			: unwrapWithPassphrase(deps, header.keyring, header.profile.id, secret.passphrase)
	);
	const body = await openBody(key, parsed);
	await verifyRows(key, body);
	if (!('recoveryKey' in secret)) return writeRestore(header, header.keyring, body, key, 'passphrase');
	// Like recoverWithKey: the recovery key opens the backup and a new passphrase is set in the same step.
	const rewrapped = await wrapForPassphrase(deps, header.profile.id, key, secret.newPassphrase);
	const keyring: KeyringRow = { ...header.keyring, kdf: rewrapped.kdf, passphraseWrap: rewrapped.passphraseWrap, changedAt: Date.now() };
	return writeRestore(header, keyring, body, rewrapped.sessionKey, 'recovery-key');
}

/** A key that does not unwrap belongs to the backup here, so the clinician reads the backup's sentence. */
async function asWrongKey<T>(attempt: Promise<T>): Promise<T> {
	try {
		return await attempt;
	} catch (error) {
		if (isAppError(error) && (error.code === 'vault/wrong-passphrase' || error.code === 'vault/wrong-recovery-key')) {
			throw new AppError('backup/wrong-key', {}, { cause: error });
		}
		throw error;
	}
}

async function openBody(key: DataKey, parsed: ParsedBackup): Promise<BackupBody> {
	let plain: ArrayBuffer;
	try {
		plain = await crypto.subtle.decrypt(
			{ name: 'AES-GCM', iv: parsed.header.body.iv, additionalData: parsed.prefix },
			key,
			parsed.ciphertext
		);
	} catch (cause) {
		// A flipped byte anywhere, or a header from another backup: the tag does not match.
		throw new AppError('backup/damaged', { part: 'body' }, { cause });
	}
	try {
		return unpackBody(new Uint8Array(plain));
	} catch (error) {
		if (isAppError(error)) throw error;
		throw new AppError('backup/damaged', { part: 'index' }, { cause: error });
	}
}

/** Every record must open under the key before anything is written: a restore never brings in a row no one can read. */
async function verifyRows(key: DataKey, body: BackupBody): Promise<void> {
	for (const table of RECORD_TABLES) {
		const rows = body.tables[table];
		for (let i = 0; i < rows.length; i += VERIFY_SLICE) {
			await Promise.all(
				rows.slice(i, i + VERIFY_SLICE).map(async (row) => {
					if (typeof row.id !== 'string' || !Number.isInteger(row.version)) throw new AppError('backup/damaged', { table });
					try {
						(await openBytes(key, table, row.id, row.env)).fill(0);
					} catch (cause) {
						throw new AppError('backup/damaged', { table, id: row.id }, { cause });
					}
				})
			);
		}
	}
}

async function writeRestore(
	header: BackupHeader,
	keyring: KeyringRow,
	body: BackupBody,
	dataKey: DataKey,
	secret: 'passphrase' | 'recovery-key'
): Promise<{ opened: OpenedVault; report: RestoreReport }> {
	const profileId = header.profile.id;
	const existed = (await Dexie.getDatabaseNames()).includes(vaultDatabaseName(profileId));
	const db = new VaultDatabase(profileId);
	try {
		await db.open();
		if (existed) await assertSameDataKey(db, dataKey);
		const tables = [db.keyring, db.settings, ...auditStores(db), ...RECORD_TABLES.map((t) => db[t])];
		const report = await writeOrExplain(() =>
			db.transaction('rw', tables, async () => {
				const report = await mergeInto(db, keyring, body);
				await appendAudit(db, profileId, { action: 'backup.restore', detail: restoreDetail(report, secret) });
				return report;
			})
		);
		// The clinician proved the secret: the merged trail, as it now stands, is what the head vouches for.
		await attachAuditKey(db, profileId, dataKey, { reanchor: true });
		// The directory row goes last, as in createVault: a failed restore never shows up as a profile.
		if (!(await profileEntry(profileId))) await saveProfileEntry({ ...header.profile });
		await persistStorage();
		return { opened: { profileId, db, dataKey }, report };
	} catch (error) {
		db.close();
		if (!existed) await Dexie.delete(vaultDatabaseName(profileId)).catch(() => undefined);
		throw error;
	}
}

/**
 * Same profile id means the same data key. If no local record opens under the backup's key the
 * file was forged or mixed up, and merging would leave rows that no key on this device opens.
 * One row per table is tried, so a single damaged local record does not block its own repair.
 */
async function assertSameDataKey(db: VaultDatabase, key: DataKey): Promise<void> {
	let tried = 0;
	for (const table of RECORD_TABLES) {
		const row = await db.table<RecordRow, string>(table).limit(1).first();
		if (!row) continue;
		tried++;
		if (await openBytes(key, table, row.id, row.env).then(() => true, () => false)) return;
	}
	if (tried > 0) throw new AppError('backup/wrong-key', { reason: 'other-vault' });
}

/** Runs inside the restore's transaction; on an empty database it writes the backup exactly as it was. */
async function mergeInto(db: VaultDatabase, candidate: KeyringRow, body: BackupBody): Promise<RestoreReport> {
	const local = await db.keyring.get('primary');
	const keyring = !local || candidate.changedAt > local.changedAt ? 'backup' : 'local';
	if (keyring === 'backup') await db.keyring.put(candidate);
	const settings = body.settings && !(local && (await db.settings.get('preferences'))) ? 'backup' : 'local';
	if (settings === 'backup') await db.settings.put(body.settings!);
	const tables = {} as Record<RecordTable, TableRestoreCounts>;
	for (const table of RECORD_TABLES) tables[table] = await mergeTable(db, table, body.tables[table]);
	return { mode: local ? 'merge' : 'fresh', tables, audit: await mergeAudit(db, body.audit), keyring, settings };
}

/** A backup row is written only when it is missing here or its version is higher: newer local work always wins. */
async function mergeTable(db: VaultDatabase, name: RecordTable, rows: readonly RecordRow[]): Promise<TableRestoreCounts> {
	const table = db.table<RecordRow, string>(name);
	const counts: TableRestoreCounts = { added: 0, updated: 0, kept: 0, localOnly: 0 };
	// Keys first: fetching whole rows for ids that are not here costs far more (see putMany).
	const present = new Set(await table.where(':id').anyOf(rows.map((r) => r.id)).primaryKeys());
	const localVersions = new Map((await table.bulkGet([...present])).map((r) => [r!.id, r!.version]));
	const writes: RecordRow[] = [];
	for (const row of rows) {
		const version = localVersions.get(row.id);
		if (version === undefined) counts.added++;
		else if (row.version > version) counts.updated++;
		else {
			counts.kept++;
			continue;
		}
		writes.push(row);
	}
	if (writes.length) await table.bulkPut(writes);
	counts.localOnly = (await table.count()) - rows.length;
	return counts;
}

/**
 * The local chain is never rewritten. When it is a prefix of the backup's (same seq and hash),
 * the backup's later entries extend it; when the chains diverged, the backup's entries after
 * the fork are left out and counted.
 */
async function mergeAudit(db: VaultDatabase, backup: readonly AuditRow[]): Promise<RestoreReport['audit']> {
	const local = await db.audit.orderBy('seq').toArray();
	let common = 0;
	while (
		common < local.length &&
		common < backup.length &&
		local[common]!.seq === backup[common]!.seq &&
		local[common]!.hash === backup[common]!.hash
	) {
		common++;
	}
	if (common < local.length) return { added: 0, skipped: backup.length - common };
	if (backup.length > common) await db.audit.bulkAdd(backup.slice(common));
	return { added: backup.length - common, skipped: 0 };
}

/** "merge,passphrase,clients:1/0/2,...,audit:5/0": per table added/updated/kept, then audit added/skipped. No PHI. */
function restoreDetail(report: RestoreReport, secret: string): string {
	const tables = RECORD_TABLES.map((t) => `${t}:${report.tables[t].added}/${report.tables[t].updated}/${report.tables[t].kept}`);
	return [report.mode, secret, ...tables, `audit:${report.audit.added}/${report.audit.skipped}`].join(',');
}
