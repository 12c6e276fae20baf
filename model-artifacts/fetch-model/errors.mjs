// Error kinds, exit codes and the classification of network failures (offline, TLS, dropped):
// each error maps to one exit code and one plain message, never a stack trace.

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

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
export const messageOf = (error) => (error instanceof Error ? error.message : String(error));
