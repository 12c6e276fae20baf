import { AppError } from '$lib/domain/core/app-error';
import type { Engine, GenerateResult, LoadProgress, ModelSpec, StructuredRequest } from '$lib/inference/engine';

/**
 * An `Engine` that "generates" a scripted answer, one token per timer tick, like a model
 * streaming: for tests and the benchmark, where no GPU or model files exist. It honours the
 * AbortSignal the way the real engine must: no delta after the abort, then `inference/cancelled`.
 */
export interface ScriptOptions {
	/** The answer, already split into tokens; concatenated it should be the JSON the request expects. */
	tokens: readonly string[];
	/** Milliseconds between tokens (0 = next macrotask). */
	intervalMs?: number;
	modelId?: string;
}

export class ScriptedEngine implements Engine {
	readonly kind = 'webllm';
	loadedModelId: string | null = null;
	readonly #tokens: readonly string[];
	readonly #intervalMs: number;

	constructor({ tokens, intervalMs = 10 }: ScriptOptions) {
		this.#tokens = tokens;
		this.#intervalMs = intervalMs;
	}

	async load(model: ModelSpec, onProgress: (progress: LoadProgress) => void): Promise<void> {
		onProgress({ fraction: 0, stage: 'Starting the model' });
		onProgress({ fraction: 1, stage: 'Model ready' });
		this.loadedModelId = model.modelId;
	}

	generate<T>(request: StructuredRequest<T>, onDelta: (text: string) => void, signal?: AbortSignal): Promise<GenerateResult<T>> {
		return new Promise((resolve, reject) => {
			let text = '';
			let next = 0;
			let timer: ReturnType<typeof setTimeout> | undefined;
			const onAbort = () => {
				clearTimeout(timer);
				reject(new AppError('inference/cancelled', { characters: text.length }));
			};
			if (signal?.aborted) return onAbort();
			signal?.addEventListener('abort', onAbort, { once: true });
			const tick = () => {
				const token = this.#tokens[next++];
				if (token === undefined) {
					signal?.removeEventListener('abort', onAbort);
					try {
						resolve({ value: request.validate(JSON.parse(text)), text, promptTokens: request.prompt.length, completionTokens: next - 1 });
					} catch (error) {
						reject(error instanceof AppError ? error : new AppError('inference/invalid-output'));
					}
					return;
				}
				text += token;
				onDelta(token);
				timer = setTimeout(tick, this.#intervalMs);
			};
			timer = setTimeout(tick, this.#intervalMs);
		});
	}

	async unload(): Promise<void> {
		this.loadedModelId = null;
	}
}

/** Splits an answer into model-sized tokens (a word or a punctuation run, with its leading space). */
export function tokenize(answer: string): string[] {
	return answer.match(/\s*[\p{L}\p{N}']+|\s*[^\s\p{L}\p{N}']+|\s+$/gu) ?? [];
}
