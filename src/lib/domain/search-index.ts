import MiniSearch from 'minisearch';

/**
 * In-memory search over client names and session content. Built after unlock from decrypted
 * records and dropped at lock: nothing searchable is ever written to disk.
 */
export interface SearchDocument {
	id: string;
	kind: 'client' | 'session';
	clientId: string;
	text: string;
}

export interface SearchHit {
	id: string;
	kind: 'client' | 'session';
	clientId: string;
	score: number;
}

export class SearchIndex {
	#index = new MiniSearch<SearchDocument>({
		fields: ['text'],
		storeFields: ['kind', 'clientId'],
		searchOptions: { prefix: true, fuzzy: 0.15, combineWith: 'AND' }
	});

	get size(): number {
		return this.#index.documentCount;
	}

	upsert(doc: SearchDocument): void {
		if (this.#index.has(doc.id)) this.#index.replace(doc);
		else this.#index.add(doc);
	}

	remove(id: string): void {
		if (this.#index.has(id)) this.#index.discard(id);
	}

	/** Adds documents a slice at a time, yielding between slices so the UI stays responsive. */
	async addAllAsync(docs: readonly SearchDocument[], onProgress?: (done: number) => void): Promise<void> {
		const slice = 500;
		for (let i = 0; i < docs.length; i += slice) {
			this.#index.addAll(docs.slice(i, i + slice));
			onProgress?.(Math.min(i + slice, docs.length));
			await new Promise((r) => setTimeout(r, 0));
		}
	}

	search(query: string, limit = 50): SearchHit[] {
		const q = query.trim();
		if (!q) return [];
		return this.#index
			.search(q)
			.slice(0, limit)
			.map((r) => ({ id: r.id as string, kind: r.kind as SearchHit['kind'], clientId: r.clientId as string, score: r.score }));
	}

	clear(): void {
		this.#index.removeAll();
	}
}
