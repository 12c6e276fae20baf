import { AppError } from '$lib/domain/core/app-error';
import { appendAudit, auditStores } from './audit';
import type { RecordTable, VaultDatabase } from './database';
import { writeOrExplain } from './storage';

/**
 * Rows deleted per table, and the disclosure log entries kept. Documents are the practice's,
 * not a client's, so they are never touched; the disclosure log outlives the client.
 */
export type ClientDeletionCounts = Record<Exclude<RecordTable, 'documents' | 'disclosures'>, number> & { disclosuresKept: number };

/**
 * Deletes a client and every record derived from it, with one audit entry, in one
 * transaction: a client is never left half-deleted with orphaned notes. Private
 * (psychotherapy) notes are found through the client's sessions, the only link they carry.
 * The audit entry names the client's random id and the counts per table, never a name.
 */
export async function deleteClientRecords(
	db: VaultDatabase,
	profileId: string,
	clientId: string,
	/** Rewrites of the client's disclosure log entries (with the minimal identity they keep), run in the same transaction. */
	keepDisclosures: readonly (() => Promise<unknown>)[] = []
): Promise<ClientDeletionCounts> {
	return writeOrExplain(() =>
		db.transaction(
			'rw',
			[
				db.clients,
				db.sessions,
				db.notes,
				db.privateNotes,
				db.assessments,
				db.plans,
				db.consents,
				db.disclosures,
				db.safetyPlans,
				db.crisisProtocols,
				db.clientDocuments,
				...auditStores(db)
			],
			async () => {
				if (!(await db.clients.get(clientId))) throw new AppError('record/not-found', { table: 'clients' });
				const sessionIds = await db.sessions.where('clientId').equals(clientId).primaryKeys();
				const byClient = (table: Exclude<RecordTable, 'clients' | 'privateNotes' | 'documents'>) =>
					db[table].where('clientId').equals(clientId).delete();
				const counts: ClientDeletionCounts = {
					clients: 0,
					sessions: await byClient('sessions'),
					notes: await byClient('notes'),
					privateNotes: sessionIds.length ? await db.privateNotes.where('sessionId').anyOf(sessionIds).delete() : 0,
					assessments: await byClient('assessments'),
					plans: await byClient('plans'),
					consents: await byClient('consents'),
					safetyPlans: await byClient('safetyPlans'),
					crisisProtocols: await byClient('crisisProtocols'),
					clientDocuments: await byClient('clientDocuments'),
					disclosuresKept: keepDisclosures.length
				};
				for (const keep of keepDisclosures) await keep();
				await db.clients.delete(clientId);
				counts.clients = 1;
				const detail = Object.entries(counts)
					.map(([table, n]) => `${table}:${n}`)
					.join(',');
				await appendAudit(db, profileId, { action: 'client.delete', recordKind: 'client', recordId: clientId, detail });
				return counts;
			}
		)
	);
}
