import { AppError } from '$lib/domain/core/app-error';
import { appendAudit, auditStores } from './audit';
import { encodePrefix, newBodyIv, packBody, type BackupBody } from './backup-format';
import { RECORD_TABLES, type RecordRow, type RecordTable } from './database';
import { DEFAULT_AUTO_LOCK_MINUTES, profileEntry, type OpenedVault } from './keyring';
import { writeOrExplain } from './storage';

export interface BackupFile {
	blob: Blob;
	/** Carries the date only: a file name shows up in download lists and must hold no PHI. */
	fileName: string;
	/** Rows per table, plus `audit` entries. */
	counts: Record<string, number>;
}

/** AES-GCM appends its 128-bit tag; the header records the body's exact length so a cut-short file is named as such. */
const GCM_TAG_BYTES = 16;

/**
 * Makes the profile's backup file: every encrypted row as stored (envelopes are not opened),
 * the settings and the audit trail, read in one transaction so the file is one consistent
 * snapshot, then sealed under the data key with the clear header as additional data.
 * Records 'backup.create' and `lastBackupAt` once the file is built.
 */
export async function createBackup(opened: OpenedVault, now: Date = new Date()): Promise<BackupFile> {
	const { db, profileId, dataKey } = opened;
	const profile = await profileEntry(profileId);
	if (!profile) throw new AppError('vault/profile-not-found');
	const tables = RECORD_TABLES.map((t) => db[t]);
	const snapshot = await db.transaction('r', [db.keyring, db.settings, db.audit, ...tables], async () => {
		const rows = await Promise.all(RECORD_TABLES.map((t) => db[t].toArray() as Promise<RecordRow[]>));
		return {
			keyring: await db.keyring.get('primary'),
			body: {
				tables: Object.fromEntries(RECORD_TABLES.map((t, i) => [t, rows[i]!])) as Record<RecordTable, RecordRow[]>,
				settings: (await db.settings.get('preferences')) ?? null,
				audit: await db.audit.orderBy('seq').toArray()
			} satisfies BackupBody
		};
	});
	if (!snapshot.keyring) throw new AppError('vault/keyring-missing');

	const plain = packBody(snapshot.body);
	const iv = newBodyIv();
	const prefix = await encodePrefix({
		createdAt: now.getTime(),
		profile,
		keyring: snapshot.keyring,
		body: { iv, bytes: plain.length + GCM_TAG_BYTES }
	});
	const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: prefix }, dataKey, plain);

	const counts: Record<string, number> = {};
	for (const t of RECORD_TABLES) counts[t] = snapshot.body.tables[t].length;
	counts.audit = snapshot.body.audit.length;
	await writeOrExplain(() =>
		db.transaction('rw', [db.settings, ...auditStores(db)], async () => {
			const settings = (await db.settings.get('preferences')) ?? { id: 'preferences', autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES };
			await db.settings.put({ ...settings, lastBackupAt: now.getTime() });
			await appendAudit(db, profileId, { action: 'backup.create', detail: countsDetail(counts) }, now.getTime());
		})
	);
	return {
		blob: new Blob([prefix, sealed], { type: 'application/octet-stream' }),
		fileName: `tacit-backup-${localDate(now)}.tacitbackup`,
		counts
	};
}

/** "clients:3,sessions:12,...": counts only, safe for the audit trail. */
export function countsDetail(counts: Record<string, number>): string {
	return Object.entries(counts)
		.map(([k, n]) => `${k}:${n}`)
		.join(',');
}

function localDate(d: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
