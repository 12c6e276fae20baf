// The mirror itself: mirrorModel fetches every file of one model (shards through a small
// parallel pool) and writes `<model_id>/tacit-manifest.json`.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FailuresError, FatalError, FileError, NotFoundError } from './errors.mjs';
import { ensureFile, jsonCheck, wasmCheck, writeAtomic } from './files.mjs';
import { parseChatConfig, parseTensorCache, tokenizerFile } from './parse.mjs';
import { formatBytes, Progress } from './progress.mjs';
import { isSafeRelative, MANIFEST_NAME, sourceUrls } from './urls.mjs';

/** @typedef {import('./catalog.mjs').CatalogRecord} CatalogRecord */
/** @typedef {import('./progress.mjs').Writer} Writer */
/** @typedef {import('./files.mjs').FileHash} FileHash */
/** @typedef {import('./files.mjs').FileJob} FileJob */
/** @typedef {import('./files.mjs').Context} Context */

/**
 * @typedef {object} ManifestFile
 * @property {string} path Relative to `<model_id>/resolve/main/` (the name WebLLM requests); the library is `libs/<file>.wasm`.
 * @property {number} bytes
 * @property {string} sri `sha256-<base64>`
 */

/**
 * @typedef {object} TacitManifest
 * @property {string} modelId
 * @property {string} fetchedAt
 * @property {ManifestFile[]} files
 * @property {number} totalBytes
 */

/**
 * @typedef {object} MirrorOptions
 * @property {string} out
 * @property {string} [hub]
 * @property {string} [libBase]
 * @property {boolean} [force]
 * @property {number} [jobs]
 * @property {Writer} [stderr]
 * @property {number} [retries]
 * @property {number} [retryDelayMs]
 * @property {number} [idleTimeoutMs]
 */

/**
 * Runs `worker` over `items`, `jobs` at a time; a fatal error stops new work and is rethrown.
 * @template T
 * @param {readonly T[]} items
 * @param {number} jobs
 * @param {(item: T) => Promise<void>} worker
 */
async function runPool(items, jobs, worker) {
	let next = 0;
	/** @type {{ error: unknown } | null} */
	let fatal = null;
	const lane = async () => {
		while (fatal === null && next < items.length) {
			const item = /** @type {T} */ (items[next++]);
			try {
				await worker(item);
			} catch (error) {
				fatal ??= { error };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, lane));
	if (fatal !== null) throw (/** @type {{ error: unknown }} */ (fatal)).error;
}

/**
 * Downloads and verifies every file of `record` into the practice layout under `options.out`
 * and writes `<model_id>/tacit-manifest.json`.
 * @param {CatalogRecord} record
 * @param {MirrorOptions} options
 * @returns {Promise<TacitManifest>}
 */
export async function mirrorModel(record, options) {
	const stderr = options.stderr ?? process.stderr;
	const progress = new Progress(stderr);
	/** @type {Context} */
	const ctx = {
		force: options.force ?? false,
		progress,
		retries: options.retries ?? 4,
		retryDelayMs: options.retryDelayMs ?? 1000,
		idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
		stats: { downloaded: 0, present: 0, fetchedBytes: 0 }
	};
	if (!isSafeRelative(record.model_id) || record.model_id.includes('/')) throw new FatalError(`"${record.model_id}" cannot be used as a folder name.`);
	const { modelBase, libUrl, libFile } = sourceUrls(record, { hub: options.hub, libBase: options.libBase });
	const out = resolve(options.out);
	const modelRoot = join(out, record.model_id);
	const modelDir = join(modelRoot, 'resolve', 'main');
	stderr.write(`Mirroring ${record.model_id}\n  from ${modelBase}\n   and ${libUrl}\n  into ${modelRoot}\n`);

	/** @type {Map<string, FileHash>} */
	const done = new Map();
	/** @type {string[]} */
	const failures = [];
	/** @param {string} name @param {Partial<FileJob>} [extra] @returns {FileJob} */
	const modelJob = (name, extra = {}) => ({ url: new URL(name, modelBase).href, dest: join(modelDir, ...name.split('/')), label: name, ...extra });
	/** @param {FileJob} job */
	const fetchOne = async (job) => {
		done.set(job.label, await ensureFile(job, ctx));
	};
	/** @param {FileJob} job */
	const fetchOrNote = async (job) => {
		try {
			await fetchOne(job);
		} catch (error) {
			if (!(error instanceof FileError)) throw error;
			failures.push(error.message);
		}
	};

	try {
		// The config and weight index are needed to know the rest, so their failure ends the run.
		await fetchOne(modelJob('mlc-chat-config.json', { validate: jsonCheck('mlc-chat-config.json', parseChatConfig) }));
		const config = parseChatConfig(await readFile(join(modelDir, 'mlc-chat-config.json'), 'utf8'));

		if (record.model_manifest !== undefined) {
			// Package-manifest models (WebLLM reads it before the config).
			if (!isSafeRelative(record.model_manifest)) throw new FatalError(`The catalog's model_manifest for ${record.model_id} is not a plain file name.`);
			await fetchOne(modelJob(record.model_manifest, { validate: jsonCheck(record.model_manifest, JSON.parse) }));
		}

		const cacheJob = modelJob('tensor-cache.json', { validate: jsonCheck('tensor-cache.json', parseTensorCache) });
		try {
			await fetchOne(cacheJob);
		} catch (error) {
			if (!(error instanceof NotFoundError)) throw error;
			// Older MLC builds name the same format ndarray-cache.json; WebLLM 0.2.86 asks for tensor-cache.json.
			progress.line('  tensor-cache.json is not on the hub; using ndarray-cache.json (same format) saved as tensor-cache.json');
			await fetchOne({ ...cacheJob, url: new URL('ndarray-cache.json', modelBase).href });
		}
		const cache = parseTensorCache(await readFile(cacheJob.dest, 'utf8'));
		for (const shard of cache.records) progress.expect(shard.dataPath, shard.nbytes);

		const tokenizer = tokenizerFile(config);
		await fetchOrNote(modelJob(tokenizer, tokenizer.endsWith('.json') ? { validate: jsonCheck(tokenizer, JSON.parse) } : {}));

		const libLabel = `libs/${libFile}`;
		await fetchOrNote({ url: libUrl, dest: join(out, 'libs', libFile), label: libLabel, validate: wasmCheck });

		await runPool(cache.records, options.jobs ?? 3, (shard) =>
			fetchOrNote(modelJob(shard.dataPath, { bytes: shard.nbytes, ...(shard.md5sum ? { md5: shard.md5sum } : {}) }))
		);

		if (failures.length > 0) throw new FailuresError(failures);

		const order = ['mlc-chat-config.json', ...(record.model_manifest ? [record.model_manifest] : []), 'tensor-cache.json', tokenizer, ...cache.records.map((r) => r.dataPath), libLabel];
		/** @type {ManifestFile[]} */
		const files = order.map((path) => {
			const hash = /** @type {FileHash} */ (done.get(path));
			return { path, bytes: hash.bytes, sri: hash.sri };
		});
		/** @type {TacitManifest} */
		const manifest = {
			modelId: record.model_id,
			fetchedAt: new Date().toISOString(),
			files,
			totalBytes: files.reduce((sum, f) => sum + f.bytes, 0)
		};
		await writeAtomic(join(modelRoot, MANIFEST_NAME), `${JSON.stringify(manifest, null, '\t')}\n`);
		const { downloaded, present, fetchedBytes } = ctx.stats;
		progress.line(
			`Done: ${files.length} files, ${formatBytes(manifest.totalBytes)} in ${modelRoot} (${downloaded} fetched, ${formatBytes(fetchedBytes)} over the network; ${present} already present).`
		);
		return manifest;
	} finally {
		progress.clear();
	}
}
