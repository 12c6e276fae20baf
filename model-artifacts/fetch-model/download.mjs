// The resumable download of one file into its `.part` file: HTTP Range to continue, retries with
// backoff for 429/5xx and dropped connections, an idle timeout, and offline/TLS detection.
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { classifyNetworkError, errorCodes, FatalError, FileError, messageOf, NotFoundError, OfflineError } from './errors.mjs';
import { formatBytes } from './progress.mjs';
import { hostOf } from './urls.mjs';

/** @typedef {import('./files.mjs').FileJob} FileJob */
/** @typedef {import('./files.mjs').Context} Context */

/** @param {string} path */
export async function sizeOf(path) {
	try {
		return (await stat(path)).size;
	} catch {
		return -1;
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
export async function downloadToPart(job, part, ctx) {
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
