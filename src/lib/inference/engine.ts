import type { AppError } from '$lib/domain/core/app-error';
import type { ModelSpec } from '$lib/domain/models/model-spec';

/**
 * The one interface the rest of the app drafts through. The WebLLM engine (a model in a Web
 * Worker) and the outline engine (no model) both implement it, so a page cannot tell which is
 * running, and tests can put a scripted engine behind the same interface.
 */

export type { ModelSpec };

export interface LoadProgress {
	/** 0..1 */
	fraction: number;
	/** Plain words for the clinician ("Loading the model into graphics memory"). */
	stage: string;
}

/** A JSON schema object (passed to WebLLM's structured output) and the validator of its result. */
export interface StructuredRequest<T> {
	system: string;
	prompt: string;
	jsonSchema: Record<string, unknown>;
	/** Throws `inference/invalid-output` when the value does not fit; returns it typed otherwise. */
	validate: (value: unknown) => T;
	maxTokens?: number;
	temperature?: number;
	/**
	 * What the outline engine (no model) answers for a request that is not a note: a
	 * deterministic value built from the clinician's own words or computed facts.
	 */
	outline?: () => unknown;
}

export interface GenerateResult<T> {
	value: T;
	/** The raw text the model produced (never rendered as HTML). */
	text: string;
	promptTokens: number;
	completionTokens: number;
}

export type EngineState =
	| { state: 'idle' }
	| { state: 'loading'; progress: LoadProgress }
	| { state: 'ready'; modelId: string }
	| { state: 'generating'; modelId: string }
	| { state: 'error'; error: AppError };

export interface Engine {
	readonly kind: 'webllm' | 'outline';
	load(model: ModelSpec, onProgress: (progress: LoadProgress) => void): Promise<void>;
	/**
	 * Streams text through `onDelta` and resolves with the validated structured result.
	 * Aborting the signal stops generation; the promise then rejects with `inference/cancelled`
	 * and the text streamed so far stays with the caller.
	 */
	generate<T>(request: StructuredRequest<T>, onDelta: (text: string) => void, signal?: AbortSignal): Promise<GenerateResult<T>>;
	unload(): Promise<void>;
}
