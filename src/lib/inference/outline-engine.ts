import { AppError } from '$lib/domain/core/app-error';
import type { NoteFormat } from '$lib/domain/notes/note-formats';
import { noteSchema, type NoteSections } from '$lib/domain/notes/note-schema';
import { outlineSections } from '$lib/domain/notes/outline';
import type { Engine, GenerateResult, LoadProgress, ModelSpec, StructuredRequest } from './engine';

/**
 * The engine with no model: drafting through it places the clinician's own sentences into the
 * note's sections (src/lib/domain/notes/outline.ts). It is what runs without WebGPU, and it goes
 * through the same `Engine` interface so the drafting page works the same either way.
 *
 * Its input is a `StructuredRequest` like any other: `prompt` is the session content, and the
 * section keys are those of `jsonSchema.properties`. `outlineRequest` builds exactly that.
 */
export function outlineRequest(content: string, format: NoteFormat): StructuredRequest<NoteSections> {
	const { jsonSchema, validate } = noteSchema(format);
	return { system: `Outline of a ${format.name} note (no AI).`, prompt: content, jsonSchema, validate };
}

/** The outline runs no model; `load` still takes a ModelSpec, so the one `Engine` interface holds. */
export const OUTLINE_MODEL: ModelSpec = {
	modelId: 'outline',
	modelUrl: '',
	modelLibUrl: '',
	contextWindow: 0,
	requiredFeatures: [],
	vramRequiredMB: 0
};

export class OutlineEngine implements Engine {
	readonly kind = 'outline';

	async load(_model: ModelSpec, onProgress: (progress: LoadProgress) => void): Promise<void> {
		onProgress({ fraction: 1, stage: 'Outline ready' });
	}

	async generate<T>(request: StructuredRequest<T>, onDelta: (text: string) => void, signal?: AbortSignal): Promise<GenerateResult<T>> {
		const answer = request.outline ? request.outline() : outlineSections(request.prompt, sectionKeys(request.jsonSchema));
		if (typeof answer !== 'object' || answer === null) throw new AppError('inference/invalid-output', { reason: 'outline' });
		// The same JSON text a model would write, one top-level field per delta.
		const pieces = Object.entries(answer).map(
			([key, value], i) => `${i === 0 ? '{' : ','}${JSON.stringify(key)}:${JSON.stringify(value)}`
		);
		pieces.push(pieces.length === 0 ? '{}' : '}');
		let text = '';
		for (const piece of pieces) {
			// A macrotask between sections lets the page paint and a Stop take effect.
			await new Promise((resolve) => setTimeout(resolve, 0));
			if (signal?.aborted) throw new AppError('inference/cancelled', { characters: text.length });
			text += piece;
			onDelta(piece);
		}
		return { value: request.validate(JSON.parse(text)), text, promptTokens: 0, completionTokens: 0 };
	}

	async unload(): Promise<void> {}
}

export const outlineEngine = new OutlineEngine();

function sectionKeys(jsonSchema: Record<string, unknown>): string[] {
	const properties = jsonSchema.properties;
	if (typeof properties !== 'object' || properties === null || Object.keys(properties).length === 0) {
		throw new AppError('inference/invalid-output', { reason: 'no-sections' });
	}
	return Object.keys(properties);
}
