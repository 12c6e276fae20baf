import { AppError } from '$lib/domain/core/app-error';
import { today as todayIso } from '$lib/domain/core/dates';
import { assertClientChangeAllowed, assertDeletionAllowed, type Discharge } from '$lib/domain/compliance/retention';
import { assertNoteChangeAllowed, type Note } from '$lib/domain/notes/note';
import type { Assessment } from '$lib/domain/instruments/assessment';
import { assertDocumentChangeAllowed, type ComplianceDocument } from '$lib/domain/compliance/compliance-document';
import { assertClientDocumentChangeAllowed, type ClientDocument } from '$lib/domain/client-documents/client-document';
import { assertProtocolChangeAllowed, type CrisisProtocol } from '$lib/domain/safety/crisis-protocol';
import { assertSafetyPlanChangeAllowed, type SafetyPlan } from '$lib/domain/safety/safety-plan';
import { assertConsentChangeAllowed, type Disclosure, type Part2Consent } from '$lib/domain/compliance/consent';
import type { Client, Session } from '$lib/domain/core/records';
import { assertPlanChangeAllowed, type TreatmentPlan } from '$lib/domain/plans/treatment-plan';
import { auditStores, recordAudit, verifyAuditTrail, type AuditEvent, type ChainReport } from './audit';
import { createBackup, type BackupFile } from './backup';
import { deleteClientRecords, type ClientDeletionCounts } from './client-deletion';
import type { AuditRow, SettingsRow } from './database';
import {
	DEFAULT_AUTO_LOCK_MINUTES,
	changePassphrase,
	confirmPassphrase,
	extractableDataKey,
	replaceRecoveryKey,
	type KeyringDeps,
	type OpenedVault
} from './keyring';
import { addPasskeyWrap, removePasskeyWrap } from './keyring-quick';
import type { DataKey } from './keys';
import { EncryptedRepository, type PreparedWrite, type UnreadableListener } from './repository';
import { writeOrExplain } from './storage';

export interface PrivateNote {
	id: string;
	sessionId: string;
	text: string;
}

/**
 * An unlocked vault: the only holder of the data key. `close()` drops the key and the
 * database handle; callers drop their decrypted objects when they see the lock.
 */
export class UnlockedVault {
	readonly profileId: string;
	readonly clients: EncryptedRepository<Client>;
	readonly sessions: EncryptedRepository<Session>;
	readonly notes: EncryptedRepository<Note>;
	/** Psychotherapy (process) notes: never sent to a model, never exported with the record. */
	readonly privateNotes: EncryptedRepository<PrivateNote>;
	readonly assessments: EncryptedRepository<Assessment>;
	readonly plans: EncryptedRepository<TreatmentPlan>;
	readonly consents: EncryptedRepository<Part2Consent>;
	readonly disclosures: EncryptedRepository<Disclosure>;
	readonly documents: EncryptedRepository<ComplianceDocument>;
	readonly safetyPlans: EncryptedRepository<SafetyPlan>;
	readonly crisisProtocols: EncryptedRepository<CrisisProtocol>;
	readonly clientDocuments: EncryptedRepository<ClientDocument>;
	#opened: OpenedVault | null;
	/** Hears of every record that fails its integrity check, whichever screen read it. */
	onUnreadable: UnreadableListener | null = null;

	constructor(opened: OpenedVault) {
		this.#opened = opened;
		this.profileId = opened.profileId;
		const common = {
			db: opened.db,
			key: opened.dataKey,
			profileId: opened.profileId,
			onUnreadable: (failure: AppError) => this.onUnreadable?.(failure)
		};
		this.clients = new EncryptedRepository<Client>({ ...common, table: 'clients', kind: 'client', guard: assertClientChangeAllowed });
		this.sessions = new EncryptedRepository<Session>({
			...common,
			table: 'sessions',
			kind: 'session',
			indexed: (s) => ({ clientId: s.clientId })
		});
		this.notes = new EncryptedRepository<Note>({
			...common,
			table: 'notes',
			kind: 'note',
			indexed: (n) => ({ clientId: n.clientId, sessionId: n.sessionId }),
			guard: assertNoteChangeAllowed
		});
		this.privateNotes = new EncryptedRepository<PrivateNote>({
			...common,
			table: 'privateNotes',
			kind: 'private-note',
			indexed: (n) => ({ sessionId: n.sessionId })
		});
		this.assessments = new EncryptedRepository<Assessment>({
			...common,
			table: 'assessments',
			kind: 'assessment',
			indexed: (a) => ({ clientId: a.clientId })
		});
		this.plans = new EncryptedRepository<TreatmentPlan>({
			...common,
			table: 'plans',
			kind: 'plan',
			indexed: (p) => ({ clientId: p.clientId }),
			guard: assertPlanChangeAllowed
		});
		this.consents = new EncryptedRepository<Part2Consent>({
			...common,
			table: 'consents',
			kind: 'consent',
			indexed: (c) => ({ clientId: c.clientId }),
			guard: assertConsentChangeAllowed
		});
		this.disclosures = new EncryptedRepository<Disclosure>({
			...common,
			table: 'disclosures',
			kind: 'disclosure',
			indexed: (d) => ({ clientId: d.clientId })
		});
		this.documents = new EncryptedRepository<ComplianceDocument>({
			...common,
			table: 'documents',
			kind: 'document',
			guard: assertDocumentChangeAllowed
		});
		const byClient = (r: { clientId: string }) => ({ clientId: r.clientId });
		this.safetyPlans = new EncryptedRepository<SafetyPlan>({
			...common,
			table: 'safetyPlans',
			kind: 'safety-plan',
			indexed: byClient,
			guard: assertSafetyPlanChangeAllowed
		});
		this.crisisProtocols = new EncryptedRepository<CrisisProtocol>({
			...common,
			table: 'crisisProtocols',
			kind: 'crisis-protocol',
			indexed: byClient,
			guard: assertProtocolChangeAllowed
		});
		this.clientDocuments = new EncryptedRepository<ClientDocument>({
			...common,
			table: 'clientDocuments',
			kind: 'client-document',
			indexed: byClient,
			guard: assertClientDocumentChangeAllowed
		});
	}

	get #db() {
		if (!this.#opened) throw new Error('vault closed');
		return this.#opened.db;
	}

	/** Writes records of several tables, each with its audit entry, all or none (an assessment and its risk flag). */
	async putTogether(writes: readonly PreparedWrite[]): Promise<void> {
		const db = this.#db;
		const tables = [...new Set(writes.map((w) => w.table))].map((t) => db[t]);
		await writeOrExplain(() =>
			db.transaction('rw', [...tables, ...auditStores(db)], async () => {
				for (const write of writes) await write.apply();
			})
		);
	}

	async audit(event: AuditEvent): Promise<void> {
		await recordAudit(this.#db, this.profileId, event);
	}

	async auditEntries(): Promise<AuditRow[]> {
		return this.#db.audit.orderBy('seq').toArray();
	}

	async verifyAudit(): Promise<ChainReport> {
		return verifyAuditTrail(this.#db, this.profileId);
	}

	async settings(): Promise<SettingsRow> {
		return (await this.#db.settings.get('preferences')) ?? { id: 'preferences', autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES };
	}

	async saveSettings(patch: Partial<Omit<SettingsRow, 'id'>>): Promise<SettingsRow> {
		const next = { ...(await this.settings()), ...patch };
		await writeOrExplain(() =>
			this.#db.transaction('rw', [this.#db.settings, ...auditStores(this.#db)], async () => {
				await this.#db.settings.put(next);
				await recordAudit(this.#db, this.profileId, { action: 'settings.update' });
			})
		);
		return next;
	}

	/** Rewraps the data key under a new passphrase; records are untouched. */
	async changePassphrase(deps: KeyringDeps, current: string, next: string): Promise<void> {
		if (!this.#opened) throw new Error('vault closed');
		await changePassphrase(deps, this.#opened, current, next);
	}

	async confirmPassphrase(deps: KeyringDeps, passphrase: string): Promise<void> {
		if (!this.#opened) throw new Error('vault closed');
		await confirmPassphrase(deps, this.#opened, passphrase);
	}

	/** An extractable copy of the data key for quick unlock to wrap (the passphrase confirms it). */
	async extractableDataKey(deps: KeyringDeps, passphrase: string): Promise<DataKey> {
		if (!this.#opened) throw new Error('vault closed');
		return extractableDataKey(deps, this.#opened, passphrase);
	}

	/** Adds the passkey wrap (see keyring.ts) from an extractable copy of the data key and the PRF output. */
	async addPasskey(extractable: DataKey, secret: { credentialId: ArrayBuffer; prfSalt: Uint8Array<ArrayBuffer>; prf: ArrayBuffer }): Promise<void> {
		if (!this.#opened) throw new Error('vault closed');
		await addPasskeyWrap(this.#opened, extractable, secret);
	}

	async removePasskey(): Promise<void> {
		if (!this.#opened) throw new Error('vault closed');
		await removePasskeyWrap(this.#opened);
	}

	/** Replaces the recovery key (the passphrase confirms it); returns the new key's text, to show once. */
	async replaceRecoveryKey(deps: KeyringDeps, passphrase: string): Promise<string> {
		if (!this.#opened) throw new Error('vault closed');
		return replaceRecoveryKey(deps, this.#opened, passphrase);
	}

	/** The encrypted backup file of this profile (one consistent snapshot); records 'backup.create' and `lastBackupAt`. */
	async backup(): Promise<BackupFile> {
		if (!this.#opened) throw new Error('vault closed');
		return createBackup(this.#opened);
	}

	/** Discharges a client: the record becomes read-only and is kept for the retention period. Audited with the date only. */
	async dischargeClient(client: Client, discharge: Discharge): Promise<Client> {
		if (!discharge.on) throw new AppError('record/invalid', { field: 'discharge' });
		const discharged = { ...client, discharge };
		await this.clients.put(discharged, { event: { action: 'client.discharge', detail: discharge.on } });
		return discharged;
	}

	/** Reopens a discharged client's record (a return to care). */
	async reopenClient(client: Client): Promise<Client> {
		const { discharge: _, ...reopened } = client;
		await this.clients.put(reopened, { event: { action: 'client.reopen' } });
		return reopened;
	}

	/**
	 * Deletes a discharged client whose retention period has ended, and everything derived from
	 * them, in one transaction with one audit entry. The disclosure log entries stay, naming the
	 * person by name and date of birth only. Returns the counts.
	 */
	async deleteClient(clientId: string, today: string = todayIso()): Promise<ClientDeletionCounts> {
		const client = await this.clients.get(clientId);
		assertDeletionAllowed(client, (await this.settings()).retentionYears, today);
		const identity = { name: client.name, dateOfBirth: client.dateOfBirth };
		const kept = await this.disclosures.where('clientId', clientId);
		const rewrites = await Promise.all(kept.map((d) => this.disclosures.prepare({ ...d, clientIdentity: identity }, { audit: false })));
		return deleteClientRecords(this.#db, this.profileId, clientId, rewrites.map((w) => w.apply));
	}

	/** Writes the lock to the audit trail, then forgets the key. */
	async lock(action: 'vault.lock' | 'vault.auto-lock' = 'vault.lock'): Promise<void> {
		const opened = this.#opened;
		if (!opened) return;
		try {
			await recordAudit(opened.db, this.profileId, { action });
		} finally {
			this.close();
		}
	}

	close(): void {
		const db = this.#opened?.db;
		db?.auditKey?.fill(0);
		if (db) db.auditKey = null;
		db?.close();
		this.#opened = null;
	}

	get isOpen(): boolean {
		return this.#opened !== null;
	}
}
