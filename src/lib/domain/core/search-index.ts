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

	/**
	 * Adds documents in slices of about 12 ms of work, yielding to the event loop between
	 * slices so typing and clicks stay responsive while a large vault is indexed.
	 */
	async addAllAsync(
		docs: readonly SearchDocument[],
		options: { signal?: AbortSignal; onProgress?: (done: number) => void } = {}
	): Promise<void> {
		const budgetMs = 12;
		let i = 0;
		while (i < docs.length && !options.signal?.aborted) {
			const start = performance.now();
			while (i < docs.length && performance.now() - start < budgetMs) this.#index.add(docs[i++]!);
			options.onProgress?.(i);
			await yieldToEventLoop();
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

/** A macrotask boundary without setTimeout's nested-timer clamping. */
function yieldToEventLoop(): Promise<void> {
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}
