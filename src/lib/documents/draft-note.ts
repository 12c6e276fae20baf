import * as v from 'valibot';
import { AppError } from '$lib/domain/app-error';
import { chunkContent, fitsContext } from '$lib/domain/chunking';
import type { NoteFormat } from '$lib/domain/note-formats';
import {
	composeUserPrompt,
	draftSystemPrompt,
	draftUserPrompt,
	factsSystemPrompt,
	factsUserPrompt,
	type PracticeExample
} from '$lib/domain/note-prompts';
import { estimateTokens } from '$lib/domain/transcript';
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
const FACTS_ANSWER_TOKENS = 700;

const factsShape = v.object({ facts: v.array(v.string()) });
const factsRequest = (part: string, index: number, count: number): StructuredRequest<string[]> => ({
	system: factsSystemPrompt(),
	prompt: factsUserPrompt(part, index, count),
	jsonSchema: { type: 'object', properties: { facts: { type: 'array', items: { type: 'string' } } }, required: ['facts'] },
	validate: (value) => {
		const parsed = v.safeParse(factsShape, value);
		if (!parsed.success) throw new AppError('inference/invalid-output', { part: index });
		return parsed.output.facts;
	},
	maxTokens: FACTS_ANSWER_TOKENS,
	temperature: 0
});

/**
 * Content longer than the model's context is read part by part into facts, and the note is
 * composed from all the facts: nothing is truncated. Each part's prompt fits the window.
 */
/** A fact read from one part of the content, with that part's character span in the original. */
export interface SourcedFact {
	text: string;
	start: number;
	end: number;
}

async function factsFromParts(input: DraftInput, contextWindow: number): Promise<SourcedFact[]> {
	const overhead = estimateTokens(factsSystemPrompt()) + 50;
	const parts = chunkContent(input.content, contextWindow - overhead - FACTS_ANSWER_TOKENS);
	const facts: SourcedFact[] = [];
	for (const part of parts) {
		input.onPart?.(part.index, parts.length);
		const result = await engineStatus.generate(factsRequest(part.text, part.index, parts.length), () => undefined, input.signal);
		facts.push(...result.value.map((text) => ({ text, start: part.start, end: part.end })));
	}
	return facts;
}

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
	if (!engineStatus.engine) await engineStatus.useOutline();
	const engine = engineStatus.engine!;
	const current = engineStatus.current;
	if (engine.kind === 'webllm' && !input.client.aiConsent.given) throw new AppError('note/no-ai-consent');
	let request: StructuredRequest<NoteSections>;
	if (engine.kind === 'outline') {
		request = outlineRequest(input.content, input.format);
	} else {
		request = draftRequest(input);
		const contextWindow = input.contextWindow ?? 4096;
		const fixed = estimateTokens(request.system) + estimateTokens(request.prompt);
		if (!fitsContext(fixed, ANSWER_TOKENS, contextWindow)) {
			const facts = await factsFromParts(input, contextWindow);
			input.onFacts?.(facts);
			request = { ...request, prompt: composeUserPrompt(facts.map((f) => f.text), input.examples) };
		}
	}
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
