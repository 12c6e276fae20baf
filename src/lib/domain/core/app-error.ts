/**
 * The one error type of the app. It carries a stable `code` that the UI, the worker
 * boundary and the tests branch on (never `instanceof` across a boundary), plus optional
 * non-PHI details (a table name, a record id, a count) for logs and support.
 */
export type ErrorCode =
	| 'vault/wrong-passphrase'
	| 'vault/wrong-recovery-key'
	| 'vault/passphrase-too-short'
	| 'vault/kdf-too-weak'
	| 'vault/kdf-unsupported'
	| 'vault/kdf-failed'
	| 'vault/envelope-malformed'
	| 'vault/decrypt-failed'
	| 'vault/pin-invalid'
	| 'vault/wrong-pin'
	| 'vault/pin-locked'
	| 'vault/quick-unlock-off'
	| 'vault/passkey-failed'
	| 'vault/passkey-unsupported'
	| 'vault/locked'
	| 'vault/profile-not-found'
	| 'vault/keyring-missing'
	| 'record/not-found'
	| 'record/invalid'
	| 'client/discharged'
	| 'client/retention'
	| 'client/not-discharged'
	| 'note/signed'
	| 'note/not-signed'
	| 'note/no-ai-consent'
	| 'assessment/incomplete'
	| 'assessment/context-missing'
	| 'assessment/invalid-answer'
	| 'assessment/unknown-instrument'
	| 'plan/signed'
	| 'plan/not-signed'
	| 'plan/not-latest'
	| 'document/signed'
	| 'safety-plan/signed'
	| 'safety-plan/incomplete'
	| 'client-document/signed'
	| 'client-document/not-signed'
	| 'crisis/completed'
	| 'disclosure/refused'
	| 'backup/unreadable'
	| 'backup/newer-format'
	| 'backup/wrong-key'
	| 'backup/damaged'
	| 'import/unsupported-file'
	| 'import/too-large'
	| 'import/unreadable'
	| 'storage/quota-exceeded'
	| 'storage/write-failed'
	| 'inference/no-webgpu'
	| 'inference/gpu-lost'
	| 'inference/out-of-memory'
	| 'inference/model-not-found'
	| 'inference/integrity-mismatch'
	| 'inference/storage-insufficient'
	| 'inference/model-too-large'
	| 'inference/cancelled'
	| 'inference/busy-elsewhere'
	| 'inference/invalid-output'
	| 'inference/not-loaded'
	| 'inference/network'
	| 'inference/load-failed'
	| 'app/unexpected';

export type ErrorDetails = Readonly<Record<string, string | number | boolean>>;

export class AppError extends Error {
	readonly code: ErrorCode;
	readonly details: ErrorDetails;

	constructor(code: ErrorCode, details: ErrorDetails = {}, options?: { cause?: unknown }) {
		super(code, options);
		this.name = 'AppError';
		this.code = code;
		this.details = details;
	}

	/** A plain object that survives structured cloning (worker boundaries, postMessage). */
	toJSON(): { code: ErrorCode; details: ErrorDetails } {
		return { code: this.code, details: this.details };
	}
}

export function isAppError(value: unknown): value is AppError {
	return value instanceof AppError;
}

/** Anything thrown becomes an AppError; unknown failures keep their cause but no message text. */
export function toAppError(value: unknown): AppError {
	if (value instanceof AppError) return value;
	if (isQuotaError(value)) return new AppError('storage/quota-exceeded', {}, { cause: value });
	return new AppError('app/unexpected', {}, { cause: value });
}

/** Browsers report a full disk as a DOMException named QuotaExceededError, sometimes wrapped by Dexie. */
export function isQuotaError(value: unknown): boolean {
	for (let e: unknown = value, depth = 0; e && depth < 4; depth++) {
		const name = (e as { name?: unknown }).name;
		if (name === 'QuotaExceededError') return true;
		e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
	}
	return false;
}
