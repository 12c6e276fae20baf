import { fitsContext } from '$lib/domain/notes/chunking';
import type { NoteFormat } from '$lib/domain/notes/note-formats';
import {
	composeUserPrompt,
	draftSystemPrompt,
	draftUserPrompt,
	type PracticeExample
} from '$lib/domain/notes/note-prompts';
import { estimateTokens } from '$lib/domain/notes/transcript';
import { noteSchema, type NoteSections } from '$lib/domain/notes/note-schema';
import type { Client } from '$lib/domain/core/records';
import type { StructuredRequest } from '$lib/inference/engine';
import { outlineRequest } from '$lib/inference/outline-engine';
import { draftingEngine, factsFromParts, generateStreaming, loadedContextWindow, type SourcedFact } from '../common/drafting';

export type { SourcedFact };

/**
 * Session content -> structured draft, through whichever engine is loaded, after the consent
 * gate (drafting.ts).
 */
export interface DraftInput {
	client: Client;
	content: string;
	format: NoteFormat;
	examples?: readonly PracticeExample[];
	onText: (text: string) => void;
	/** Long sessions: called as each part is read ("part k of n"). */
	onPart?: (index: number, count: number) => void;
	/** Long sessions: the facts read from every part, each with its source span. */
	onFacts?: (facts: SourcedFact[]) => void;
	/** The loaded model's context window, in tokens. */
	contextWindow?: number;
	signal?: AbortSignal;
}

const ANSWER_TOKENS = 1024;
export function draftRequest(input: Pick<DraftInput, 'content' | 'format' | 'examples'>): StructuredRequest<NoteSections> {
	const format = input.format;
	const { jsonSchema, validate } = noteSchema(format);
	return {
		system: draftSystemPrompt(format),
		prompt: draftUserPrompt(input.content, input.examples),
		jsonSchema,
		validate,
		maxTokens: ANSWER_TOKENS,
		temperature: 0.2
	};
}

export async function draftNote(input: DraftInput): Promise<{ sections: NoteSections; draftedWith: string }> {
	const engine = await draftingEngine(input.client);
	let request: StructuredRequest<NoteSections>;
	if (engine.kind === 'outline') {
		request = outlineRequest(input.content, input.format);
	} else {
		request = draftRequest(input);
		const contextWindow = input.contextWindow ?? loadedContextWindow();
		const fixed = estimateTokens(request.system) + estimateTokens(request.prompt);
		if (!fitsContext(fixed, ANSWER_TOKENS, contextWindow)) {
			const facts = await factsFromParts(input, contextWindow);
			input.onFacts?.(facts);
			request = { ...request, prompt: composeUserPrompt(facts.map((f) => f.text), input.examples) };
		}
	}
	const sections = await generateStreaming(request, input.onText, input.signal);
	return { sections, draftedWith: engine.draftedWith };
}
