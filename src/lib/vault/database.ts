import Dexie, { type EntityTable } from 'dexie';
import type { Envelope } from './envelope';
import type { KdfParams } from './kdf-params';
import type { WrappedKey } from './keys';
import type { NoteFormat } from '$lib/domain/notes/note-formats';

/**
 * IndexedDB layout. Only fields without PHI are indexed or stored in the clear: random ids,
 * foreign ids, timestamps, version counters, audit actions. Everything clinical is inside
 * an `env` (see envelope.ts).
 */

/** The device's list of clinician profiles: display name only. */
export interface ProfileRow {
	id: string;
	displayName: string;
	createdAt: number;
}

export class ProfileDirectory extends Dexie {
	profiles!: EntityTable<ProfileRow, 'id'>;

	constructor() {
		super('tacit-profiles');
		// v1: one row per clinician profile on this device.
		this.version(1).stores({ profiles: 'id' });
	}
}

/** The data key wrapped twice, with the KDF parameters of the passphrase wrap beside it. */
export interface KeyringRow {
	id: 'primary';
	kdf: KdfParams;
	passphraseWrap: WrappedKey;
	recoveryWrap: WrappedKey;
	/** HKDF salt for the recovery wrap. */
	recoverySalt: Uint8Array<ArrayBuffer>;
	changedAt: number;
	/** The audit head's MAC key, sealed under the data key; added at the first unlock of an older vault. */
	auditKey?: Envelope;
	/**
	 * The data key wrapped by a passkey's PRF output (WebAuthn), when the clinician added one:
	 * which credential to ask, the PRF input, and the wrap. Useless without the authenticator.
	 */
	passkey?: { credentialId: ArrayBuffer; prfSalt: Uint8Array<ArrayBuffer>; wrap: WrappedKey; addedAt: number };
}

/** Non-clinical, per-profile preferences readable before unlock. */
export interface SettingsRow {
	id: 'preferences';
	autoLockMinutes: number;
	/** Note formats the practice defined (names, sections, guidance: no PHI). */
	practiceFormats?: NoteFormat[];
	/** The whole practice is a 42 CFR Part 2 program: every client's records are Part 2. */
	part2Program?: boolean;
	/** Which 42 CFR 2.32 statement goes with a disclosure, and the administrator's edited texts. */
	part2Notice?: { statement: 1 | 2; statement1: string; statement2: string };
	/** Practice details that fill compliance documents (no client information). */
	practice?: { name: string; address: string; phone: string; privacyOfficer: string };
	/** Remind the clinician when the last backup is older than this many days. */
	backupReminderDays?: number;
	/** When the last backup file was made (epoch ms). */
	lastBackupAt?: number;
	/** Years a discharged client's records are kept before they may be deleted (at least 6). */
	retentionYears?: number;
}

export interface RecordRow {
	id: string;
	/** Incremented on every write; used to merge backups without losing newer work. */
	version: number;
	createdAt: number;
	updatedAt: number;
	env: Envelope;
}

export interface SessionRow extends RecordRow {
	clientId: string;
}

export interface NoteRow extends RecordRow {
	clientId: string;
	sessionId: string;
}

export interface PrivateNoteRow extends RecordRow {
	sessionId: string;
}

export interface AssessmentRow extends RecordRow {
	clientId: string;
}

export interface PlanRow extends RecordRow {
	clientId: string;
}

export interface ConsentRow extends RecordRow {
	clientId: string;
}

export interface DisclosureRow extends RecordRow {
	clientId: string;
}

/** A record that belongs to one client (indexed by the client's random id only). */
export interface ClientRecordRow extends RecordRow {
	clientId: string;
}

/** The newest audit entry when it was written: its number and hash, with a MAC under the audit key. */
export interface AuditHeadRow {
	id: 'head';
	seq: number;
	hash: string;
	mac: string;
}

export interface AuditRow {
	seq: number;
	at: number;
	profileId: string;
	action: string;
	recordKind: string | null;
	recordId: string | null;
	recordIds: string[] | null;
	/** Non-PHI facts about the event, e.g. the content hash of a signed note. */
	detail: string | null;
	prev: string;
	hash: string;
}

export class VaultDatabase extends Dexie {
	keyring!: EntityTable<KeyringRow, 'id'>;
	settings!: EntityTable<SettingsRow, 'id'>;
	clients!: EntityTable<RecordRow, 'id'>;
	sessions!: EntityTable<SessionRow, 'id'>;
	notes!: EntityTable<NoteRow, 'id'>;
	privateNotes!: EntityTable<PrivateNoteRow, 'id'>;
	assessments!: EntityTable<AssessmentRow, 'id'>;
	plans!: EntityTable<PlanRow, 'id'>;
	consents!: EntityTable<ConsentRow, 'id'>;
	disclosures!: EntityTable<DisclosureRow, 'id'>;
	documents!: EntityTable<RecordRow, 'id'>;
	safetyPlans!: EntityTable<ClientRecordRow, 'id'>;
	crisisProtocols!: EntityTable<ClientRecordRow, 'id'>;
	clientDocuments!: EntityTable<ClientRecordRow, 'id'>;
	audit!: EntityTable<AuditRow, 'seq'>;
	/** The audit chain's newest entry, authenticated (see audit.ts): how removed newest entries are found. */
	auditHead!: EntityTable<AuditHeadRow, 'id'>;
	/**
	 * The key that authenticates `auditHead`, present only while the vault is unlocked in this
	 * tab (the keyring holds it sealed under the data key). Zeroed and dropped at lock.
	 */
	auditKey: Uint8Array | null = null;

	constructor(profileId: string) {
		super(vaultDatabaseName(profileId));
		// v1: keyring, preferences, clients and sessions (encrypted), hash-chained audit trail.
		this.version(1).stores({
			keyring: 'id',
			settings: 'id',
			clients: 'id, updatedAt',
			sessions: 'id, clientId, updatedAt',
			audit: 'seq, at'
		});
		// v2: progress notes, and psychotherapy (process) notes in a table of their own, so no
		// note export or model prompt can pick them up by accident.
		this.version(2).stores({
			notes: 'id, clientId, sessionId, updatedAt',
			privateNotes: 'id, sessionId, updatedAt'
		});
		// v3: instrument administrations and treatment plan versions, indexed by client only
		// (which instrument, its scores and the plan's text are inside the envelope).
		this.version(3).stores({
			assessments: 'id, clientId, updatedAt',
			plans: 'id, clientId, updatedAt'
		});
		// v4: 42 CFR Part 2 consents, the disclosure log, and the practice's compliance documents.
		this.version(4).stores({
			consents: 'id, clientId, updatedAt',
			disclosures: 'id, clientId, updatedAt',
			documents: 'id, updatedAt'
		});
		// v5: safety plans, crisis protocols and client-facing documents (worksheets, letters).
		this.version(5).stores({
			safetyPlans: 'id, clientId, updatedAt',
			crisisProtocols: 'id, clientId, updatedAt',
			clientDocuments: 'id, clientId, updatedAt'
		});
		// v6: the audit chain's authenticated head, so a trail cut short is detected.
		this.version(6).stores({ auditHead: 'id' });
	}
}

export function vaultDatabaseName(profileId: string): string {
	return `tacit-vault-${profileId}`;
}

export type RecordTable =
	| 'clients'
	| 'sessions'
	| 'notes'
	| 'privateNotes'
	| 'assessments'
	| 'plans'
	| 'consents'
	| 'disclosures'
	| 'documents'
	| 'safetyPlans'
	| 'crisisProtocols'
	| 'clientDocuments';

/** Every encrypted table, in the order a backup writes them. */
export const RECORD_TABLES: readonly RecordTable[] = [
	'clients',
	'sessions',
	'notes',
	'privateNotes',
	'assessments',
	'plans',
	'consents',
	'disclosures',
	'documents',
	'safetyPlans',
	'crisisProtocols',
	'clientDocuments'
];
