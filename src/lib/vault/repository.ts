import Dexie from 'dexie';
import { AppError, toAppError } from '$lib/domain/core/app-error';
import { appendAudit, auditStores, type AuditAction } from './audit';
import type { RecordRow, RecordTable, VaultDatabase } from './database';
import { open, seal, type Envelope } from './envelope';
import type { DataKey } from './keys';
import { writeOrExplain } from './storage';

const PUT_MANY_SLICE = 1000;

export interface WriteOptions {
	audit?: boolean;
	event?: { action: AuditAction; detail?: string };
}

/** Told of every stored record that fails its integrity check, wherever it was read. */
export type UnreadableListener = (failure: AppError) => void;

/** A read that returns what decrypts and names what does not. */
export interface ReadResult<T> {
	records: T[];
	failures: AppError[];
}

/** An encrypted, guarded write waiting for its transaction. */
export interface PreparedWrite {
	table: RecordTable;
	apply: () => Promise<RecordRow>;
}

/**
 * An encrypted table of records. Only `id`, the foreign keys named by `indexed`, version and
 * timestamps are in the clear; the record itself is sealed with the data key and bound to
 * this table and id.
 */
export class EncryptedRepository<T extends { id: string }> {
	readonly #db: VaultDatabase;
	readonly #key: DataKey;
	readonly #table: RecordTable;
	readonly #kind: string;
	readonly #profileId: string;
	readonly #indexed: (record: T) => Record<string, string>;
	readonly #guard: ((before: T | null, after: T) => void) | null;
	readonly #onUnreadable: UnreadableListener;

	constructor(opts: {
		db: VaultDatabase;
		key: DataKey;
		table: RecordTable;
		kind: string;
		profileId: string;
		indexed?: (record: T) => Record<string, string>;
		/** Checked against the stored record before every write; throws to refuse the write. */
		guard?: (before: T | null, after: T) => void;
		/** Hears of each record that fails to decrypt, so the screen can name it whoever read it. */
		onUnreadable?: UnreadableListener;
	}) {
		this.#db = opts.db;
		this.#key = opts.key;
		this.#table = opts.table;
		this.#kind = opts.kind;
		this.#profileId = opts.profileId;
		this.#indexed = opts.indexed ?? (() => ({}));
		this.#guard = opts.guard ?? null;
		this.#onUnreadable = opts.onUnreadable ?? (() => undefined);
	}

	/**
	 * Encrypts, then writes the row and its audit entry in one transaction: either both are
	 * stored or neither is. `audit: false` skips the audit entry (autosave bursts); `event`
	 * records a specific action instead (signing, with the content hash).
	 */
	async put(record: T, options: WriteOptions = {}): Promise<RecordRow> {
		const write = await this.prepare(record, options);
		return writeOrExplain(() => this.#db.transaction('rw', [this.#db[this.#table], ...auditStores(this.#db)], write.apply));
	}

	/**
	 * The guard and the encryption of a write, done up front: `apply` then only touches
	 * IndexedDB, so several prepared writes can share one transaction (UnlockedVault.putTogether).
	 */
	async prepare(record: T, options: WriteOptions = {}): Promise<PreparedWrite> {
		this.#guard?.(await this.#find(record.id), record);
		const env = await seal(this.#key, this.#table, record.id, record);
		const table = this.#db[this.#table];
		const apply = async () => {
			const existing = await table.get(record.id);
			const row = this.#row(record, env, existing, Date.now());
			await table.put(row as never);
			if (options.event) {
				await appendAudit(this.#db, this.#profileId, { ...options.event, recordKind: this.#kind, recordId: record.id });
			} else if (options.audit !== false || !existing) {
				const action: AuditAction = existing ? 'record.update' : 'record.create';
				await appendAudit(this.#db, this.#profileId, { action, recordKind: this.#kind, recordId: record.id });
			}
			return row;
		};
		return { table: this.#table, apply };
	}

	/**
	 * Saves many records in one transaction (imports, restores): all are stored, with one audit
	 * entry per kind of change naming every record, or nothing is. Encryption runs first,
	 * outside the transaction.
	 */
	async putMany(records: readonly T[]): Promise<void> {
		if (records.length === 0) return;
		if (this.#guard) for (const record of records) this.#guard(await this.#find(record.id), record);
		const table = this.#db[this.#table];
		const ids = records.map((r) => r.id);
		// Encryption of slice k+1 overlaps IndexedDB writing slice k.
		const slices: (readonly T[])[] = [];
		for (let i = 0; i < records.length; i += PUT_MANY_SLICE) slices.push(records.slice(i, i + PUT_MANY_SLICE));
		const sealing = slices.map((slice) => Promise.all(slice.map((r) => seal(this.#key, this.#table, r.id, r))));
		await writeOrExplain(() =>
			this.#db.transaction('rw', [table, ...auditStores(this.#db)], async () => {
				// Keys first: fetching whole rows for ids that do not exist yet costs far more.
				const present = new Set(await table.where(':id').anyOf(ids).primaryKeys());
				const existing = new Map((await table.bulkGet([...present])).map((row) => [row!.id, row!]));
				const now = Date.now();
				const writes: Promise<unknown>[] = [];
				for (const [k, slice] of slices.entries()) {
					// waitFor keeps the transaction open while the browser encrypts outside IndexedDB.
					const sealed = await Dexie.waitFor(sealing[k]!);
					const rows = slice.map((record, i) => this.#row(record, sealed[i]!, existing.get(record.id), now));
					writes.push(table.bulkPut(rows as never[]));
				}
				await Promise.all(writes);
				const created = ids.filter((id) => !present.has(id));
				const updated = ids.filter((id) => present.has(id));
				if (created.length) await this.#auditBatch('record.create', created);
				if (updated.length) await this.#auditBatch('record.update', updated);
			})
		);
	}

	#auditBatch(action: AuditAction, ids: string[]) {
		const event = ids.length === 1 ? { recordId: ids[0] } : { recordIds: ids };
		return appendAudit(this.#db, this.#profileId, { action, recordKind: this.#kind, ...event });
	}

	#row(record: T, env: Envelope, existing: RecordRow | undefined, now: number): RecordRow {
		return {
			id: record.id,
			...this.#indexed(record),
			version: (existing?.version ?? 0) + 1,
			createdAt: existing?.createdAt ?? now,
			updatedAt: now,
			env
		};
	}

	async #find(id: string): Promise<T | null> {
		const row = await this.#db[this.#table].get(id);
		return row ? this.#open(row) : null;
	}

	/** Decrypts one row; a failure is reported to the listener (the screen names it) and thrown. */
	#open(row: RecordRow): Promise<T> {
		// A rejection handler, not an async wrapper: reading 10,000 rows should cost no extra step each.
		return open<T>(this.#key, this.#table, row.id, row.env).catch((error: unknown) => {
			const failure = toAppError(error);
			this.#onUnreadable(failure);
			throw failure;
		});
	}

	async get(id: string): Promise<T> {
		const row = await this.#db[this.#table].get(id);
		if (!row) throw new AppError('record/not-found', { table: this.#table });
		return this.#open(row);
	}

	/** Every record, decrypted. One damaged record fails the whole read with its id: never a silent gap. */
	async all(): Promise<T[]> {
		return this.#openRows(await this.#db[this.#table].toArray());
	}

	/**
	 * Every record that decrypts, plus an error (with table and id) for each one that does not,
	 * so one damaged record is reported on screen without locking the clinician out of the rest.
	 */
	async readAll(): Promise<ReadResult<T>> {
		return this.#settle(await this.#db[this.#table].toArray());
	}

	/** `where`, keeping what decrypts and naming what does not (a caller that must not act on a gap checks `failures`). */
	async readWhere(index: string, value: string): Promise<ReadResult<T>> {
		return this.#settle(await this.#db[this.#table].where(index).equals(value).toArray());
	}

	async #settle(rows: readonly RecordRow[]): Promise<ReadResult<T>> {
		const settled = await Promise.allSettled(rows.map((row) => this.#open(row)));
		const records: T[] = [];
		const failures: AppError[] = [];
		for (const result of settled) {
			if (result.status === 'fulfilled') records.push(result.value);
			else failures.push(toAppError(result.reason));
		}
		return { records, failures };
	}

	#openRows(rows: readonly RecordRow[]): Promise<T[]> {
		return Promise.all(rows.map((row) => this.#open(row)));
	}

	/** The records for one index value, decrypted; one damaged record fails the read, with its id. */
	async where(index: string, value: string): Promise<T[]> {
		return this.#openRows(await this.#db[this.#table].where(index).equals(value).toArray());
	}

	async delete(id: string): Promise<void> {
		await this.deleteMany([id]);
	}

	/** Deletes records and writes one audit entry naming them, in one transaction. */
	async deleteMany(ids: readonly string[]): Promise<void> {
		if (ids.length === 0) return;
		const table = this.#db[this.#table];
		await writeOrExplain(() =>
			this.#db.transaction('rw', [table, ...auditStores(this.#db)], async () => {
				await table.bulkDelete([...ids]);
				await this.#auditBatch('record.delete', [...ids]);
			})
		);
	}
}
