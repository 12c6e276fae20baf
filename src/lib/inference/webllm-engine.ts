import * as Comlink from 'comlink';
import type { LlmWorkerApi, RawProgress, WorkerGenerateRequest, WorkerGenerateResult } from '$workers/llm.worker';
import { AppError, type ErrorCode } from '$lib/domain/core/app-error';
import type { Engine, GenerateResult, LoadProgress, ModelSpec, StructuredRequest } from './engine';
import { fromWorkerFailure } from './webllm-errors';

/**
 * The model engine: WebLLM in a Web Worker (workers/llm.worker.ts), so neither loading nor
 * generating blocks the page. This module is the only place that starts that worker.
 *
 * One copy of a model per browser: a loaded model holds a Web Lock, and a second tab asking
 * for one gets `inference/busy-elsewhere` instead of a second multi-gigabyte copy in GPU memory.
 */
const LOCK_NAME = 'tacit-llm-engine';

type EndReason = 'crashed' | 'closed';

/** One worker and its Comlink handle; a crash or a close rejects every call still waiting. */
class LlmWorker {
	readonly api: Comlink.Remote<LlmWorkerApi>;
	readonly #worker: Worker;
	readonly #ended: Promise<never>;
	#end: (reason: EndReason) => void = () => {};

	constructor(onCrash?: () => void) {
		this.#worker = new Worker(new URL('../../../workers/llm.worker.ts', import.meta.url), {
			type: 'module',
			name: 'tacit-llm'
		});
		this.#ended = new Promise<never>((_, reject) => {
			this.#end = reject;
		});
		this.#ended.catch(() => undefined);
		// A worker that fails to start or throws outside a call never answers its Comlink calls.
		const crash = (event: Event) => {
			event.preventDefault();
			this.#end('crashed');
			onCrash?.();
		};
		this.#worker.addEventListener('error', crash);
		this.#worker.addEventListener('messageerror', crash);
		this.api = Comlink.wrap<LlmWorkerApi>(this.#worker);
	}

	/** The call's result, or an AppError: the worker's `{ code }`, or `crashCode` if the worker died. */
	async call<T>(pending: Promise<T>, crashCode: ErrorCode): Promise<T> {
		try {
			return await Promise.race([pending, this.#ended]);
		} catch (error) {
			if (error === 'crashed') throw new AppError(crashCode, { reason: 'worker-error' });
			if (error === 'closed') throw new AppError('inference/cancelled', { reason: 'unloaded' });
			throw fromWorkerFailure(error);
		}
	}

	close(): void {
		this.#end('closed');
		this.api[Comlink.releaseProxy]();
		this.#worker.terminate();
	}
}

/** Held until released; fails at once (never queues) when another tab holds it. */
function acquireEngineLock(): Promise<() => void> {
	const locks = globalThis.navigator?.locks;
	// Every WebGPU browser has Web Locks; without them there is nothing to coordinate with.
	if (!locks) return Promise.resolve(() => {});
	return new Promise((resolve, reject) => {
		locks
			.request(LOCK_NAME, { ifAvailable: true }, (lock) => {
				if (!lock) {
					reject(new AppError('inference/busy-elsewhere'));
					return;
				}
				return new Promise<void>((release) => resolve(() => release()));
			})
			.catch(reject);
	});
}

/**
 * WebLLM reports each loading phase from 0 to 1 again; this turns that into one rising fraction
 * and plain words. Phases: download (only when not cached), weights into GPU memory, shaders.
 */
export function progressTranslator(): (report: RawProgress) => LoadProgress {
	let downloaded = false;
	let last = 0;
	return ({ progress, text }) => {
		const p = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
		let fraction = last;
		let stage = 'Starting the model';
		if (text.startsWith('Fetching param cache')) {
			downloaded = true;
			[fraction, stage] = [0.8 * p, 'Downloading the model to this device'];
		} else if (text.startsWith('Loading model from cache')) {
			[fraction, stage] = [downloaded ? 0.8 + 0.1 * p : 0.7 * p, 'Loading the model into graphics memory'];
		} else if (text.startsWith('Loading GPU shader')) {
			[fraction, stage] = [downloaded ? 0.9 + 0.1 * p : 0.7 + 0.3 * p, 'Preparing the graphics processor'];
		} else if (text.startsWith('Finish loading')) {
			[fraction, stage] = [1, 'Model ready'];
		}
		last = Math.max(last, fraction);
		return { fraction: last, stage };
	};
}

/** Plain copies: a Svelte state proxy cannot be structured-cloned into the worker. */
const plainSpec = (spec: ModelSpec): ModelSpec => ({ ...spec, requiredFeatures: [...spec.requiredFeatures] });

export class WebLLMEngine implements Engine {
	readonly kind = 'webllm';
	#connection: LlmWorker | null = null;
	#lock: Promise<() => void> | null = null;
	#loaded: string | null = null;
	#nextId = 1;

	/** The model id that is loaded and ready, if any. */
	get loadedModelId(): string | null {
		return this.#loaded;
	}

	async load(model: ModelSpec, onProgress: (progress: LoadProgress) => void): Promise<void> {
		if (this.#loaded === model.modelId && this.#connection) {
			onProgress({ fraction: 1, stage: 'Model ready' });
			return;
		}
		this.#lock ??= acquireEngineLock();
		this.#lock.catch(() => (this.#lock = null));
		await this.#lock;
		const connection = (this.#connection ??= new LlmWorker(() => this.#teardown()));
		this.#loaded = null;
		const translate = progressTranslator();
		try {
			const progress = Comlink.proxy((report: RawProgress) => onProgress(translate(report)));
			await connection.call(connection.api.load(plainSpec(model), progress), 'inference/load-failed');
			this.#loaded = model.modelId;
		} catch (error) {
			// A failed load leaves nothing half-loaded: the worker (and its GPU memory) and the lock go.
			this.#teardown();
			throw error;
		}
	}

	async generate<T>(request: StructuredRequest<T>, onDelta: (text: string) => void, signal?: AbortSignal): Promise<GenerateResult<T>> {
		const connection = this.#connection;
		if (!connection || !this.#loaded) throw new AppError('inference/not-loaded');
		if (signal?.aborted) throw new AppError('inference/cancelled', { characters: 0 });
		const id = this.#nextId++;
		let text = '';
		let stopped = false;
		let onAbort = () => {};
		const aborted = new Promise<never>((_, reject) => {
			onAbort = () => {
				// Nothing arrives after Stop; what arrived before it is already with the caller.
				stopped = true;
				void connection.api.interrupt(id).catch(() => undefined);
				reject(new AppError('inference/cancelled', { characters: text.length }));
			};
		});
		signal?.addEventListener('abort', onAbort, { once: true });
		const deliver = Comlink.proxy((delta: string) => {
			if (stopped) return;
			text += delta;
			onDelta(delta);
		});
		let result: WorkerGenerateResult;
		try {
			const pending = connection.api.generate(id, toWorkerRequest(request), deliver);
			result = await Promise.race([connection.call(pending, 'inference/gpu-lost'), aborted]);
		} finally {
			stopped = true;
			signal?.removeEventListener('abort', onAbort);
		}
		return { value: parseAndValidate(result, request.validate), text: result.text, ...usage(result) };
	}

	async unload(): Promise<void> {
		const connection = this.#connection;
		if (connection && this.#loaded) {
			// Best effort: terminating the worker below frees the GPU memory either way.
			await connection.call(connection.api.unload(), 'inference/gpu-lost').catch(() => undefined);
		}
		this.#teardown();
	}

	#teardown(): void {
		this.#connection?.close();
		this.#connection = null;
		this.#loaded = null;
		void this.#lock?.then((release) => release(), () => undefined);
		this.#lock = null;
	}
}

/**
 * Whether all of a model's files are already in WebLLM's cache on this device. It runs in a
 * short-lived worker rather than here: importing WebLLM on the main thread would parse several
 * megabytes of script there (a long task), and the worker chunk is the one `load` uses anyway.
 */
export async function hasModelInCache(spec: ModelSpec): Promise<boolean> {
	const connection = new LlmWorker();
	try {
		return await connection.call(connection.api.hasModelInCache(plainSpec(spec)), 'inference/load-failed');
	} finally {
		connection.close();
	}
}

function toWorkerRequest(request: StructuredRequest<unknown>): WorkerGenerateRequest {
	return {
		system: request.system,
		prompt: request.prompt,
		jsonSchema: JSON.parse(JSON.stringify(request.jsonSchema)) as Record<string, unknown>,
		maxTokens: request.maxTokens,
		temperature: request.temperature
	};
}

/** Model output is untrusted text: it must parse and pass the request's own validator. */
function parseAndValidate<T>(result: WorkerGenerateResult, validate: (value: unknown) => T): T {
	let parsed: unknown;
	try {
		parsed = JSON.parse(result.text);
	} catch {
		throw new AppError('inference/invalid-output', {
			reason: result.finishReason === 'length' ? 'too-long' : 'not-json',
			characters: result.text.length
		});
	}
	try {
		return validate(parsed);
	} catch (error) {
		if (error instanceof AppError) throw error;
		throw new AppError('inference/invalid-output', { reason: 'validation' });
	}
}

const usage = (result: WorkerGenerateResult) => ({
	promptTokens: result.promptTokens,
	completionTokens: result.completionTokens
});
