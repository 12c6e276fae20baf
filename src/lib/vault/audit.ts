import { sha256 } from '@noble/hashes/sha2';
import { toHex, utf8 } from '$lib/domain/core/encoding';
import type { AuditRow, VaultDatabase } from './database';

/**
 * Append-only, hash-chained audit trail. Each entry's hash covers its fields and the previous
 * entry's hash, so removing or editing an entry breaks the chain at that point. Entries hold
 * no PHI (an action, a record kind and random id, a time), so they can be written while the
 * vault is locked (a failed unlock) and read by a compliance officer.
 */
export type AuditAction =
	| 'vault.create'
	| 'vault.unlock'
	| 'vault.unlock-failed'
	| 'vault.lock'
	| 'vault.auto-lock'
	| 'vault.passphrase-change'
	| 'vault.recover'
	| 'settings.update'
	| 'record.create'
	| 'record.update'
	| 'record.delete'
	| 'record.export'
	| 'note.sign'
	| 'note.addendum'
	| 'plan.sign'
	| 'risk.flag'
	| 'risk.review'
	| 'consent.revoke'
	| 'record.disclose'
	| 'document.sign'
	| 'audit.export'
	| 'backup.create'
	| 'backup.restore'
	| 'client.delete'
	| 'crisis.open'
	| 'crisis.step'
	| 'crisis.complete'
	| 'safety-plan.sign'
	| 'client-document.sign';

export interface AuditEvent {
	action: AuditAction;
	recordKind?: string;
	recordId?: string;
	/** A batch (import, restore, bulk delete): one entry naming every record it touched. */
	recordIds?: string[];
	/** Non-PHI facts, e.g. a signed note's content hash. */
	detail?: string;
}

export const GENESIS = '0'.repeat(64);

/** The exact bytes that are hashed: a fixed field order, so the hash never depends on object key order. */
export function entryHash(row: Omit<AuditRow, 'hash'>): string {
	const canonical = JSON.stringify([
		row.seq,
		row.at,
		row.profileId,
		row.action,
		row.recordKind,
		row.recordId,
		row.recordIds,
		row.detail ?? null,
		row.prev
	]);
	return toHex(sha256(utf8(canonical)));
}

/**
 * Appends an entry. Must run inside a read-write transaction that includes `audit`
 * (the hash is synchronous, so the transaction stays alive): two tabs cannot both
 * read the same head and fork the chain.
 */
export async function appendAudit(
	db: VaultDatabase,
	profileId: string,
	event: AuditEvent,
	now: number = Date.now()
): Promise<AuditRow> {
	const head = await db.audit.orderBy('seq').last();
	const base = {
		seq: head ? head.seq + 1 : 1,
		at: now,
		profileId,
		action: event.action,
		recordKind: event.recordKind ?? null,
		recordId: event.recordId ?? null,
		recordIds: event.recordIds ?? null,
		detail: event.detail ?? null,
		prev: head ? head.hash : GENESIS
	};
	const row: AuditRow = { ...base, hash: entryHash(base) };
	await db.audit.add(row);
	return row;
}

export async function recordAudit(db: VaultDatabase, profileId: string, event: AuditEvent): Promise<AuditRow> {
	return db.transaction('rw', db.audit, () => appendAudit(db, profileId, event));
}

export type ChainReport =
	| { intact: true; entries: number }
	| { intact: false; entries: number; brokenAt: number; reason: 'missing-entry' | 'altered-entry' | 'broken-link' };

/** Walks the chain in order and reports the first entry where it breaks. */
export function verifyChain(rows: readonly AuditRow[]): ChainReport {
	let prevHash = GENESIS;
	let expectedSeq = 1;
	for (const row of rows) {
		if (row.seq !== expectedSeq) {
			return { intact: false, entries: rows.length, brokenAt: expectedSeq, reason: 'missing-entry' };
		}
		const { hash, ...rest } = row;
		if (entryHash(rest) !== hash) {
			return { intact: false, entries: rows.length, brokenAt: row.seq, reason: 'altered-entry' };
		}
		if (row.prev !== prevHash) {
			return { intact: false, entries: rows.length, brokenAt: row.seq, reason: 'broken-link' };
		}
		prevHash = hash;
		expectedSeq++;
	}
	return { intact: true, entries: rows.length };
}

export async function verifyAuditTrail(db: VaultDatabase): Promise<ChainReport> {
	return verifyChain(await db.audit.orderBy('seq').toArray());
}
