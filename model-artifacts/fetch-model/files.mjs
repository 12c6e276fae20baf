// Files on disk: hashing, ensureFile (re-check a present file or fetch it), atomic writes, and
// the JSON / WebAssembly content checks that catch an error page saved under a model file's name.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { downloadToPart, sizeOf } from './download.mjs';
import { FileError, messageOf } from './errors.mjs';

/** @typedef {import('./progress.mjs').Progress} Progress */

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
 * @typedef {object} Context
 * @property {boolean} force
 * @property {Progress} progress
 * @property {number} retries
 * @property {number} retryDelayMs
 * @property {number} idleTimeoutMs
 * @property {{ downloaded: number, present: number, fetchedBytes: number }} stats
 */

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
 * Writes `path` so a reader never sees half a file.
 * @param {string} path
 * @param {string} text
 */
export async function writeAtomic(path, text) {
	await mkdir(dirname(path), { recursive: true });
	await writeFile(`${path}.part`, text);
	await rename(`${path}.part`, path);
}

/**
 * @param {string} what
 * @param {(text: string) => unknown} parse
 * @returns {(path: string) => Promise<string | undefined>}
 */
export function jsonCheck(what, parse) {
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
export async function wasmCheck(path) {
	const file = await open(path, 'r');
	try {
		const { buffer, bytesRead } = await file.read(Buffer.alloc(4), 0, 4, 0);
		const magic = bytesRead === 4 && buffer.equals(Buffer.from([0x00, 0x61, 0x73, 0x6d]));
		return magic ? undefined : 'is not a WebAssembly file; the server may have sent an error page';
	} finally {
		await file.close();
	}
}
