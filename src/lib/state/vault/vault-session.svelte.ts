import { AppError, toAppError } from '$lib/domain/core/app-error';
import type { NoteFormat } from '$lib/domain/notes/note-formats';
import { displayName, type Client, type Session } from '$lib/domain/core/records';
import { SearchIndex, type SearchDocument } from '$lib/domain/core/search-index';
import { engineStatus } from '$lib/inference/engine-status.svelte';
import { argon2InWorker } from '$lib/vault/kdf-worker';
import {
	createVault,
	DEFAULT_AUTO_LOCK_MINUTES,
	listProfiles,
	recoverWithKey,
	unlockWithPassphrase,
	type KeyringDeps
} from '$lib/vault/keyring';
import { passkeyRequest, recordFailedUnlock, unlockWithDataKey, unlockWithPasskey } from '$lib/vault/keyring-quick';
import { UnlockedVault } from '$lib/vault/vault';
import type { SettingsRow } from '$lib/vault/database';
import { restoreBackup, type RestoreReport, type RestoreSecret } from '$lib/vault/restore';
import { QuickUnlock, type QuickUnlockState } from '$lib/vault/quick-unlock';
import { evaluatePasskey, registerPasskey } from '$lib/vault/passkey';
import { IdleTimer } from './idle-timer';

export type SessionSummary = Pick<Session, 'id' | 'clientId' | 'date' | 'startTime' | 'serviceType'>;
export interface IndexProgress {
	ready: boolean;
	done: number;
	total: number;
	error: AppError | null;
}
/** 'client-mode': a client finished a questionnaire on a handed-over tablet. */
export type LockReason = 'manual' | 'idle' | 'other-tab' | 'client-mode';
type Status = 'starting' | 'locked' | 'unlocked';
type BeforeLock = () => Promise<void>;

const deps: KeyringDeps = { argon2: argon2InWorker };
const CHANNEL = 'tacit-vault';

/**
 * The vault as the UI sees it: locked or unlocked, the decrypted clients, and the in-memory
 * search index. Locking (by hand, after idle time, or in another tab) runs pending saves,
 * then drops the key, every decrypted object and the index.
 */
export class VaultSession {
	status = $state<Status>('starting');
	profiles = $state<{ id: string; displayName: string }[]>([]);
	profileId = $state<string | null>(null);
	lockReason = $state<LockReason | null>(null);
	/**
	 * The decrypted clients, kept sorted by name. Raw state (no deep proxy) and no derived copy:
	 * a cached derivation would keep the last list alive after lock, and so would a proxy
	 * someone still holds. Every change replaces the array.
	 */
	clients = $state.raw<Client[]>([]);
	/** The profile's preferences (auto-lock, practice formats and details, Part 2, notices, backup reminder). */
	settings = $state<SettingsRow | null>(null);
	autoLockMinutes = $derived(this.settings?.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES);
	practiceFormats = $derived<NoteFormat[]>(this.settings?.practiceFormats ?? []);
	/** What the last restore in this tab did, shown once after it. */
	restored = $state<RestoreReport | null>(null);
	index = $state<IndexProgress>({ ready: false, done: 0, total: 0, error: null });
	/** Date, time and service of every session (no content), for Today; filled with the index. */
	sessionSummaries = $state<SessionSummary[]>([]);
	/** Set when the vault cannot even be listed (storage blocked by the browser). */
	startError = $state<AppError | null>(null);
	/**
	 * Client mode: a tablet handed to a client shows only this questionnaire; leaving it any
	 * other way than finishing locks the vault. Cleared by the lock.
	 */
	clientMode = $state<{ path: string } | null>(null);
	/** Records that failed their integrity check: shown to the clinician, never silently left out. */
	unreadable = $state<{ table: string; id: string; code: string }[]>([]);

	/** PIN unlock, for this tab only (see quick-unlock.ts); null when off. */
	quickUnlock = $state<QuickUnlockState | null>(null);
	/** Profiles on this device with a passkey wrap in their keyring. */
	passkeys = $state<string[]>([]);

	readonly #beforeLock = new Set<BeforeLock>();
	readonly #quick = new QuickUnlock(argon2InWorker);
	#vault: UnlockedVault | null = null;
	#search = new SearchIndex();
	/** Stops background work of the current unlock (index building) the moment the vault locks. */
	#unlocked: AbortController | null = null;
	#channel: BroadcastChannel | null = null;
	#idle: IdleTimer | null = null;

	profileName = $derived(this.profiles.find((p) => p.id === this.profileId)?.displayName ?? '');
	/** The clients in name order (the list is kept sorted, see `clients`). */
	get sortedClients(): readonly Client[] {
		return this.clients;
	}

	async start(): Promise<void> {
		if (typeof BroadcastChannel !== 'undefined' && !this.#channel) {
			this.#channel = new BroadcastChannel(CHANNEL);
			this.#channel.onmessage = (event: MessageEvent<{ type?: string }>) => {
				if (event.data?.type === 'lock') void this.lock('other-tab', { broadcast: false });
			};
		}
		try {
			this.profiles = await listProfiles();
			await this.#refreshPasskeys();
			this.status = 'locked';
		} catch (error) {
			this.startError = toAppError(error);
		}
	}

	/** The open vault; throws `vault/locked` so a late callback can never write after lock. */
	get vault(): UnlockedVault {
		if (!this.#vault?.isOpen) throw new AppError('vault/locked');
		return this.#vault;
	}

	async create(name: string, passphrase: string): Promise<string> {
		const created = await createVault(deps, { displayName: name, passphrase });
		this.profiles = await listProfiles();
		await this.#open(new UnlockedVault(created));
		return created.recoveryKey;
	}

	async unlock(profileId: string, passphrase: string): Promise<void> {
		await this.#open(new UnlockedVault(await unlockWithPassphrase(deps, profileId, passphrase)));
	}

	/**
	 * PIN unlock for the rest of this tab's life. The passphrase confirms it; nothing is stored,
	 * so a reload or a browser restart asks for the passphrase (see quick-unlock.ts).
	 */
	async turnOnPin(passphrase: string, pin: string): Promise<void> {
		const extractable = await this.vault.extractableDataKey(deps, passphrase);
		await this.#quick.armPin(this.vault.profileId, extractable, pin);
		this.quickUnlock = this.#quick.state;
		await this.vault.audit({ action: 'vault.quick-unlock-on' });
	}

	/** Adds a passkey to this profile (the passphrase confirms it): it opens the vault from the lock screen, across reloads. */
	async addPasskey(passphrase: string): Promise<void> {
		const extractable = await this.vault.extractableDataKey(deps, passphrase);
		const existing = await passkeyRequest(this.vault.profileId);
		const secret = existing
			? { ...existing, prf: await evaluatePasskey(existing.credentialId, existing.prfSalt) }
			: await registerPasskey(this.profileName);
		await this.vault.addPasskey(extractable, secret);
		await this.#refreshPasskeys();
	}

	async removePasskey(): Promise<void> {
		await this.vault.removePasskey();
		await this.#refreshPasskeys();
	}

	/** Which profiles on this device have a passkey (the lock screen offers it for them). */
	async #refreshPasskeys(): Promise<void> {
		const withPasskey = await Promise.all(this.profiles.map(async (p) => ((await passkeyRequest(p.id).catch(() => null)) ? p.id : null)));
		this.passkeys = withPasskey.filter((id): id is string => id !== null);
	}

	turnOffPin(): void {
		this.#quick.forget();
		this.quickUnlock = null;
	}

	/** A wrong PIN counts against the five tries and is audited like a wrong passphrase. */
	async unlockWithPin(profileId: string, pin: string): Promise<void> {
		const key = await this.#quick.unlockWithPin(profileId, pin).catch(async (error: unknown) => {
			if (toAppError(error).code !== 'vault/quick-unlock-off') await recordFailedUnlock(profileId, 'pin').catch(() => undefined);
			throw error;
		}).finally(() => (this.quickUnlock = this.#quick.state));
		await this.#open(new UnlockedVault(await unlockWithDataKey(profileId, key, 'pin')));
	}

	async unlockWithPasskey(profileId: string): Promise<void> {
		const request = await passkeyRequest(profileId);
		if (!request) throw new AppError('vault/quick-unlock-off');
		const prf = await evaluatePasskey(request.credentialId, request.prfSalt);
		await this.#open(new UnlockedVault(await unlockWithPasskey(profileId, prf)));
	}

	async recover(profileId: string, recoveryKey: string, newPassphrase: string): Promise<void> {
		await this.#open(new UnlockedVault(await recoverWithKey(deps, profileId, recoveryKey, newPassphrase)));
	}

	/**
	 * Restores a backup file: a profile new to this device is created as it was; into this
	 * profile, records merge by version. Either way the vault opens on the result, so nothing
	 * stale stays on screen.
	 */
	async restore(file: ArrayBuffer, secret: RestoreSecret): Promise<RestoreReport> {
		const { opened, report } = await restoreBackup(deps, file, secret);
		if (this.#vault) await this.lock('manual');
		this.profiles = await listProfiles();
		await this.#open(new UnlockedVault(opened));
		this.restored = report;
		return report;
	}

	async backup(): Promise<{ blob: Blob; fileName: string }> {
		const file = await this.vault.backup();
		this.settings = await this.vault.settings();
		return file;
	}

	async changePassphrase(current: string, next: string): Promise<void> {
		await this.vault.changePassphrase(deps, current, next);
	}

	/** A new recovery key; the text is returned for the screen to show once and is kept nowhere else. */
	replaceRecoveryKey(passphrase: string): Promise<string> {
		return this.vault.replaceRecoveryKey(deps, passphrase);
	}

	async setAutoLockMinutes(minutes: number): Promise<void> {
		this.settings = await this.vault.saveSettings({ autoLockMinutes: minutes });
		this.#idle?.setTimeout(minutes * 60_000);
	}

	async saveSettings(patch: Partial<Omit<SettingsRow, 'id'>>): Promise<void> {
		this.settings = await this.vault.saveSettings(patch);
	}

	async savePracticeFormats(formats: NoteFormat[]): Promise<void> {
		this.settings = await this.vault.saveSettings({ practiceFormats: formats });
	}

	/** Registers work (an autosave flush) that must finish before the key is dropped. */
	beforeLock(fn: BeforeLock): () => void {
		this.#beforeLock.add(fn);
		return () => this.#beforeLock.delete(fn);
	}

	async lock(reason: LockReason = 'manual', options: { broadcast?: boolean } = {}): Promise<void> {
		const vault = this.#vault;
		if (!vault) return;
		await Promise.allSettled([...this.#beforeLock].map((fn) => fn()));
		this.#vault = null;
		this.#unlocked?.abort();
		this.#unlocked = null;
		this.#idle?.stop();
		this.#idle = null;
		this.clients = [];
		this.sessionSummaries = [];
		this.settings = null;
		this.restored = null;
		this.unreadable = [];
		// A fresh index object, so nothing decrypted stays reachable from this session.
		this.#search.clear();
		this.#search = new SearchIndex();
		this.index = { ready: false, done: 0, total: 0, error: null };
		this.lockReason = reason;
		this.clientMode = null;
		this.status = 'locked';
		if (options.broadcast !== false) this.#channel?.postMessage({ type: 'lock' });
		// The model's conversation state may hold session content: it goes with the lock.
		void engineStatus.unload().catch(() => undefined);
		await vault.lock(reason === 'idle' ? 'vault.auto-lock' : 'vault.lock').catch(() => vault.close());
		forgetLastMatch();
	}

	async #open(vault: UnlockedVault): Promise<void> {
		try {
			// Every failed record, from this read or any later one, is named on screen (UnreadableRecords).
			this.unreadable = [];
			vault.onUnreadable = (failure) => this.#noteUnreadable(failure);
			const [clients, settings] = await Promise.all([vault.clients.readAll(), vault.settings()]);
			this.#vault = vault;
			this.#unlocked = new AbortController();
			this.profileId = vault.profileId;
			this.clients = byName(clients.records);
			this.settings = settings;
			this.lockReason = null;
			this.status = 'unlocked';
			// An idle lock stays in this tab: a clinician working in another tab is not idle there.
			this.#idle = new IdleTimer(settings.autoLockMinutes * 60_000, () => void this.lock('idle', { broadcast: false }));
			this.#idle.start();
			void this.#buildIndex(vault, clients.records, this.#unlocked.signal);
		} catch (error) {
			vault.close();
			throw toAppError(error);
		}
	}

	/** A record that failed its integrity check, read by any screen: listed once on every page until Lock. */
	#noteUnreadable(failure: AppError): void {
		const record = describeFailure(failure);
		if (this.unreadable.some((r) => r.table === record.table && r.id === record.id)) return;
		this.unreadable = [...this.unreadable, record];
	}

	/** Builds the search index after the client list is on screen, a slice at a time. */
	async #buildIndex(vault: UnlockedVault, clients: Client[], signal: AbortSignal): Promise<void> {
		try {
			const { records: sessions } = await vault.sessions.readAll();
			if (signal.aborted) return;
			this.sessionSummaries = sessions.map(summary);
			const docs: SearchDocument[] = [...clients.map(clientDoc), ...sessions.map(sessionDoc)];
			const total = docs.length;
			this.index = { ready: false, done: 0, total, error: null };
			await this.#search.addAllAsync(docs, {
				signal,
				onProgress: (done) => {
					if (!signal.aborted) this.index = { ready: false, done, total, error: null };
				}
			});
			if (!signal.aborted) this.index = { ready: true, done: total, total, error: null };
		} catch (error) {
			// Locking mid-build closes the database: that is not an error worth showing.
			if (!signal.aborted) this.index = { ready: false, done: 0, total: 0, error: toAppError(error) };
		}
	}

	search(query: string) {
		return this.#search.search(query);
	}

	async saveClient(client: Client, options: { audit?: boolean } = {}): Promise<void> {
		await this.vault.clients.put(client, options);
		this.clientSaved(client);
		this.#search.upsert(clientDoc(client));
	}

	/** A client record written elsewhere (with an assessment and its risk flag): keep the list current. */
	clientSaved(client: Client): void {
		this.clients = byName([...this.clients.filter((c) => c.id !== client.id), client]);
	}

	async saveSession(session: Session, options: { audit?: boolean } = {}): Promise<void> {
		await this.vault.sessions.put(session, options);
		this.#search.upsert(sessionDoc(session));
		const i = this.sessionSummaries.findIndex((x) => x.id === session.id);
		if (i >= 0) this.sessionSummaries[i] = summary(session);
		else this.sessionSummaries.push(summary(session));
	}

	/** Discharge: the record turns read-only and leaves the everyday lists; kept for the retention period. */
	async dischargeClient(client: Client, on: string, reason: string): Promise<Client> {
		const discharged = await this.vault.dischargeClient(client, { on, reason, by: this.profileName });
		this.clientSaved(discharged);
		return discharged;
	}

	async reopenClient(client: Client): Promise<Client> {
		const reopened = await this.vault.reopenClient(client);
		this.clientSaved(reopened);
		return reopened;
	}

	/**
	 * Permanent deletion, only after the retention period (the vault refuses otherwise); the
	 * lists and the search index forget the client too.
	 */
	async deleteClient(id: string, passphrase: string): Promise<void> {
		// The passphrase again: only the vault's owner deletes, never whoever finds it unlocked.
		await this.vault.confirmPassphrase(deps, passphrase);
		const sessions = this.sessionSummaries.filter((x) => x.clientId === id).map((x) => x.id);
		await this.vault.deleteClient(id);
		this.clients = this.clients.filter((c) => c.id !== id);
		this.sessionSummaries = this.sessionSummaries.filter((x) => x.clientId !== id);
		for (const docId of [id, ...sessions]) this.#search.remove(docId);
	}

	async deleteSession(id: string): Promise<void> {
		await this.vault.sessions.delete(id);
		this.#search.remove(id);
		this.sessionSummaries = this.sessionSummaries.filter((x) => x.id !== id);
	}
}

function describeFailure(error: AppError) {
	return { table: String(error.details.table ?? ''), id: String(error.details.id ?? ''), code: error.code };
}

function summary({ id, clientId, date, startTime, serviceType }: Session): SessionSummary {
	return { id, clientId, date, startTime, serviceType };
}

function clientDoc(c: Client): SearchDocument {
	return { id: c.id, kind: 'client', clientId: c.id, text: `${c.name} ${c.preferredName}` };
}

function sessionDoc(s: Session): SearchDocument {
	return { id: s.id, kind: 'session', clientId: s.clientId, text: s.content };
}

export const vaultSession = new VaultSession();

function byName(clients: Client[]): Client[] {
	return clients.sort((a, b) => displayName(a).localeCompare(displayName(b), undefined, { sensitivity: 'base' }));
}

/**
 * V8 keeps the subject of the last successful regular-expression match (the legacy
 * `RegExp.input`) reachable from the page itself: a date of birth checked a moment before
 * Lock would outlive it. One match on a constant string replaces it.
 */
function forgetLastMatch(): void {
	/^/.test('');
}
