import { AppError, toAppError } from '$lib/domain/core/app-error';
import type { Engine, EngineState, GenerateResult, ModelSpec, StructuredRequest } from './engine';
import { OUTLINE_MODEL, outlineEngine } from './outline-engine';

/**
 * Which engine drafts, and what it is doing, for the whole app: the privacy indicator shows
 * `label` so the clinician always knows whether a model is on this device and working.
 * Pages load, generate and unload through here so the state can never drift from reality.
 */
export class EngineStatus {
	engine = $state.raw<Engine | null>(null);
	current = $state.raw<EngineState>({ state: 'idle' });
	/** A name for people ("Llama 3.2 1B"), not the model id. */
	modelName = $state<string | null>(null);

	readonly label = $derived.by(() => engineLabel(this.engine?.kind ?? null, this.current, this.modelName));

	async load(engine: Engine, model: ModelSpec, name = modelDisplayName(model.modelId)): Promise<void> {
		if (this.engine && this.engine !== engine) await this.unload();
		this.engine = engine;
		this.modelName = name;
		this.current = { state: 'loading', progress: { fraction: 0, stage: 'Starting the model' } };
		try {
			await engine.load(model, (progress) => {
				this.current = { state: 'loading', progress };
			});
			this.current = { state: 'ready', modelId: model.modelId };
		} catch (error) {
			this.current = { state: 'error', error: toAppError(error) };
			throw error;
		}
	}

	async generate<T>(request: StructuredRequest<T>, onDelta: (text: string) => void, signal?: AbortSignal): Promise<GenerateResult<T>> {
		const engine = this.engine;
		const before = this.current;
		if (!engine || before.state !== 'ready') throw new AppError('inference/not-loaded');
		this.current = { state: 'generating', modelId: before.modelId };
		try {
			return await engine.generate(request, onDelta, signal);
		} catch (error) {
			const appError = toAppError(error);
			// Losing the GPU or the worker unloads the model; anything else leaves it ready.
			if (appError.code === 'inference/gpu-lost') this.current = { state: 'error', error: appError };
			throw error;
		} finally {
			if (this.current.state === 'generating') this.current = before;
		}
	}

	/** Drafting without AI (no WebGPU, or the clinician's choice): ready at once. */
	useOutline(): Promise<void> {
		return this.load(outlineEngine, OUTLINE_MODEL, 'Outline');
	}

	async unload(): Promise<void> {
		const engine = this.engine;
		this.engine = null;
		this.modelName = null;
		this.current = { state: 'idle' };
		await engine?.unload();
	}
}

/** What the privacy indicator says. */
export function engineLabel(kind: Engine['kind'] | null, state: EngineState, name: string | null): string {
	if (kind === 'outline') return 'Outline (no AI)';
	const model = name ?? 'AI model';
	switch (state.state) {
		case 'idle':
			return 'No AI model loaded';
		case 'loading':
			return `Loading model ${Math.round(state.progress.fraction * 100)}%`;
		case 'ready':
			return `Model ready: ${model}`;
		case 'generating':
			return `Model drafting: ${model}`;
		case 'error':
			return 'No AI model loaded';
	}
}

/** "Llama-3.2-1B-Instruct-q4f32_1-MLC" → "Llama 3.2 1B": drops the build suffixes. */
export function modelDisplayName(modelId: string): string {
	const name = modelId
		.replace(/-MLC$/i, '')
		.replace(/-q\d+f\d+(_\d+)?$/i, '')
		.replace(/-(instruct|chat|it)$/i, '')
		.replace(/-/g, ' ')
		.trim();
	return name || modelId;
}

export const engineStatus = new EngineStatus();
