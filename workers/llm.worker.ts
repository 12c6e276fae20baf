/// <reference lib="webworker" />
// The language model, off the main thread: WebLLM's MLCEngine behind a small Comlink API.
// Only src/lib/inference/webllm-engine.ts starts this worker.
import * as Comlink from 'comlink';
import { hasModelInCache, MLCEngine, type AppConfig } from '@mlc-ai/web-llm';
import type { ModelSpec, StructuredRequest } from '../src/lib/inference/engine';
import { mapWebLLMError, type WorkerFailure } from '../src/lib/inference/webllm-errors';

/** What `generate` needs: the request minus its validator (functions do not cross the boundary). */
export type WorkerGenerateRequest = Omit<StructuredRequest<unknown>, 'validate'>;
export interface WorkerGenerateResult {
	text: string;
	promptTokens: number;
	completionTokens: number;
	finishReason: string | null;
}
/** WebLLM's own progress report; the main thread turns it into words for the clinician. */
export interface RawProgress {
	progress: number;
	text: string;
}

type Sink<T> = Comlink.Remote<(value: T) => void>;

let engine: MLCEngine | null = null;
/** Generations run one at a time, in call order; `interrupt` names the one to stop. */
let queue: Promise<unknown> = Promise.resolve();
let running: number | null = null;
const active = new Map<number, { cancelled: boolean }>();

const failure = (code: WorkerFailure['code'], details: WorkerFailure['details'] = {}): WorkerFailure => ({ code, details });

function appConfig(spec: ModelSpec): AppConfig {
	return {
		model_list: [
			{
				model: spec.modelUrl,
				model_id: spec.modelId,
				model_lib: spec.modelLibUrl,
				required_features: [...spec.requiredFeatures],
				vram_required_MB: spec.vramRequiredMB,
				overrides: { context_window_size: spec.contextWindow }
			}
		],
		cacheBackend: 'cache'
	};
}

/** Calls back to the page without waiting for it; a failing callback must not stop the model. */
function send<T>(sink: Sink<T>, value: T): Promise<unknown> {
	return Promise.resolve(sink(value as never)).catch(() => undefined);
}

async function stream(
	id: number,
	state: { cancelled: boolean },
	request: WorkerGenerateRequest,
	sink: Sink<string>
): Promise<WorkerGenerateResult> {
	if (state.cancelled) throw failure('inference/cancelled', { characters: 0 });
	if (!engine) throw failure('inference/not-loaded');
	running = id;
	let text = '';
	let lastDelta: Promise<unknown> = Promise.resolve();
	let finishReason: string | null = null;
	let promptTokens = 0;
	let completionTokens = 0;
	// Never `extra_body.resumable`: WebLLM would journal the prompt and output to storage unencrypted.
	const chunks = await engine.chat.completions.create({
		stream: true,
		stream_options: { include_usage: true },
		messages: [
			{ role: 'system', content: request.system },
			{ role: 'user', content: request.prompt }
		],
		response_format: { type: 'json_object', schema: JSON.stringify(request.jsonSchema) },
		max_tokens: request.maxTokens,
		temperature: request.temperature
	});
	for await (const chunk of chunks) {
		// Leaving the loop returns the iterator, which stops decoding and frees WebLLM's lock.
		if (state.cancelled) break;
		const choice = chunk.choices[0];
		const delta = choice?.delta.content ?? '';
		if (delta) {
			text += delta;
			lastDelta = send(sink, delta);
		}
		finishReason = choice?.finish_reason ?? finishReason;
		if (chunk.usage) {
			promptTokens = chunk.usage.prompt_tokens;
			completionTokens = chunk.usage.completion_tokens;
		}
	}
	// Deltas travel on their own port: wait until the page has them all before answering.
	await lastDelta;
	if (state.cancelled) throw failure('inference/cancelled', { characters: text.length });
	return { text, promptTokens, completionTokens, finishReason };
}

const api = {
	async load(spec: ModelSpec, onProgress: (report: RawProgress) => void): Promise<void> {
		const sink = onProgress as unknown as Sink<RawProgress>;
		try {
			engine ??= new MLCEngine();
			engine.setLogLevel('ERROR');
			engine.setAppConfig(appConfig(spec));
			engine.setInitProgressCallback((report) => void send(sink, { progress: report.progress, text: report.text }));
			await engine.reload(spec.modelId);
		} catch (error) {
			throw mapWebLLMError(error);
		} finally {
			engine?.setInitProgressCallback(undefined);
			sink[Comlink.releaseProxy]();
		}
	},

	async generate(id: number, request: WorkerGenerateRequest, onDelta: (text: string) => void): Promise<WorkerGenerateResult> {
		const sink = onDelta as unknown as Sink<string>;
		const state = { cancelled: false };
		active.set(id, state);
		const turn = queue.then(() => stream(id, state, request, sink));
		queue = turn.catch(() => undefined);
		try {
			return await turn;
		} catch (error) {
			throw mapWebLLMError(error);
		} finally {
			if (running === id) running = null;
			active.delete(id);
			sink[Comlink.releaseProxy]();
		}
	},

	async interrupt(id: number): Promise<void> {
		const state = active.get(id);
		if (!state) return;
		state.cancelled = true;
		// WebLLM's flag is engine-wide: raise it only for the generation that is decoding.
		if (running === id) await engine?.interruptGenerate();
	},

	async unload(): Promise<void> {
		try {
			await engine?.unload();
		} catch (error) {
			throw mapWebLLMError(error);
		}
	},

	async hasModelInCache(spec: ModelSpec): Promise<boolean> {
		try {
			return await hasModelInCache(spec.modelId, appConfig(spec));
		} catch (error) {
			throw mapWebLLMError(error);
		}
	}
};

export type LlmWorkerApi = typeof api;
Comlink.expose(api);
