import { AppError } from '$lib/domain/app-error';
import { appendAudit, type AuditAction } from './audit';
import type { RecordRow, RecordTable, VaultDatabase } from './database';
import { open, seal } from './envelope';
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
				const now = Date.now();
				const row: RecordRow = {
					id: record.id,
					...this.#indexed(record),
					version: (existing?.version ?? 0) + 1,
					createdAt: existing?.createdAt ?? now,
					updatedAt: now,
					env
				};
				await table.put(row as never);
				if (options.audit !== false || !existing) {
					const action: AuditAction = existing ? 'record.update' : 'record.create';
					await appendAudit(this.#db, this.#profileId, { action, recordKind: this.#kind, recordId: record.id });
				}
				return row;
			})
		);
	}

	async get(id: string): Promise<T> {
		const row = await this.#db[this.#table].get(id);
		if (!row) throw new AppError('record/not-found', { table: this.#table });
		return open<T>(this.#key, this.#table, id, row.env);
	}

	/** Every record, decrypted. One damaged record fails the whole read with its id: never a silent gap. */
	async all(): Promise<T[]> {
		const rows = await this.#db[this.#table].toArray();
		return Promise.all(rows.map((row) => open<T>(this.#key, this.#table, row.id, row.env)));
	}

	async where(index: string, value: string): Promise<T[]> {
		const rows = await this.#db[this.#table].where(index).equals(value).toArray();
		return Promise.all(rows.map((row) => open<T>(this.#key, this.#table, row.id, row.env)));
	}

	async delete(id: string): Promise<void> {
		const table = this.#db[this.#table];
		await writeOrExplain(() =>
			this.#db.transaction('rw', table, this.#db.audit, async () => {
				await table.delete(id);
				await appendAudit(this.#db, this.#profileId, { action: 'record.delete', recordKind: this.#kind, recordId: id });
			})
		);
	}
}
