import { AppError } from '$lib/domain/app-error';
import { appendAudit, appendAuditMany, type AuditAction, type AuditEvent } from './audit';
import type { RecordRow, RecordTable, VaultDatabase } from './database';
import { open, seal, type Envelope } from './envelope';
import type { DataKey } from './keys';
import { writeOrExplain } from './storage';

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

	constructor(opts: {
		db: VaultDatabase;
		key: DataKey;
		table: RecordTable;
		kind: string;
		profileId: string;
		indexed?: (record: T) => Record<string, string>;
	}) {
		this.#db = opts.db;
		this.#key = opts.key;
		this.#table = opts.table;
		this.#kind = opts.kind;
		this.#profileId = opts.profileId;
		this.#indexed = opts.indexed ?? (() => ({}));
	}

	/**
	 * Encrypts, then writes the row and its audit entry in one transaction: either both are
	 * stored or neither is. `audit: false` skips the audit entry (autosave bursts).
	 */
	async put(record: T, options: { audit?: boolean } = {}): Promise<RecordRow> {
		const env = await seal(this.#key, this.#table, record.id, record);
		const table = this.#db[this.#table];
		return writeOrExplain(() =>
			this.#db.transaction('rw', table, this.#db.audit, async () => {
				const existing = await table.get(record.id);
				const row = this.#row(record, env, existing, Date.now());
				await table.put(row as never);
				if (options.audit !== false || !existing) {
					const action: AuditAction = existing ? 'record.update' : 'record.create';
					await appendAudit(this.#db, this.#profileId, { action, recordKind: this.#kind, recordId: record.id });
				}
				return row;
			})
		);
	}

	/**
	 * Saves many records in one transaction (imports, restores): all are stored with their
	 * audit entries, or none is. Encryption runs first, outside the transaction.
	 */
	async putMany(records: readonly T[]): Promise<void> {
		const sealed = await Promise.all(records.map((r) => seal(this.#key, this.#table, r.id, r)));
		const table = this.#db[this.#table];
		await writeOrExplain(() =>
			this.#db.transaction('rw', table, this.#db.audit, async () => {
				const existing = await table.bulkGet(records.map((r) => r.id));
				const now = Date.now();
				const events: AuditEvent[] = [];
				const rows = records.map((record, i): RecordRow => {
					const before = existing[i];
					events.push({
						action: before ? 'record.update' : 'record.create',
						recordKind: this.#kind,
						recordId: record.id
					});
					return this.#row(record, sealed[i]!, before, now);
				});
				await table.bulkPut(rows as never[]);
				await appendAuditMany(this.#db, this.#profileId, events, now);
			})
		);
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

	async get(id: string): Promise<T> {
		const row = await this.#db[this.#table].get(id);
		if (!row) throw new AppError('record/not-found', { table: this.#table });
		return open<T>(this.#key, this.#table, id, row.env);
	}

	/**
	 * Every record, decrypted. Rows are read a page at a time and each page is decrypted while
	 * the next is read. One damaged record fails the whole read with its id: never a silent gap.
	 */
	async all(): Promise<T[]> {
		const table = this.#db[this.#table];
		const pageSize = 1000;
		const pages: Promise<T[]>[] = [];
		let rows = await table.orderBy(':id').limit(pageSize).toArray();
		while (rows.length > 0) {
			pages.push(this.#openRows(rows));
			if (rows.length < pageSize) break;
			rows = await table.where(':id').above(rows[rows.length - 1]!.id).limit(pageSize).toArray();
		}
		return (await Promise.all(pages)).flat();
	}

	#openRows(rows: readonly RecordRow[]): Promise<T[]> {
		return Promise.all(rows.map((row) => open<T>(this.#key, this.#table, row.id, row.env)));
	}

	async where(index: string, value: string): Promise<T[]> {
		return this.#openRows(await this.#db[this.#table].where(index).equals(value).toArray());
	}

	async delete(id: string): Promise<void> {
		await this.deleteMany([id]);
	}

	/** Deletes records and writes one audit entry each, in one transaction. */
	async deleteMany(ids: readonly string[]): Promise<void> {
		const table = this.#db[this.#table];
		await writeOrExplain(() =>
			this.#db.transaction('rw', table, this.#db.audit, async () => {
				await table.bulkDelete([...ids]);
				const events = ids.map((id): AuditEvent => ({ action: 'record.delete', recordKind: this.#kind, recordId: id }));
				await appendAuditMany(this.#db, this.#profileId, events);
			})
		);
	}
}
