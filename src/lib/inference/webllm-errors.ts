import { AppError, isQuotaError, type ErrorCode, type ErrorDetails } from '$lib/domain/core/app-error';
import { errorMessages } from '$lib/domain/core/error-messages';

/**
 * WebLLM's failures, turned into the app's stable error codes. This runs inside the LLM worker,
 * so what crosses the worker boundary is a plain `{ code, details }` object, never an Error
 * whose message could carry text (some WebLLM messages quote message content) and never a
 * bare string. Pure, so every rule is unit-tested.
 */
export interface WorkerFailure {
	code: ErrorCode;
	details: ErrorDetails;
}

/** Classes WebLLM 0.2.86 throws (lib/error.d.ts); matched on `name`, which survives minification. */
const BY_NAME: Readonly<Record<string, ErrorCode>> = {
	WebGPUNotAvailableError: 'inference/no-webgpu',
	WebGPUNotFoundError: 'inference/no-webgpu',
	DeviceLostError: 'inference/gpu-lost',
	IntegrityError: 'inference/integrity-mismatch',
	QuotaExceededError: 'inference/storage-insufficient',
	AbortError: 'inference/cancelled',
	ModelNotLoadedError: 'inference/not-loaded',
	WorkerEngineModelNotLoadedError: 'inference/not-loaded',
	EngineNotLoadedError: 'inference/not-loaded',
	ConfigurationNotInitializedError: 'inference/not-loaded',
	// A missing GPU feature (shader-f16) is not a lack of memory: another build of the model
	// (q4f32) runs on the same device, which is what the load-failed message tells the clinician.
	ShaderF16SupportError: 'inference/load-failed',
	FeatureSupportError: 'inference/load-failed',
	// The model id is missing from the app config we built ourselves: a bug, not missing files.
	ModelNotFoundError: 'inference/load-failed',
	// Thrown with this name by MissingModelWasmError.
	MissingModelError: 'inference/load-failed',
	ContextWindowSizeExceededError: 'inference/load-failed'
};

/** Message patterns, in order: the first match wins. Device loss before OOM (its text mentions OOM). */
const BY_MESSAGE: readonly (readonly [RegExp, ErrorCode])[] = [
	[/webgpu is not (supported|available)|cannot find webgpu|navigator\.gpu|no (suitable |appropriate )?(gpu )?adapter/i, 'inference/no-webgpu'],
	[/device (was |is |has been )?lost|device_removed|device removed/i, 'inference/gpu-lost'],
	[/out[ -]of[ -]memory|\boom\b|outofmemory|allocation failed|failed to allocate/i, 'inference/out-of-memory'],
	// Device limits below what any model needs (WebLLM's detectGPUDevice).
	[/exceeds limit/i, 'inference/model-too-large'],
	[/quota|not enough (storage|space)|no space left/i, 'inference/storage-insufficient'],
	[/integrity/i, 'inference/integrity-mismatch'],
	// Cache.add on a non-2xx answer: Chromium says "Request failed", Firefox "bad status 404".
	[/\b40[34]\b|not found|request failed|network response was not ok|cannot fetch|expected magic word/i, 'inference/model-not-found'],
	// Chromium, Firefox and Safari's words for a fetch that never got an answer.
	[/failed to fetch|networkerror|network error|^load failed$|err_internet|err_network|err_connection/i, 'inference/network'],
	[/aborterror|the (operation|user) (was )?abort/i, 'inference/cancelled']
];

const SAFE_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

/** Maps anything WebLLM (or the browser under it) threw to a stable code plus non-PHI details. */
export function mapWebLLMError(error: unknown): WorkerFailure {
	if (error instanceof AppError) return { code: error.code, details: error.details };
	if (isWorkerFailure(error)) return error;

	const { name, message } = describe(error);
	const details: Record<string, string | number | boolean> = {};
	if (name && SAFE_NAME.test(name)) details.name = name;

	let code: ErrorCode | undefined = name ? BY_NAME[name] : undefined;
	if (!code && isQuotaError(error)) code = 'inference/storage-insufficient';
	if (!code) code = BY_MESSAGE.find(([pattern]) => pattern.test(message))?.[1];
	code ??= 'inference/load-failed';

	if (name === 'ShaderF16SupportError' || name === 'FeatureSupportError') {
		details.reason = 'feature-unsupported';
		const feature = /requires (?:webgpu extension |feature )([a-z0-9-]+)/i.exec(message)?.[1];
		if (feature) details.feature = feature.toLowerCase();
	}
	if (name === 'ContextWindowSizeExceededError') {
		details.reason = 'context-window-exceeded';
		const counts = /prompt tokens: (\d+); context window size: (\d+)/.exec(message);
		if (counts) {
			details.promptTokens = Number(counts[1]);
			details.contextWindow = Number(counts[2]);
		}
	}
	const status = /\bstatus (\d{3})\b/.exec(message);
	if (status) details.status = Number(status[1]);
	return { code, details };
}

/** A `{ code, details }` object with a code the app knows (what the worker throws). */
export function isWorkerFailure(value: unknown): value is WorkerFailure {
	if (typeof value !== 'object' || value === null) return false;
	const { code, details } = value as { code?: unknown; details?: unknown };
	return typeof code === 'string' && Object.hasOwn(errorMessages, code) && typeof details === 'object' && details !== null;
}

/** On the main thread: whatever a worker call rejected with, as an AppError. */
export function fromWorkerFailure(value: unknown): AppError {
	if (value instanceof AppError) return value;
	if (isWorkerFailure(value)) return new AppError(value.code, value.details);
	const mapped = mapWebLLMError(value);
	return new AppError(mapped.code, mapped.details, { cause: value });
}

function describe(error: unknown): { name: string; message: string } {
	// Strings come from emscripten and from `String(error)`: "DeviceLostError: The WebGPU device…".
	if (typeof error === 'string') return { name: /^([A-Za-z]+Error):/.exec(error)?.[1] ?? '', message: error };
	if (typeof error === 'object' && error !== null) {
		const { name, message } = error as { name?: unknown; message?: unknown };
		return { name: typeof name === 'string' ? name : '', message: typeof message === 'string' ? message : '' };
	}
	return { name: '', message: '' };
}
