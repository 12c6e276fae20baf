import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { toHex, utf8 } from '$lib/domain/core/encoding';
import type { AuditHeadRow, AuditRow, VaultDatabase } from './database';

/**
 * Append-only, hash-chained audit trail. Each entry's hash covers its fields and the previous
 * entry's hash, so removing or editing an entry breaks the chain at that point. Entries hold
 * no PHI (an action, a record kind and random id, a time), so they can be written while the
 * vault is locked (a failed unlock) and read by a compliance officer.
 *
 * A chain alone cannot show that its newest entries were cut off: what remains still links.
 * So every entry written while the vault is unlocked also moves the chain's head (number and
 * hash, with an HMAC under a key sealed in the keyring) in the same transaction, and a
 * verification compares the chain with its head. An attacker without the passphrase can
 * remove entries or forge unkeyed hashes, but cannot write a head that matches. What the head
 * cannot see: failed-unlock entries written while locked, after the last unlocked write.
 */
export type AuditAction =
	| 'vault.create'
	| 'vault.unlock'
	| 'vault.unlock-failed'
	| 'vault.lock'
	| 'vault.auto-lock'
	| 'vault.passphrase-change'
	| 'vault.recover'
	| 'vault.recovery-key-replace'
	| 'vault.quick-unlock-on'
	| 'vault.passkey-add'
	| 'vault.passkey-remove'
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
	| 'client.discharge'
	| 'client.reopen'
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

/** The stores every audited write must include in its transaction: the chain and its head. */
export function auditStores(db: VaultDatabase) {
	return [db.audit, db.auditHead] as const;
}

function headMac(key: Uint8Array, profileId: string, seq: number, hash: string): string {
	return toHex(hmac(sha256, key, utf8(`tacit/audit-head/v1/${profileId}/${seq}/${hash}`)));
}

export function auditHeadRow(key: Uint8Array, row: Pick<AuditRow, 'seq' | 'hash' | 'profileId'>): AuditHeadRow {
	return { id: 'head', seq: row.seq, hash: row.hash, mac: headMac(key, row.profileId, row.seq, row.hash) };
}

/** A head is genuine when its MAC verifies and the chain still holds its entry, unchanged. */
async function headHolds(db: VaultDatabase, key: Uint8Array, profileId: string, head: AuditHeadRow | undefined): Promise<boolean> {
	if (!head || head.mac !== headMac(key, profileId, head.seq, head.hash)) return false;
	return (await db.audit.get(head.seq))?.hash === head.hash;
}

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
	// Unlocked: the head moves with the chain, unless the chain no longer holds the old head
	// (entries were removed or replaced). Then the old head stays, and verification reports it.
	const key = db.auditKey;
	if (key) {
		const old = await db.auditHead.get('head');
		if (!old || (await headHolds(db, key, profileId, old))) await db.auditHead.put(auditHeadRow(key, row));
	}
	return row;
}

export async function recordAudit(db: VaultDatabase, profileId: string, event: AuditEvent): Promise<AuditRow> {
	return db.transaction('rw', auditStores(db), () => appendAudit(db, profileId, event));
}

export type ChainReport =
	| { intact: true; entries: number }
	| { intact: false; entries: number; brokenAt: number; reason: 'missing-entry' | 'altered-entry' | 'broken-link' | 'cut-short' };

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

/**
 * The chain, then its head: with the vault unlocked (the audit key at hand), the head must
 * verify and the chain must still hold it, and every entry after it must be one a locked
 * vault writes (a failed unlock). Otherwise the newest entries were cut off or replaced.
 */
export async function verifyAuditTrail(db: VaultDatabase, profileId: string): Promise<ChainReport> {
	const rows = await db.audit.orderBy('seq').toArray();
	const chain = verifyChain(rows);
	if (!chain.intact || rows.length === 0) return chain;
	const cutShort = { intact: false, entries: rows.length, reason: 'cut-short' } as const;
	const key = db.auditKey;
	if (!key) {
		// A keyring that seals a head key which did not open: the head cannot vouch for the trail.
		return (await db.keyring.get('primary'))?.auditKey ? { ...cutShort, brokenAt: rows.length + 1 } : chain;
	}
	const head = await db.auditHead.get('head');
	if (!(await headHolds(db, key, profileId, head))) {
		return { ...cutShort, brokenAt: Math.min(head?.seq ?? rows.length + 1, rows.length + 1) };
	}
	const unanchored = rows.slice(head!.seq).find((row) => row.action !== 'vault.unlock-failed');
	return unanchored ? { ...cutShort, brokenAt: unanchored.seq } : chain;
}
