import * as v from 'valibot';
import { AppError } from '$lib/domain/core/app-error';
import { chunkContent } from '$lib/domain/notes/chunking';
import { factsSystemPrompt, factsUserPrompt } from '$lib/domain/notes/note-prompts';
import { catalogEntry } from '$lib/domain/models/model-catalog';
import type { Client } from '$lib/domain/core/records';
import { estimateTokens } from '$lib/domain/notes/transcript';
import type { Engine, StructuredRequest } from '$lib/inference/engine';
import { engineStatus } from '$lib/inference/engine-status.svelte';

/**
 * What every drafting pipeline (notes, plans, assessment summaries) shares: the consent gate
 * before anything reaches a model, streaming the answer to the page, and reading content longer
 * than the model's context part by part.
 */

/**
 * The engine the draft will run on: the outline when no model is loaded. The consent gate is
 * here, before any prompt is built: no recorded consent to AI-assisted drafting, no model. The
 * outline involves no AI and needs no such consent.
 */
export async function draftingEngine(client: Pick<Client, 'aiConsent'>): Promise<{ kind: Engine['kind']; draftedWith: string }> {
	if (!engineStatus.engine) await engineStatus.useOutline();
	const engine = engineStatus.engine!;
	if (engine.kind === 'webllm' && !client.aiConsent.given) throw new AppError('note/no-ai-consent');
	const current = engineStatus.current;
	const draftedWith = engine.kind === 'outline' ? 'outline' : current.state === 'ready' ? current.modelId : 'model';
	return { kind: engine.kind, draftedWith };
}

/** The loaded model's context window in tokens (from its catalog entry), or a safe 4096. */
export function loadedContextWindow(): number {
	const current = engineStatus.current;
	return (current.state === 'ready' ? catalogEntry(current.modelId)?.contextWindow : undefined) ?? 4096;
}

/** Runs a request, handing the whole answer so far to `onText` as it grows. */
export async function generateStreaming<T>(request: StructuredRequest<T>, onText: (text: string) => void, signal?: AbortSignal): Promise<T> {
	let text = '';
	const result = await engineStatus.generate(
		request,
		(delta) => {
			text += delta;
			onText(text);
		},
		signal
	);
	return result.value;
}

export const FACTS_ANSWER_TOKENS = 700;

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

/** A fact read from one part of the content, with that part's character span in the original. */
export interface SourcedFact {
	text: string;
	start: number;
	end: number;
}

/**
 * Content longer than the model's context is read part by part into facts, and the document is
 * composed from all the facts: nothing is truncated. Each part's prompt fits the window.
 */
export async function factsFromParts(
	source: { content: string; onPart?: (index: number, count: number) => void; signal?: AbortSignal },
	contextWindow: number
): Promise<SourcedFact[]> {
	const overhead = estimateTokens(factsSystemPrompt()) + 50;
	const parts = chunkContent(source.content, contextWindow - overhead - FACTS_ANSWER_TOKENS);
	const facts: SourcedFact[] = [];
	for (const part of parts) {
		source.onPart?.(part.index, parts.length);
		const result = await engineStatus.generate(factsRequest(part.text, part.index, parts.length), () => undefined, source.signal);
		facts.push(...result.value.map((text) => ({ text, start: part.start, end: part.end })));
	}
	return facts;
}
