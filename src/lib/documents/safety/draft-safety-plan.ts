import { fitsContext } from '$lib/domain/notes/chunking';
import type { Client } from '$lib/domain/core/records';
import type { SafetyPlanSteps } from '$lib/domain/safety/safety-plan';
import {
	groundSafetyPlanDraft,
	outlineSafetyPlanDraft,
	safetyPlanJsonSchema,
	safetyPlanSystemPrompt,
	safetyPlanUserPrompt,
	stepsFromDraft,
	validateSafetyPlanDraft,
	type SafetyPlanDraft,
	type SafetyPlanFlag
} from '$lib/domain/safety/safety-plan-draft';
import { estimateTokens } from '$lib/domain/notes/transcript';
import type { StructuredRequest } from '$lib/inference/engine';
import { draftingEngine, factsFromParts, generateStreaming, loadedContextWindow } from '../common/drafting';

/**
 * Session content -> a pre-drafted safety plan, through whichever engine is loaded, after the
 * consent gate (drafting.ts); the outline engine answers with `outlineSafetyPlanDraft`. Every
 * entry is checked against the original content, whichever engine drafted it.
 */
export interface DraftSafetyPlanInput {
	client: Pick<Client, 'aiConsent'>;
	content: string;
	onText: (text: string) => void;
	signal?: AbortSignal;
	/** The loaded model's context window, in tokens. */
	contextWindow?: number;
	/** Long content: called as each part is read. */
	onPart?: (index: number, count: number) => void;
}

export interface DraftedSafetyPlan {
	steps: SafetyPlanSteps;
	/** Entries the session content does not support, with the reasons. */
	flags: SafetyPlanFlag[];
	draftedWith: string;
}

const ANSWER_TOKENS = 900;

export function safetyPlanRequest(content: string, outlineFrom: string = content): StructuredRequest<SafetyPlanDraft> {
	return {
		system: safetyPlanSystemPrompt(),
		prompt: safetyPlanUserPrompt(content),
		jsonSchema: safetyPlanJsonSchema,
		validate: validateSafetyPlanDraft,
		maxTokens: ANSWER_TOKENS,
		temperature: 0.2,
		outline: () => outlineSafetyPlanDraft(outlineFrom)
	};
}

export async function draftSafetyPlan(input: DraftSafetyPlanInput): Promise<DraftedSafetyPlan> {
	const engine = await draftingEngine(input.client);
	let request = safetyPlanRequest(input.content);
	if (engine.kind === 'webllm') {
		const contextWindow = input.contextWindow ?? loadedContextWindow();
		const fixed = estimateTokens(request.system) + estimateTokens(request.prompt);
		if (!fitsContext(fixed, ANSWER_TOKENS, contextWindow)) {
			const facts = await factsFromParts(input, contextWindow);
			request = safetyPlanRequest(`Facts from the content, in order:\n${facts.map((f) => `- ${f.text}`).join('\n')}`, input.content);
		}
	}
	const draft = await generateStreaming(request, input.onText, input.signal);
	const steps = stepsFromDraft(draft);
	// Grounded against what was said in the session, not against the facts read from it.
	return { steps, flags: groundSafetyPlanDraft(input.content, steps), draftedWith: engine.draftedWith };
}
