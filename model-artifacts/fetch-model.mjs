#!/usr/bin/env node
/**
 * `npm run model:fetch -- <model_id> [--out <dir>] [--force]`
 *
 * Mirrors one WebLLM catalog model from its public sources (the Hugging Face repo and WebLLM's
 * model-library repo) into the practice layout that `npm start` serves at /model-artifacts/:
 *
 *   <out>/<model_id>/resolve/main/mlc-chat-config.json, tensor-cache.json, tokenizer, shards
 *   <out>/libs/<library>.wasm
 *   <out>/<model_id>/tacit-manifest.json   sizes and SHA-256 SRI of every file
 *
 * Run it on a machine with internet, then copy the folder to the practice server. Every file is
 * written to `<name>.part` and renamed only once complete and verified, so a crash never leaves
 * a truncated file under its final name; the next run resumes the `.part` with an HTTP Range
 * request. Only Node built-ins are used (plus WebLLM's own catalog for the model list).
 *
 * Exit codes: 0 ok, 1 failure, 2 usage.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Where WebLLM itself gets weights; `--hub` or HF_ENDPOINT point elsewhere (a mirror, a test server). */
export const DEFAULT_HUB = 'https://huggingface.co';
export const MANIFEST_NAME = 'tacit-manifest.json';

const HERE = dirname(fileURLToPath(import.meta.url));

export const USAGE = `Usage: npm run model:fetch -- <model_id> [--out <dir>] [--force]

Mirrors a WebLLM catalog model into the practice layout:
  <out>/<model_id>/resolve/main/...     config, weight index, tokenizer, weight shards
  <out>/libs/<library>.wasm             model library
  <out>/<model_id>/${MANIFEST_NAME}  sizes and SHA-256 SRI of every file

Options:
  --out <dir>         where to write (default: the model-artifacts folder)
  --force             download every file again
  --list              print every model id in the catalog
  --hub <url>         weights host (default ${DEFAULT_HUB}, or $HF_ENDPOINT)
  --lib-base <url>    folder of model libraries (default: WebLLM's own, from its model_lib URL)
  --jobs <n>          shards downloaded in parallel (default 3)
  -h, --help          show this help

Exit codes: 0 ok, 1 failure, 2 usage.
`;

/**
 * The fields of a WebLLM `ModelRecord` this script reads.
 * @typedef {object} CatalogRecord
 * @property {string} model_id
 * @property {string} model
 * @property {string} model_lib
 * @property {string} [model_manifest]
 */

/** @typedef {{ write(text: string): unknown, isTTY?: boolean, columns?: number }} Writer */

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

/** @typedef {{ tokenizer_files?: string[] }} ChatConfig */
/** @typedef {{ dataPath: string, nbytes: number, md5sum?: string }} ShardRecord */
/** @typedef {{ records: ShardRecord[] }} TensorCache */
/** @typedef {{ bytes: number, md5: string, sri: string }} FileHash */

/**
 * @typedef {object} FileJob
 * @property {string} url
 * @property {string} dest Absolute final path.
 * @property {string} label Path as the manifest and messages name it.
 * @property {number} [bytes] Expected size, when the tensor cache gives one.
 * @property {string} [md5] Expected MD5 (hex), when the tensor cache gives one.
 * @property {(path: string) => Promise<string | undefined>} [validate] Returns a problem, if any.
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
 * @typedef {object} Context
 * @property {boolean} force
 * @property {Progress} progress
 * @property {number} retries
 * @property {number} retryDelayMs
 * @property {number} idleTimeoutMs
 * @property {{ downloaded: number, present: number, fetchedBytes: number }} stats
 */

// ---------------------------------------------------------------------------------------------
// Errors: each kind maps to one exit code and one plain message, never a stack trace.

export class UsageError extends Error {}

/** Stops the whole run (offline, TLS, unusable config). */
export class FatalError extends Error {}

/** One file failed; the others still run and the failures are listed at the end. */
export class FileError extends Error {}

export class NotFoundError extends FileError {}

export class OfflineError extends FatalError {
	/** @param {string} host */
	constructor(host) {
		super(offlineSentence(host));
		this.host = host;
	}
}

export class FailuresError extends Error {
	/** @param {string[]} failures */
	constructor(failures) {
		super(`${failures.length} file(s) failed`);
		this.failures = failures;
	}
}

/** @param {string} host */
export function offlineSentence(host) {
	return `Cannot reach ${host}: this machine is offline or the host is blocked. Nothing was changed; files already downloaded are kept.`;
}

// Connect-phase failures: retrying will not help, say "offline" at once.
const OFFLINE_CODES = new Set([
	'ENOTFOUND',
	'ECONNREFUSED',
	'EAI_AGAIN',
	'EAI_FAIL',
	'ETIMEDOUT',
	'ENETUNREACH',
	'ENETDOWN',
	'EHOSTUNREACH',
	'EHOSTDOWN',
	'UND_ERR_CONNECT_TIMEOUT'
]);

/**
 * Error codes along an error's cause chain (fetch wraps the socket error in `cause`, and
 * happy-eyeballs connects wrap several in an AggregateError).
 * @param {unknown} error
 * @returns {string[]}
 */
export function errorCodes(error) {
	/** @type {string[]} */
	const codes = [];
	/** @type {unknown[]} */
	const queue = [error];
	for (let i = 0; i < 12 && queue.length > 0; i++) {
		const e = /** @type {{ code?: unknown, cause?: unknown, errors?: unknown }} */ (queue.shift());
		if (!e || typeof e !== 'object') continue;
		if (typeof e.code === 'string') codes.push(e.code);
		if (Array.isArray(e.errors)) queue.push(...e.errors);
		if (e.cause !== undefined) queue.push(e.cause);
	}
	return codes;
}

/**
 * 'offline' for connect failures, 'tls' for certificate problems (a proxy rewriting HTTPS is
 * not "offline"), 'dropped' for everything else, which is worth a retry.
 * @param {unknown} error
 * @returns {'offline' | 'tls' | 'dropped'}
 */
export function classifyNetworkError(error) {
	const codes = errorCodes(error);
	if (codes.some((c) => OFFLINE_CODES.has(c))) return 'offline';
	if (codes.some((c) => /^(CERT_|ERR_TLS|ERR_SSL|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(c))) return 'tls';
	return 'dropped';
}

/** @param {unknown} error */
const messageOf = (error) => (error instanceof Error ? error.message : String(error));

/** @param {string} url */
const hostOf = (url) => new URL(url).host;

// ---------------------------------------------------------------------------------------------
// Pure helpers.

/**
 * WebLLM's rule (cleanModelUrl): the model URL gains `resolve/main/` unless it names a revision.
 * @param {string} url
 */
export function resolvedModelUrl(url) {
	let u = url.endsWith('/') ? url : `${url}/`;
	if (!/.+\/resolve\/.+\//.test(u)) u += 'resolve/main/';
	return new URL(u).href;
}

/** @param {string} url */
const trimSlash = (url) => url.replace(/\/+$/, '');

/**
 * Where each public file comes from. `hub` replaces the host of the record's model URL (keeping
 * `<owner>/<repo>`); `libBase` replaces the folder of its model_lib URL.
 * @param {CatalogRecord} record
 * @param {{ hub?: string, libBase?: string }} [overrides]
 */
export function sourceUrls(record, overrides = {}) {
	const model = new URL(record.model);
	const modelUrl = overrides.hub ? `${trimSlash(overrides.hub)}${model.pathname}` : record.model;
	const libUrl = new URL(record.model_lib);
	const libFile = decodeURIComponent(libUrl.pathname.split('/').pop() ?? '');
	if (!libFile.endsWith('.wasm') || !isSafeRelative(libFile)) {
		throw new FatalError(`The catalog's model_lib for ${record.model_id} does not name a .wasm file: ${record.model_lib}`);
	}
	return {
		modelBase: resolvedModelUrl(modelUrl),
		libUrl: overrides.libBase ? `${trimSlash(overrides.libBase)}/${encodeURIComponent(libFile)}` : record.model_lib,
		libFile
	};
}

/**
 * File names come from downloaded JSON: refuse anything that could escape the model folder.
 * @param {string} name
 */
export function isSafeRelative(name) {
	if (typeof name !== 'string' || name.length === 0 || name.includes('\\') || name.startsWith('/')) return false;
	return name.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !part.includes(':'));
}

/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * @param {string} text
 * @returns {ChatConfig}
 */
export function parseChatConfig(text) {
	const value = JSON.parse(text);
	if (!isObject(value)) throw new Error('expected a JSON object');
	const files = value.tokenizer_files;
	if (files !== undefined && !(Array.isArray(files) && files.every((f) => typeof f === 'string'))) {
		throw new Error('tokenizer_files must be a list of file names');
	}
	return /** @type {ChatConfig} */ (value);
}

/**
 * MLC's tensor cache (TVM `dump_tensor_cache`): `records[]` are shards, each with `dataPath`,
 * `nbytes` (the shard's size) and `md5sum` (hex MD5 of the shard).
 * @param {string} text
 * @returns {TensorCache}
 */
export function parseTensorCache(text) {
	const value = JSON.parse(text);
	if (!isObject(value) || !Array.isArray(value.records)) throw new Error('expected an object with a records list');
	/** @type {ShardRecord[]} */
	const records = value.records.map((/** @type {unknown} */ r, /** @type {number} */ i) => {
		if (!isObject(r)) throw new Error(`records[${i}] is not an object`);
		const { dataPath, nbytes, md5sum } = r;
		if (typeof dataPath !== 'string' || !isSafeRelative(dataPath)) throw new Error(`records[${i}].dataPath is not a plain file name`);
		if (typeof nbytes !== 'number' || !Number.isSafeInteger(nbytes) || nbytes < 0) throw new Error(`records[${i}].nbytes is not a size`);
		if (md5sum !== undefined && (typeof md5sum !== 'string' || !/^[0-9a-f]{32}$/i.test(md5sum))) {
			throw new Error(`records[${i}].md5sum is not an MD5 hex digest`);
		}
		return { dataPath, nbytes, ...(md5sum ? { md5sum: md5sum.toLowerCase() } : {}) };
	});
	return { records };
}

/**
 * The tokenizer file WebLLM 0.2.86 reads (asyncLoadTokenizer): tokenizer.json when the config
 * lists it, else tokenizer.model. Other listed files (tokenizer_config.json, vocab.json, ...)
 * are never requested, so they are not mirrored.
 * @param {ChatConfig} config
 */
export function tokenizerFile(config) {
	const files = config.tokenizer_files ?? ['tokenizer.json'];
	if (files.includes('tokenizer.json')) return 'tokenizer.json';
	if (files.includes('tokenizer.model')) return 'tokenizer.model';
	throw new FatalError(
		`mlc-chat-config.json lists neither tokenizer.json nor tokenizer.model (tokenizer_files: ${JSON.stringify(files)}), so WebLLM cannot load this model.`
	);
}

/**
 * @param {string} a
 * @param {string} b
 */
function editDistance(a, b) {
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
		}
		prev = row;
	}
	return prev[b.length] ?? 0;
}

/**
 * Catalog ids that contain every word of `query`, or are a few edits away from it.
 * @param {string} query
 * @param {readonly string[]} ids
 * @param {number} [limit]
 */
export function closeMatches(query, ids, limit = 5) {
	const q = query.toLowerCase();
	const words = q.split(/[^a-z0-9.]+/).filter((w) => w.length > 0);
	const maxDistance = Math.max(3, Math.floor(q.length / 4));
	return ids
		.map((id) => {
			const lower = id.toLowerCase();
			const contains = words.length > 0 && words.every((w) => lower.includes(w));
			return { id, score: contains ? 0 : editDistance(q, lower) };
		})
		.filter((m) => m.score <= maxDistance)
		.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id))
		.slice(0, limit)
		.map((m) => m.id);
}

/** @param {number} n */
export function formatBytes(n) {
	if (n < 1e3) return `${n} B`;
	if (n < 1e6) return `${(n / 1e3).toFixed(1)} kB`;
	if (n < 1e9) return `${(n / 1e6).toFixed(1)} MB`;
	return `${(n / 1e9).toFixed(2)} GB`;
}

/** @param {number} done @param {number} total */
const percent = (done, total) => (total > 0 ? `${Math.min(100, Math.floor((done / total) * 100))}%` : '?%');

/**
 * @typedef {object} ParsedArgs
 * @property {string | undefined} modelId
 * @property {string | undefined} out
 * @property {boolean} force
 * @property {boolean} list
 * @property {boolean} help
 * @property {string | undefined} hub
 * @property {string | undefined} libBase
 * @property {number} jobs
 */

/**
 * @param {readonly string[]} argv
 * @returns {ParsedArgs}
 */
export function parseArgs(argv) {
	/** @type {ParsedArgs} */
	const args = { modelId: undefined, out: undefined, force: false, list: false, help: false, hub: undefined, libBase: undefined, jobs: 3 };
	for (let i = 0; i < argv.length; i++) {
		const arg = /** @type {string} */ (argv[i]);
		const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
		const value = () => {
			const v = inline ?? argv[++i];
			if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value.`);
			return v;
		};
		switch (flag) {
			case '--out':
				args.out = value();
				break;
			case '--hub':
				args.hub = checkUrl(flag, value());
				break;
			case '--lib-base':
				args.libBase = checkUrl(flag, value());
				break;
			case '--jobs': {
				const n = Number(value());
				if (!Number.isInteger(n) || n < 1 || n > 16) throw new UsageError('--jobs must be a whole number from 1 to 16.');
				args.jobs = n;
				break;
			}
			case '--force':
				args.force = true;
				break;
			case '--list':
				args.list = true;
				break;
			case '-h':
			case '--help':
				args.help = true;
				break;
			default:
				if (flag.startsWith('-')) throw new UsageError(`Unknown option ${flag}.`);
				if (args.modelId !== undefined) throw new UsageError(`Expected one model id, got "${args.modelId}" and "${arg}".`);
				args.modelId = arg;
		}
	}
	return args;
}

/** @param {string} flag @param {string} value */
function checkUrl(flag, value) {
	try {
		const url = new URL(value);
		if (url.protocol === 'http:' || url.protocol === 'https:') return value;
	} catch {
		// fall through to the usage error
	}
	throw new UsageError(`${flag} must be an http(s) URL, got "${value}".`);
}

// ---------------------------------------------------------------------------------------------
// Progress on stderr: one status line, redrawn at most every `intervalMs` (in place on a
// terminal, as new lines in a log), plus a line per finished file.

export class Progress {
	/**
	 * @param {Writer} out
	 * @param {{ intervalMs?: number }} [options]
	 */
	constructor(out, options = {}) {
		this.out = out;
		this.tty = out.isTTY === true;
		this.intervalMs = options.intervalMs ?? (this.tty ? 250 : 5000);
		/** @type {Map<string, { done: number, total: number | null, active: boolean, verb: string }>} */
		this.files = new Map();
		this.lastDraw = Date.now();
		this.statusShown = false;
	}

	/** @param {string} label */
	entry(label) {
		let e = this.files.get(label);
		if (!e) {
			e = { done: 0, total: null, active: false, verb: '' };
			this.files.set(label, e);
		}
		return e;
	}

	/** @param {string} label @param {number | null} total */
	expect(label, total) {
		this.entry(label).total = total;
	}

	/** @param {string} label @param {number} done @param {string} [verb] */
	update(label, done, verb = '') {
		const e = this.entry(label);
		e.done = done;
		e.active = true;
		e.verb = verb;
		const now = Date.now();
		if (now - this.lastDraw >= this.intervalMs) {
			this.lastDraw = now;
			this.draw();
		}
	}

	/** @param {string} label @param {number} bytes @param {string} note */
	finish(label, bytes, note) {
		const e = this.entry(label);
		e.done = bytes;
		e.total = bytes;
		e.active = false;
		if (note) this.line(`  ${note} ${label} (${formatBytes(bytes)})`);
	}

	totals() {
		let done = 0;
		let total = 0;
		for (const e of this.files.values()) {
			done += e.done;
			total += e.total ?? e.done;
		}
		return { done, total };
	}

	draw() {
		const active = [...this.files.entries()].filter(([, e]) => e.active);
		const parts = active.map(([label, e]) =>
			e.total ? `${e.verb}${label} ${formatBytes(e.done)}/${formatBytes(e.total)} (${percent(e.done, e.total)})` : `${e.verb}${label} ${formatBytes(e.done)}`
		);
		const { done, total } = this.totals();
		const text = `  ${parts.join(', ')}${parts.length ? ' | ' : ''}overall ${formatBytes(done)} of ${formatBytes(total)} (${percent(done, total)})`;
		if (this.tty) {
			// One terminal row, or the redraw would leave a trail of wrapped lines.
			const width = (this.out.columns ?? 120) - 1;
			this.out.write(`\r\x1b[K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`);
			this.statusShown = true;
		} else {
			this.out.write(`${text}\n`);
		}
	}

	/** @param {string} text */
	line(text) {
		this.clear();
		this.out.write(`${text}\n`);
	}

	clear() {
		if (this.statusShown) this.out.write('\r\x1b[K');
		this.statusShown = false;
	}
}

// ---------------------------------------------------------------------------------------------
// File IO.

/**
 * Size and hashes in one pass: MD5 to compare with the tensor cache, SHA-256 for the SRI.
 * @param {string} path
 * @param {(bytes: number) => void} [onBytes] Progress, since re-checking gigabytes takes a while.
 * @returns {Promise<FileHash>}
 */
export async function hashFile(path, onBytes) {
	const md5 = createHash('md5');
	const sha = createHash('sha256');
	let bytes = 0;
	for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
		md5.update(chunk);
		sha.update(chunk);
		bytes += chunk.length;
		onBytes?.(bytes);
	}
	return { bytes, md5: md5.digest('hex'), sri: `sha256-${sha.digest('base64')}` };
}

/** @param {string} path */
async function sizeOf(path) {
	try {
		return (await stat(path)).size;
	} catch {
		return -1;
	}
}

/**
 * @param {FileJob} job
 * @param {FileHash} hash
 */
function problemWith(job, hash) {
	if (job.bytes !== undefined && hash.bytes !== job.bytes) {
		return `is ${hash.bytes} bytes but tensor-cache.json lists ${job.bytes}`;
	}
	if (job.md5 && hash.md5 !== job.md5) return `has MD5 ${hash.md5} but tensor-cache.json lists ${job.md5}`;
	return undefined;
}

/**
 * Makes `job.dest` a complete, verified copy, downloading only what is missing.
 * @param {FileJob} job
 * @param {Context} ctx
 * @returns {Promise<FileHash>}
 */
export async function ensureFile(job, ctx) {
	const part = `${job.dest}.part`;
	if (ctx.force) {
		await rm(job.dest, { force: true });
		await rm(part, { force: true });
	}
	const existing = await sizeOf(job.dest);
	if (existing >= 0) {
		// Present from an earlier run: re-check it (size, MD5) rather than trust it blindly.
		ctx.progress.expect(job.label, existing);
		const hash = await hashFile(job.dest, (n) => ctx.progress.update(job.label, n, 'checking '));
		const problem = problemWith(job, hash) ?? (await job.validate?.(job.dest));
		if (!problem) {
			await rm(part, { force: true });
			ctx.progress.finish(job.label, hash.bytes, '');
			ctx.stats.present++;
			return hash;
		}
		ctx.progress.line(`  ${job.label} on disk ${problem}; fetching it again`);
		await rm(job.dest, { force: true });
	}
	if (job.bytes === undefined && job.md5 === undefined) {
		// Nothing to check a spliced file against, and the upstream file may have changed since
		// the earlier run: small files start over (a drop within this run still resumes).
		await rm(part, { force: true });
	}
	let restarted = false;
	for (;;) {
		const resumed = await downloadToPart(job, part, ctx);
		const hash = await hashFile(part);
		const problem = problemWith(job, hash) ?? (await job.validate?.(part));
		if (!problem) {
			await rename(part, job.dest);
			ctx.progress.finish(job.label, hash.bytes, 'fetched');
			ctx.stats.downloaded++;
			return hash;
		}
		// Bad bytes are never kept: not under the final name, and not as a .part to resume from.
		await rm(part, { force: true });
		if (resumed && !restarted) {
			// The old .part may predate a change upstream: one clean attempt before giving up.
			restarted = true;
			ctx.progress.line(`  ${job.label} ${problem} after resuming; downloading it from the start`);
			continue;
		}
		throw new FileError(`${job.label} ${problem}; it was not kept (source: ${job.url})`);
	}
}

/**
 * Streams `job.url` into `part`, continuing an existing `.part` with `Range: bytes=<size>-`.
 * Retries 429/5xx and dropped connections with backoff; a retry after a drop resumes too.
 * @param {FileJob} job
 * @param {string} part
 * @param {Context} ctx
 * @returns {Promise<boolean>} whether earlier bytes were kept (resumed)
 */
async function downloadToPart(job, part, ctx) {
	const host = hostOf(job.url);
	let attempt = 0;
	let resumed = false;
	/** @param {string} why @param {number} [retryAfterS] */
	const retry = async (why, retryAfterS) => {
		attempt++;
		if (attempt > ctx.retries) return false;
		const delay = retryAfterS !== undefined ? Math.min(retryAfterS * 1000, 30_000) : ctx.retryDelayMs * 2 ** (attempt - 1);
		ctx.progress.line(`  ${job.label}: ${why}; retrying in ${(delay / 1000).toFixed(1)} s (${attempt} of ${ctx.retries})`);
		await sleep(delay);
		return true;
	};
	for (;;) {
		let offset = Math.max(0, await sizeOf(part));
		if (job.bytes !== undefined && offset > job.bytes) {
			await rm(part, { force: true });
			offset = 0;
		}
		if (offset > 0 && offset === job.bytes) return true;

		const controller = new AbortController();
		let idle = false;
		/** @type {NodeJS.Timeout | undefined} */
		let timer;
		const arm = () => {
			clearTimeout(timer);
			timer = setTimeout(() => {
				idle = true;
				controller.abort();
			}, ctx.idleTimeoutMs);
		};
		arm();

		/** @type {Record<string, string>} */
		const headers = { 'Accept-Encoding': 'identity', 'User-Agent': 'tacit-model-fetch' };
		if (offset > 0) headers.Range = `bytes=${offset}-`;
		/** @type {Response} */
		let response;
		try {
			response = await fetch(job.url, { headers, signal: controller.signal, redirect: 'follow' });
		} catch (error) {
			clearTimeout(timer);
			const kind = idle ? 'dropped' : classifyNetworkError(error);
			if (kind === 'offline') throw new OfflineError(host);
			if (kind === 'tls') throw new FatalError(`Cannot connect securely to ${host} (${errorCodes(error).join(', ') || messageOf(error)}). A proxy may be intercepting HTTPS.`);
			const why = idle ? 'no answer' : `connection failed (${errorCodes(error).join(', ') || messageOf(error)})`;
			if (await retry(why)) continue;
			// Every attempt failed before any answer: the host is as good as unreachable.
			throw new OfflineError(host);
		}

		const { status } = response;
		const discard = async () => {
			clearTimeout(timer);
			await response.body?.cancel().catch(() => undefined);
		};
		if (status === 404 || status === 410) {
			await discard();
			throw new NotFoundError(`${job.label} was not found at ${job.url} (HTTP ${status})`);
		}
		if (status === 416 && offset > 0) {
			// The server cannot continue our .part: start this file over.
			await discard();
			await rm(part, { force: true });
			if (await retry('the server refused to resume')) continue;
			throw new FileError(`${job.label}: ${host} refused to resume or restart the download`);
		}
		if (status === 429 || status >= 500) {
			await discard();
			const retryAfter = Number(response.headers.get('retry-after'));
			if (await retry(`HTTP ${status}`, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined)) continue;
			throw new FileError(`${job.label}: ${host} answered HTTP ${status} on every attempt`);
		}
		if (status !== 200 && status !== 206) {
			await discard();
			const hint = status === 401 || status === 403 ? ' (the repository may be private or gated, or the URL is wrong)' : '';
			throw new FileError(`${job.label}: HTTP ${status} from ${job.url}${hint}`);
		}

		// Content-Length counts body bytes only without a content encoding.
		const encoding = response.headers.get('content-encoding');
		const lengthHeader = response.headers.get('content-length');
		const length = lengthHeader !== null && (!encoding || encoding === 'identity') ? Number(lengthHeader) : null;
		let start = 0;
		/** @type {number | null} */
		let total = length;
		if (status === 206) {
			const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(response.headers.get('content-range') ?? '');
			if (!m || Number(m[1]) !== offset) {
				// A range we did not ask for: drop the .part rather than splice mismatched bytes.
				await discard();
				await rm(part, { force: true });
				if (await retry('the server answered with an unexpected range')) continue;
				throw new FileError(`${job.label}: ${host} answers Range requests inconsistently`);
			}
			start = offset;
			total = m[3] === '*' ? null : Number(m[3]);
			resumed = true;
		}
		if (total !== null && job.bytes !== undefined && total !== job.bytes) {
			await discard();
			await rm(part, { force: true });
			throw new FileError(`${job.label} is ${total} bytes on the server but tensor-cache.json lists ${job.bytes}; it was not kept (source: ${job.url})`);
		}

		await mkdir(dirname(part), { recursive: true });
		// On 200 the server ignored Range (or there was none): start from zero.
		const file = await open(part, start > 0 ? 'a' : 'w');
		ctx.progress.expect(job.label, total ?? job.bytes ?? null);
		ctx.progress.update(job.label, start);
		let received = 0;
		/** @type {unknown} */
		let dropped;
		try {
			if (response.body) {
				const reader = response.body.getReader();
				for (;;) {
					const { done, value } = await reader.read();
					if (done) break;
					arm();
					await file.write(value);
					received += value.byteLength;
					ctx.stats.fetchedBytes += value.byteLength;
					ctx.progress.update(job.label, start + received);
					if (job.bytes !== undefined && start + received > job.bytes) {
						controller.abort();
						throw new FileError(`${job.label}: the server sent more than the ${job.bytes} bytes tensor-cache.json lists; it was not kept`);
					}
				}
			}
		} catch (error) {
			if (error instanceof FileError) {
				await file.close();
				await rm(part, { force: true });
				throw error;
			}
			dropped = error;
		} finally {
			clearTimeout(timer);
		}
		await file.close();
		if (dropped === undefined && length !== null && received !== length) {
			dropped = new Error(`body ended after ${received} of ${length} bytes`);
		}
		if (dropped === undefined) return resumed;
		// Progress made: the next attempt resumes from the new .part size with a fresh budget.
		if (received > 0) attempt = 0;
		const why = idle ? 'stalled' : `connection dropped at ${formatBytes(start + received)} (${errorCodes(dropped)[0] ?? messageOf(dropped)})`;
		if (await retry(why)) continue;
		throw new FileError(`${job.label}: the connection to ${host} kept dropping; run the command again to resume`);
	}
}

/**
 * Writes `path` so a reader never sees half a file.
 * @param {string} path
 * @param {string} text
 */
async function writeAtomic(path, text) {
	await mkdir(dirname(path), { recursive: true });
	await writeFile(`${path}.part`, text);
	await rename(`${path}.part`, path);
}

/**
 * @param {string} what
 * @param {(text: string) => unknown} parse
 * @returns {(path: string) => Promise<string | undefined>}
 */
function jsonCheck(what, parse) {
	return async (path) => {
		try {
			parse(await readFile(path, 'utf8'));
			return undefined;
		} catch (error) {
			return `is not a usable ${what} (${messageOf(error)}); the server may have sent an error page`;
		}
	};
}

/** @param {string} path */
async function wasmCheck(path) {
	const file = await open(path, 'r');
	try {
		const { buffer, bytesRead } = await file.read(Buffer.alloc(4), 0, 4, 0);
		const magic = bytesRead === 4 && buffer.equals(Buffer.from([0x00, 0x61, 0x73, 0x6d]));
		return magic ? undefined : 'is not a WebAssembly file; the server may have sent an error page';
	} finally {
		await file.close();
	}
}

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

// ---------------------------------------------------------------------------------------------
// The mirror.

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

/**
 * WebLLM's own catalog, so ids and library URLs always match the installed runtime.
 * @returns {Promise<CatalogRecord[]>}
 */
export async function loadCatalog() {
	try {
		const { prebuiltAppConfig } = await import('@mlc-ai/web-llm');
		return prebuiltAppConfig.model_list;
	} catch (error) {
		throw new FatalError(`Cannot read the model catalog from @mlc-ai/web-llm (${messageOf(error)}). Run \`npm install\` first.`);
	}
}

/**
 * @typedef {object} MainDeps
 * @property {Writer} [stdout]
 * @property {Writer} [stderr]
 * @property {CatalogRecord[]} [catalog] Replaces WebLLM's catalog (tests).
 * @property {number} [retryDelayMs]
 * @property {number} [idleTimeoutMs]
 * @property {Record<string, string | undefined>} [env]
 */

/**
 * The CLI, returning its exit code instead of exiting (so tests can call it).
 * @param {readonly string[]} argv
 * @param {MainDeps} [deps]
 * @returns {Promise<number>}
 */
export async function main(argv, deps = {}) {
	const stdout = deps.stdout ?? process.stdout;
	const stderr = deps.stderr ?? process.stderr;
	const env = deps.env ?? process.env;
	try {
		const args = parseArgs(argv);
		if (args.help) {
			stdout.write(USAGE);
			return EXIT_OK;
		}
		const catalog = deps.catalog ?? (await loadCatalog());
		if (args.list) {
			stdout.write(`${catalog.map((r) => r.model_id).join('\n')}\n`);
			return EXIT_OK;
		}
		if (args.modelId === undefined) throw new UsageError('Missing the model id.');
		const modelId = args.modelId;
		const record = catalog.find((r) => r.model_id === modelId);
		if (!record) {
			const near = closeMatches(modelId, catalog.map((r) => r.model_id));
			throw new UsageError(
				`Unknown model id "${modelId}".${near.length ? ` Close matches:\n  ${near.join('\n  ')}\n` : ' '}Run with --list to see every id.`
			);
		}
		await mirrorModel(record, {
			out: args.out ?? HERE,
			hub: args.hub ?? (env.HF_ENDPOINT ? checkUrl('HF_ENDPOINT', env.HF_ENDPOINT) : undefined),
			libBase: args.libBase,
			force: args.force,
			jobs: args.jobs,
			stderr,
			...(deps.retryDelayMs !== undefined ? { retryDelayMs: deps.retryDelayMs } : {}),
			...(deps.idleTimeoutMs !== undefined ? { idleTimeoutMs: deps.idleTimeoutMs } : {})
		});
		return EXIT_OK;
	} catch (error) {
		if (error instanceof UsageError) {
			// The full text only when nothing was asked; otherwise the problem and one usage line.
			stderr.write(argv.length === 0 ? USAGE : `${error.message}\n${USAGE.split('\n')[0]}\nRun with --help for the options.\n`);
			return EXIT_USAGE;
		}
		if (error instanceof FailuresError) {
			stderr.write(`${error.failures.map((f) => `  ✗ ${f}`).join('\n')}\n`);
			stderr.write(`${error.failures.length} file(s) failed. Files that completed are kept; run the command again to retry the rest.\n`);
			return EXIT_FAILURE;
		}
		if (error instanceof FatalError || error instanceof FileError) {
			stderr.write(`${error.message}\n`);
			return EXIT_FAILURE;
		}
		// A bug rather than a network or data problem: still one line, the stack only on request.
		stderr.write(`Unexpected error: ${messageOf(error)}\n`);
		if (env.TACIT_DEBUG && error instanceof Error) stderr.write(`${error.stack}\n`);
		return EXIT_FAILURE;
	}
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
	process.exitCode = await main(process.argv.slice(2));
}
