/**
 * Benchmark phase "backup": the backup file of the profile the write phase filled (the bench
 * dataset: 10,000 sessions of about 2 KB), then a restore of that file into a fresh database
 * (the profile removed from this browser first, like a new device), and a check that every
 * record decrypts to exactly what it was before.
 */
import Dexie from 'dexie';
import { ProfileDirectory, RECORD_TABLES, vaultDatabaseName, type RecordTable } from '$lib/vault/database';
import type { Argon2Runner } from '$lib/vault/kdf';
import { unlockWithPassphrase } from '$lib/vault/keyring';
import { restoreBackup } from '$lib/vault/restore';
import { UnlockedVault } from '$lib/vault/vault';

export const BACKUP_BUDGET_MS = 10_000;
/** Includes one Argon2id derivation with the vault's real parameters. */
export const RESTORE_BUDGET_MS = 20_000;

const round = (n: number) => Math.round(n * 100) / 100;

/** Every record of every table, decrypted, as JSON text by id: what "compares equal" means here. */
async function decryptedRecords(vault: UnlockedVault): Promise<Map<string, string>> {
	const out = new Map<string, string>();
	for (const table of RECORD_TABLES) {
		const records: { id: string }[] = await vault[table].all();
		for (const record of records) out.set(`${table}/${record.id}`, JSON.stringify(record));
	}
	return out;
}

function mismatches(before: Map<string, string>, after: Map<string, string>): number {
	let count = 0;
	for (const [key, json] of before) if (after.get(key) !== json) count++;
	for (const key of after.keys()) if (!before.has(key)) count++;
	return count;
}

export async function benchBackup(
	log: (message: string) => void,
	profileId: string,
	passphrase: string,
	argon2: Argon2Runner
) {
	const vault = new UnlockedVault(await unlockWithPassphrase({ argon2 }, profileId, passphrase));
	const before = await decryptedRecords(vault);
	log(`Backup: ${before.size} records`);
	const t0 = performance.now();
	const backup = await vault.backup();
	const backupMs = performance.now() - t0;
	vault.close();
	const file = await backup.blob.arrayBuffer();
	log(`  backup ${backupMs.toFixed(0)} ms, ${(file.byteLength / 1e6).toFixed(1)} MB`);

	// A new device: neither the database nor the directory entry is here.
	await Dexie.delete(vaultDatabaseName(profileId));
	const directory = new ProfileDirectory();
	await directory.profiles.delete(profileId);
	directory.close();

	let kdfMs = 0;
	const timedArgon2: Argon2Runner = async (password, params) => {
		const k0 = performance.now();
		try {
			return await argon2(password, params);
		} finally {
			kdfMs = performance.now() - k0;
		}
	};
	const r0 = performance.now();
	const { opened, report } = await restoreBackup({ argon2: timedArgon2 }, file, { passphrase });
	const restoreMs = performance.now() - r0;
	log(`  restore ${restoreMs.toFixed(0)} ms (KDF ${kdfMs.toFixed(0)} ms), ${report.mode}`);

	const restored = new UnlockedVault(opened);
	const after = await decryptedRecords(restored);
	const audit = await restored.verifyAudit();
	restored.close();
	const wrong = mismatches(before, after);
	log(`  ${after.size} records after restore, ${wrong} mismatches, audit chain ${audit.intact ? 'intact' : 'BROKEN'}`);
	const added = Object.fromEntries(RECORD_TABLES.map((t: RecordTable) => [t, report.tables[t].added]));
	return {
		records: before.size,
		counts: backup.counts,
		backupMs: round(backupMs),
		fileBytes: file.byteLength,
		bytesPerRecord: Math.round(file.byteLength / Math.max(1, before.size)),
		restoreMs: round(restoreMs),
		restoreKdfMs: round(kdfMs),
		restoreWithoutKdfMs: round(restoreMs - kdfMs),
		restoreMode: report.mode,
		restoredRecords: after.size,
		addedPerTable: added,
		auditEntriesAdded: report.audit.added,
		auditIntact: audit.intact,
		mismatches: wrong
	};
}
