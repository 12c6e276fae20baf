import { auditBlocks, auditFileName, auditToCsv, filterAudit, type AuditFilter } from '$lib/domain/compliance/audit-review';
import type { UnlockedVault } from '$lib/vault/vault';
import { blocksToPdf } from '../common/pdf-blocks';

/**
 * The audit trail for the compliance officer. The export is itself an audited event, written
 * first: the file then lists its own entry (when the filter allows) and the chain check
 * covers it. Client names never enter the file, only record ids.
 */
export async function exportAudit(
	vault: UnlockedVault,
	kind: 'csv' | 'pdf',
	filter: AuditFilter,
	now: Date = new Date()
): Promise<{ blob: Blob; fileName: string }> {
	await vault.audit({ action: 'audit.export', detail: kind });
	const [entries, chain] = await Promise.all([vault.auditEntries(), vault.verifyAudit()]);
	const rows = filterAudit(entries, filter);
	const blob =
		kind === 'csv'
			? new Blob([auditToCsv(rows)], { type: 'text/csv;charset=utf-8' })
			: await blocksToPdf(auditBlocks(rows, { filter, chain, generatedAt: now }), {
					title: 'Audit trail',
					// Not a draft: the trail is a record of events, not a document awaiting signature.
					signed: true,
					pageLabel: `Audit trail · ${now.toISOString().slice(0, 10)}`
				});
	return { blob, fileName: auditFileName(kind, now) };
}

/**
 * The ids of a client's record and of every record stored for them (sessions, notes, private
 * notes, assessments, plans, consents, disclosures), so the trail can be filtered by client.
 * Records deleted since have no row left to link them, and drop out of the filter.
 */
export async function clientRecordIds(vault: UnlockedVault, clientId: string): Promise<string[]> {
	const [sessions, ...others] = await Promise.all([
		vault.sessions.where('clientId', clientId),
		vault.notes.where('clientId', clientId),
		vault.assessments.where('clientId', clientId),
		vault.plans.where('clientId', clientId),
		vault.consents.where('clientId', clientId),
		vault.disclosures.where('clientId', clientId),
		vault.safetyPlans.where('clientId', clientId),
		vault.crisisProtocols.where('clientId', clientId),
		vault.clientDocuments.where('clientId', clientId)
	]);
	const privateNotes = await Promise.all(sessions.map((s) => vault.privateNotes.where('sessionId', s.id)));
	return [clientId, ...[sessions, ...others, ...privateNotes].flat().map((r) => r.id)];
}
