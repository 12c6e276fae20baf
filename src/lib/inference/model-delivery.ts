import { md5 } from 'hash-wasm';
import { AppError, isQuotaError } from '$lib/domain/core/app-error';
import { toBase64 } from '$lib/domain/core/encoding';
import type { ModelSpec } from './engine';
import {
	configUrl,
	planModelFiles,
	tensorCacheUrl,
	type ChatConfig,
	type ModelFile,
	type TacitManifest,
	type TensorCacheManifest
} from './model-files';

/**
 * Tacit's own model download: checks storage before fetching anything, reports bytes and time
 * left, resumes without fetching finished files again (and with HTTP Range inside a file),
 * verifies every file, and removes whatever fails, writing each file where WebLLM looks for it.
 */
export interface DeliveryProgress {
	label: string;
	fileIndex: number;
	fileCount: number;
	fileBytes: number;
	fileTotal: number | null;
	bytes: number;
	totalBytes: number;
	/** Seconds left at the rate of this run, or null until there is a rate to go by. */
	secondsLeft: number | null;
}

export interface DeliveryOptions {
	/** Approximate size from the catalog: checked against free storage before any request. */
	expectedBytes: number;
	signal?: AbortSignal;
	onProgress?: (progress: DeliveryProgress) => void;
}

/** Bytes of an interrupted file, kept so the next attempt asks only for the rest. */
const PARTIAL_CACHE = 'tacit/partial-downloads';

export async function deliverModel(spec: ModelSpec, options: DeliveryOptions): Promise<void> {
	await ensureRoomFor(options.expectedBytes);
	void navigator.storage?.persist?.().catch(() => false);

	const config = await fetchJson<ChatConfig>(configUrl(spec), options.signal);
	const tensors = await fetchJson<TensorCacheManifest>(tensorCacheUrl(spec), options.signal);
	const manifest = await fetchJson<TacitManifest>(new URL('tacit-manifest.json', `${spec.modelUrl}/`).href, options.signal).catch(
		(error: unknown) => (error instanceof AppError && error.code === 'inference/model-not-found' ? null : Promise.reject(error))
	);
	const files = planModelFiles(spec, config, tensors, manifest);
	const totalBytes = files.reduce((sum, f) => sum + (f.bytes ?? 0), 0);
	await ensureRoomFor(totalBytes - (await bytesAlreadyStored(files)));

	const started = performance.now();
	let fetchedThisRun = 0;
	let done = 0;
	for (const [index, file] of files.entries()) {
		const cache = await caches.open(file.cache);
		if (await cache.match(file.url)) {
			done += file.bytes ?? 0;
			continue;
		}
		const before = done;
		const report = (fileBytes: number, newBytes: number) => {
			const elapsed = (performance.now() - started) / 1000;
			const rate = elapsed >= 1 ? (fetchedThisRun + newBytes) / elapsed : 0;
			const bytes = before + fileBytes;
			options.onProgress?.({
				label: file.label,
				fileIndex: index,
				fileCount: files.length,
				fileBytes,
				fileTotal: file.bytes,
				bytes,
				totalBytes: Math.max(totalBytes, bytes),
				secondsLeft: rate > 0 ? Math.max(0, (totalBytes - bytes) / rate) : null
			});
		};
		fetchedThisRun += await downloadFile(file, cache, report, options.signal);
		done = before + (file.bytes ?? 0);
	}
	options.onProgress?.({
		label: 'Done',
		fileIndex: files.length,
		fileCount: files.length,
		fileBytes: 0,
		fileTotal: 0,
		bytes: totalBytes,
		totalBytes,
		secondsLeft: 0
	});
}

/**
 * Fetches one file, continuing from stored partial bytes with a Range request when the server
 * honours it, verifies it, and stores it. Returns how many bytes came over the network.
 */
async function downloadFile(
	file: ModelFile,
	cache: Cache,
	report: (fileBytes: number, newBytes: number) => void,
	signal?: AbortSignal
): Promise<number> {
	const partials = await caches.open(PARTIAL_CACHE);
	const partial = await partials.match(file.url);
	let chunks: Uint8Array[] = partial ? [new Uint8Array(await partial.arrayBuffer())] : [];
	let have = chunks[0]?.byteLength ?? 0;
	const response = await request(file.url, have > 0 ? { Range: `bytes=${have}-` } : {}, signal);
	if (have > 0 && response.status !== 206) {
		// The server ignored the Range header and sent the whole file: start over.
		chunks = [];
		have = 0;
	}
	let received = 0;
	try {
		const reader = response.body!.getReader();
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks.push(value);
			have += value.byteLength;
			received += value.byteLength;
			report(have, received);
		}
	} catch (cause) {
		// Keep what arrived so a retry (after a pause, a dropped connection or a reload) resumes.
		await partials.put(file.url, new Response(new Blob(chunks as BlobPart[]))).catch(() => undefined);
		throw signal?.aborted ? new AppError('inference/cancelled', {}, { cause }) : new AppError('inference/network', {}, { cause });
	}
	const body = new Blob(chunks as BlobPart[]);
	await partials.delete(file.url);
	await verify(file, body);
	try {
		const headers = { 'Content-Type': contentType(file.url), 'Content-Length': String(body.size) };
		await cache.put(file.url, new Response(body, { headers }));
	} catch (cause) {
		await cache.delete(file.url).catch(() => false);
		throw isQuotaError(cause) ? new AppError('inference/storage-insufficient', {}, { cause }) : cause;
	}
	return received;
}

/** A file of the wrong size or hash is never stored: the next attempt fetches it afresh. */
async function verify(file: ModelFile, body: Blob): Promise<void> {
	if (file.bytes !== null && body.size !== file.bytes) {
		throw new AppError('inference/integrity-mismatch', { reason: 'size', expected: file.bytes, actual: body.size });
	}
	if (!file.md5 && !file.sri) return;
	const bytes = new Uint8Array(await body.arrayBuffer());
	if (file.md5 && (await md5(bytes)) !== file.md5) {
		throw new AppError('inference/integrity-mismatch', { reason: 'md5' });
	}
	if (file.sri) {
		const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
		if (`sha256-${toBase64(digest)}` !== file.sri) throw new AppError('inference/integrity-mismatch', { reason: 'sri' });
	}
}

async function ensureRoomFor(bytes: number): Promise<void> {
	const estimate = await navigator.storage?.estimate?.();
	if (!estimate?.quota) return;
	const free = estimate.quota - (estimate.usage ?? 0);
	if (bytes > free) {
		throw new AppError('inference/storage-insufficient', { neededMB: Math.ceil(bytes / 1e6), freeMB: Math.floor(free / 1e6) });
	}
}

async function bytesAlreadyStored(files: ModelFile[]): Promise<number> {
	let stored = 0;
	for (const file of files) {
		if (file.bytes && (await (await caches.open(file.cache)).match(file.url))) stored += file.bytes;
	}
	return stored;
}

/** Removes every stored file of a model, finished or partial, to free space or start clean. */
export async function deleteModelFiles(spec: ModelSpec): Promise<void> {
	const base = new URL(configUrl(spec)).href.replace(/mlc-chat-config\.json$/, '');
	for (const name of ['webllm/model', 'webllm/config', PARTIAL_CACHE]) {
		const cache = await caches.open(name);
		for (const request of await cache.keys()) {
			if (request.url.startsWith(base)) await cache.delete(request);
		}
	}
	await (await caches.open('webllm/wasm')).delete(spec.modelLibUrl);
}

/** Bytes this model occupies in the caches (weights are most of it). */
export async function storedModelBytes(spec: ModelSpec): Promise<number> {
	const base = new URL(configUrl(spec)).href.replace(/mlc-chat-config\.json$/, '');
	const cache = await caches.open('webllm/model');
	let total = 0;
	for (const request of await cache.keys()) {
		if (!request.url.startsWith(base)) continue;
		const response = await cache.match(request);
		total += Number(response?.headers.get('Content-Length') ?? 0);
	}
	return total;
}

async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
	const response = await request(url, {}, signal);
	return (await response.json()) as T;
}

async function request(url: string, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> {
	let response: Response;
	try {
		response = await fetch(url, { headers, signal, cache: 'no-store' });
	} catch (cause) {
		if (signal?.aborted) throw new AppError('inference/cancelled', {}, { cause });
		throw new AppError('inference/network', {}, { cause });
	}
	if (response.status === 404) throw new AppError('inference/model-not-found', { status: 404 });
	if (!response.ok) throw new AppError('inference/network', { status: response.status });
	return response;
}

function contentType(url: string): string {
	if (url.endsWith('.json')) return 'application/json';
	if (url.endsWith('.wasm')) return 'application/wasm';
	return 'application/octet-stream';
}

/**
 * Whether every file of a model is stored, by the same rule WebLLM's `hasModelInCache` uses
 * (the weight index and every shard it lists), plus the settings and program files. Cheap:
 * it reads only the small index, so the settings page can list installed models.
 */
export async function isModelStored(spec: ModelSpec): Promise<boolean> {
	const [model, config, wasm] = await Promise.all(['webllm/model', 'webllm/config', 'webllm/wasm'].map((n) => caches.open(n)));
	if (!(await config!.match(configUrl(spec))) || !(await wasm!.match(spec.modelLibUrl))) return false;
	const index = await model!.match(tensorCacheUrl(spec));
	if (!index) return false;
	const tensors = (await index.json()) as TensorCacheManifest;
	const base = tensorCacheUrl(spec);
	for (const record of tensors.records) {
		if (!(await model!.match(new URL(record.dataPath, base).href))) return false;
	}
	return true;
}
