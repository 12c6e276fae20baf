import { formatInstant, type NoteBlock } from '../notes/note-document';

/**
 * Reviewing the audit trail: filters, labels, and the compliance officer's exports (CSV and
 * PDF). Entries hold no PHI by design (an action, a record kind, random ids, a time, hashes);
 * nothing here adds any: a client is named in a filter by its id only.
 */

/** One audit entry as stored (the shape of the vault's audit rows). */
export interface AuditEntry {
	seq: number;
	at: number;
	profileId: string;
	action: string;
	recordKind: string | null;
	recordId: string | null;
	recordIds: string[] | null;
	detail: string | null;
	prev: string;
	hash: string;
}

/** The result of checking the hash chain (the shape the vault reports). */
export type ChainCheck =
	| { intact: true; entries: number }
	| { intact: false; entries: number; brokenAt: number; reason: 'missing-entry' | 'altered-entry' | 'broken-link' | 'cut-short' };

/** Empty strings mean "any", so form fields can bind to the filter directly. */
export interface AuditFilter {
	profileId?: string;
	action?: string;
	/** A client: entries about the client record itself or any of `recordIds` (their sessions, notes…). */
	client?: { id: string; recordIds: readonly string[] };
	/** YYYY-MM-DD, inclusive, in the device's time zone. */
	from?: string;
	to?: string;
}

export const CHAIN_BREAK_REASONS = {
	'missing-entry': 'an entry is missing',
	'altered-entry': 'an entry was altered',
	'broken-link': 'an entry does not follow the one before it',
	'cut-short': 'the newest entries were removed or replaced (the trail does not reach its sealed head)'
} as const;

const ACTION_LABELS: Readonly<Record<string, string>> = {
	'vault.create': 'Vault created',
	'vault.unlock': 'Unlocked',
	'vault.unlock-failed': 'Failed unlock attempt',
	'vault.lock': 'Locked',
	'vault.auto-lock': 'Locked automatically (idle)',
	'vault.passphrase-change': 'Passphrase changed',
	'vault.recover': 'Opened with recovery key',
	'vault.recovery-key-replace': 'Recovery key replaced',
	'vault.quick-unlock-on': 'PIN unlock turned on for this tab',
	'vault.passkey-add': 'Passkey added',
	'vault.passkey-remove': 'Passkey removed',
	'settings.update': 'Settings changed',
	'record.create': 'Record created',
	'record.update': 'Record updated',
	'record.delete': 'Record deleted',
	'record.export': 'Record exported',
	'note.sign': 'Note signed',
	'note.addendum': 'Addendum added to a note',
	'plan.sign': 'Treatment plan signed',
	'risk.flag': 'Risk flag raised',
	'risk.review': 'Risk flag reviewed',
	'consent.revoke': 'Consent revoked',
	'record.disclose': 'Record disclosed',
	'document.sign': 'Compliance document signed',
	'audit.export': 'Audit trail exported',
	'backup.create': 'Backup made',
	'backup.restore': 'Backup restored',
	'client.delete': 'Client deleted',
	'client.discharge': 'Client discharged',
	'client.reopen': 'Client record reopened'
};

export function auditActionLabel(action: string): string {
	return ACTION_LABELS[action] ?? action;
}

/** The actions that occur in `rows`, for the action filter, in label order. */
export function actionsPresent(rows: readonly AuditEntry[]): string[] {
	return [...new Set(rows.map((r) => r.action))].sort((a, b) => auditActionLabel(a).localeCompare(auditActionLabel(b)));
}

export function profilesPresent(rows: readonly AuditEntry[]): string[] {
	return [...new Set(rows.map((r) => r.profileId))];
}

/** Midnight at the start of a YYYY-MM-DD day (plus `days`) in the device's time zone, or null. */
function dayStart(date: string | undefined, days = 0): number | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
	if (!match) return null;
	return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days).getTime();
}

/** The entries that match every part of the filter, in their stored order. */
export function filterAudit<T extends AuditEntry>(rows: readonly T[], filter: AuditFilter): T[] {
	const from = dayStart(filter.from);
	// Inclusive: everything before the start of the next day.
	const until = dayStart(filter.to, 1);
	const ids = filter.client ? new Set([filter.client.id, ...filter.client.recordIds]) : null;
	return rows.filter(
		(row) =>
			(!filter.profileId || row.profileId === filter.profileId) &&
			(!filter.action || row.action === filter.action) &&
			(from === null || row.at >= from) &&
			(until === null || row.at < until) &&
			(!ids || (row.recordId !== null && ids.has(row.recordId)) || Boolean(row.recordIds?.some((id) => ids.has(id))))
	);
}

export function isFiltered(filter: AuditFilter): boolean {
	return Boolean(filter.profileId || filter.action || filter.client || filter.from || filter.to);
}

/** The filter in words, for an export's header. Ids only: never a name. */
export function describeFilter(filter: AuditFilter): { label: string; value: string }[] {
	if (!isFiltered(filter)) return [{ label: 'Filter', value: 'none (every entry)' }];
	const parts: { label: string; value: string }[] = [];
	if (filter.profileId) parts.push({ label: 'Profile', value: filter.profileId });
	if (filter.action) parts.push({ label: 'Action', value: `${filter.action} (${auditActionLabel(filter.action)})` });
	if (filter.client) parts.push({ label: 'Client record', value: `${filter.client.id} and the records linked to it` });
	if (filter.from) parts.push({ label: 'From', value: filter.from });
	if (filter.to) parts.push({ label: 'To', value: `${filter.to} (inclusive)` });
	return parts;
}

export function describeChain(check: ChainCheck): string {
	return check.intact
		? `Chain intact: ${check.entries} entries checked.`
		: `Chain broken at entry ${check.brokenAt}: ${CHAIN_BREAK_REASONS[check.reason]}.`;
}

export const AUDIT_CSV_COLUMNS = [
	'seq',
	'time',
	'profile',
	'action',
	'record kind',
	'record id',
	'record ids',
	'detail',
	'hash',
	'previous hash'
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled.
 * A leading =, +, - or @ is prefixed with an apostrophe so a spreadsheet never runs it as a
 * formula (CSV injection), though the trail's own values never start that way.
 */
export function csvField(value: string | number | null): string {
	let text = value === null ? '' : String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The entries as CSV with a header row, CRLF line ends as RFC 4180 specifies. */
export function auditToCsv(rows: readonly AuditEntry[]): string {
	const lines = [AUDIT_CSV_COLUMNS.join(',')];
	for (const r of rows) {
		const fields = [r.seq, new Date(r.at).toISOString(), r.profileId, r.action, r.recordKind, r.recordId, r.recordIds?.join(' ') ?? null, r.detail, r.hash, r.prev];
		lines.push(fields.map(csvField).join(','));
	}
	return `${lines.join('\r\n')}\r\n`;
}

/** The listing for the PDF: a header with the filter and the chain check, then one entry per block pair. */
export function auditBlocks(rows: readonly AuditEntry[], context: { filter: AuditFilter; chain: ChainCheck; generatedAt: Date }): NoteBlock[] {
	const blocks: NoteBlock[] = [
		{ kind: 'title', text: 'AUDIT TRAIL' },
		{ kind: 'field', label: 'Generated', value: formatInstant(context.generatedAt.toISOString()) },
		...describeFilter(context.filter).map((p): NoteBlock => ({ kind: 'field', ...p })),
		{ kind: 'field', label: 'Chain check', value: describeChain(context.chain) },
		{ kind: 'field', label: 'Entries listed', value: String(rows.length) },
		{ kind: 'notice', text: 'Entries hold no client information: records are named by random ids only.' },
		{ kind: 'heading', text: 'ENTRIES (OLDEST FIRST)' }
	];
	for (const r of rows) {
		const record = r.recordIds ? `${r.recordKind ?? 'record'}: ${r.recordIds.join(', ')}` : r.recordId ? `${r.recordKind ?? 'record'} ${r.recordId}` : '';
		const line = [`#${r.seq}`, new Date(r.at).toISOString(), r.action, record, r.detail ?? ''].filter(Boolean).join('  |  ');
		blocks.push({ kind: 'paragraph', text: line });
		blocks.push({ kind: 'notice', text: `profile ${r.profileId}  hash ${r.hash}  previous ${r.prev}` });
	}
	return blocks;
}

export function auditFileName(kind: 'csv' | 'pdf', now: Date): string {
	return `audit-trail-${now.toISOString().slice(0, 10)}.${kind}`;
}
