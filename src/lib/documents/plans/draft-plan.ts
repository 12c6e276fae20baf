import { fitsContext } from '$lib/domain/notes/chunking';
import {
	outlinePlanDraft,
	planFromDraft,
	planJsonSchema,
	planSystemPrompt,
	planUserPrompt,
	validatePlanDraft,
	type PlanDraft
} from '$lib/domain/plans/plan-draft';
import type { Client } from '$lib/domain/core/records';
import { estimateTokens } from '$lib/domain/notes/transcript';
import type { PlanProblem } from '$lib/domain/plans/treatment-plan';
import type { StructuredRequest } from '$lib/inference/engine';
import { draftingEngine, factsFromParts, generateStreaming, loadedContextWindow } from '../common/drafting';

/**
 * Intake or session content -> drafted plan problems, through whichever engine is loaded,
 * after the consent gate (drafting.ts); the outline engine answers with `outlinePlanDraft`.
 */
export interface DraftPlanInput {
	client: Client;
	content: string;
	onText: (text: string) => void;
	signal?: AbortSignal;
	/** ISO date that target weeks count from. */
	today: string;
	newId: () => string;
	/** The loaded model's context window, in tokens. */
	contextWindow?: number;
	/** Long content: called as each part is read. */
	onPart?: (index: number, count: number) => void;
}

const ANSWER_TOKENS = 1200;

export function planRequest(content: string, client: Pick<Client, 'diagnoses'>): StructuredRequest<PlanDraft> {
	return {
		system: planSystemPrompt(),
		prompt: planUserPrompt({ content, diagnoses: client.diagnoses }),
		jsonSchema: planJsonSchema,
		validate: validatePlanDraft,
		maxTokens: ANSWER_TOKENS,
		temperature: 0.2,
		outline: () => outlinePlanDraft(content, client.diagnoses)
	};
}

export async function draftPlan(input: DraftPlanInput): Promise<{ problems: PlanProblem[]; draftedWith: string }> {
	const engine = await draftingEngine(input.client);
	let request = planRequest(input.content, input.client);
	if (engine.kind === 'webllm') {
		const contextWindow = input.contextWindow ?? loadedContextWindow();
		const fixed = estimateTokens(request.system) + estimateTokens(request.prompt);
		if (!fitsContext(fixed, ANSWER_TOKENS, contextWindow)) {
			const facts = await factsFromParts(input, contextWindow);
			request = planRequest(`Facts from the content, in order:\n${facts.map((f) => `- ${f.text}`).join('\n')}`, input.client);
		}
	}
	const draft = await generateStreaming(request, input.onText, input.signal);
	const problems = planFromDraft(draft, {
		newId: input.newId,
		today: input.today,
		clientDiagnosisCodes: input.client.diagnoses.map((d) => d.code)
	});
	return { problems, draftedWith: engine.draftedWith };
}
