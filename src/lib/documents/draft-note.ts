import { AppError } from '$lib/domain/app-error';
import { NOTE_FORMATS, type NoteFormatId } from '$lib/domain/note-formats';
import { draftSystemPrompt, draftUserPrompt, type PracticeExample } from '$lib/domain/note-prompts';
import { noteSchema, type NoteSections } from '$lib/domain/note-schema';
import type { Client } from '$lib/domain/records';
import type { StructuredRequest } from '$lib/inference/engine';
import { engineStatus } from '$lib/inference/engine-status.svelte';
import { outlineRequest } from '$lib/inference/outline-engine';

/**
 * Session content -> structured draft, through whichever engine is loaded. The consent gate is
 * here, before anything reaches a model: no recorded consent to AI-assisted drafting, no model.
 * The outline engine involves no AI and needs no such consent.
 */
export interface DraftInput {
	client: Client;
	content: string;
	format: NoteFormatId;
	examples?: readonly PracticeExample[];
	onText: (text: string) => void;
	signal?: AbortSignal;
}

export function draftRequest(input: Pick<DraftInput, 'content' | 'format' | 'examples'>): StructuredRequest<NoteSections> {
	const format = NOTE_FORMATS[input.format];
	const { jsonSchema, validate } = noteSchema(format);
	return {
		system: draftSystemPrompt(format),
		prompt: draftUserPrompt(input.content, input.examples),
		jsonSchema,
		validate,
		maxTokens: 1024,
		temperature: 0.2
	};
}

export async function draftNote(input: DraftInput): Promise<{ sections: NoteSections; draftedWith: string }> {
	if (!engineStatus.engine) await engineStatus.useOutline();
	const engine = engineStatus.engine!;
	const current = engineStatus.current;
	if (engine.kind === 'webllm' && !input.client.aiConsent.given) throw new AppError('note/no-ai-consent');
	const request = engine.kind === 'outline' ? outlineRequest(input.content, NOTE_FORMATS[input.format]) : draftRequest(input);
	let text = '';
	const result = await engineStatus.generate(
		request,
		(delta) => {
			text += delta;
			input.onText(text);
		},
		input.signal
	);
	const draftedWith = engine.kind === 'outline' ? 'outline' : current.state === 'ready' ? current.modelId : 'model';
	return { sections: result.value, draftedWith };
}
