import * as v from 'valibot';
import { AppError } from '$lib/domain/app-error';
import { chunkContent, fitsContext } from '$lib/domain/chunking';
import { factsSystemPrompt, factsUserPrompt } from '$lib/domain/note-prompts';
import {
	outlinePlanDraft,
	planFromDraft,
	planJsonSchema,
	planSystemPrompt,
	planUserPrompt,
	validatePlanDraft,
	type PlanDraft
} from '$lib/domain/plan-draft';
import type { Client } from '$lib/domain/records';
import { estimateTokens } from '$lib/domain/transcript';
import type { PlanProblem } from '$lib/domain/treatment-plan';
import type { StructuredRequest } from '$lib/inference/engine';
import { engineStatus } from '$lib/inference/engine-status.svelte';

/**
 * Intake or session content -> drafted plan problems, through whichever engine is loaded.
 * As with notes, the consent gate comes before anything reaches a model; the outline engine
 * (no AI) needs no consent and answers with `outlinePlanDraft`.
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
const FACTS_ANSWER_TOKENS = 700;

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

const factsShape = v.object({ facts: v.array(v.string()) });

/**
 * Content longer than the context is read part by part into facts (as draft-note does, which
 * does not export its reader), and the plan is drafted from all of them: nothing is cut.
 */
async function factsFromParts(input: DraftPlanInput, contextWindow: number): Promise<string[]> {
	const overhead = estimateTokens(factsSystemPrompt()) + 50;
	const parts = chunkContent(input.content, contextWindow - overhead - FACTS_ANSWER_TOKENS);
	const facts: string[] = [];
	for (const part of parts) {
		input.onPart?.(part.index, parts.length);
		const request: StructuredRequest<string[]> = {
			system: factsSystemPrompt(),
			prompt: factsUserPrompt(part.text, part.index, parts.length),
			jsonSchema: { type: 'object', properties: { facts: { type: 'array', items: { type: 'string' } } }, required: ['facts'] },
			validate: (value) => {
				const parsed = v.safeParse(factsShape, value);
				if (!parsed.success) throw new AppError('inference/invalid-output', { part: part.index });
				return parsed.output.facts;
			},
			maxTokens: FACTS_ANSWER_TOKENS,
			temperature: 0
		};
		facts.push(...(await engineStatus.generate(request, () => undefined, input.signal)).value);
	}
	return facts;
}

export async function draftPlan(input: DraftPlanInput): Promise<{ problems: PlanProblem[]; draftedWith: string }> {
	if (!engineStatus.engine) await engineStatus.useOutline();
	const engine = engineStatus.engine!;
	const current = engineStatus.current;
	if (engine.kind === 'webllm' && !input.client.aiConsent.given) throw new AppError('note/no-ai-consent');
	let request = planRequest(input.content, input.client);
	if (engine.kind === 'webllm') {
		const contextWindow = input.contextWindow ?? 4096;
		const fixed = estimateTokens(request.system) + estimateTokens(request.prompt);
		if (!fitsContext(fixed, ANSWER_TOKENS, contextWindow)) {
			const facts = await factsFromParts(input, contextWindow);
			request = planRequest(`Facts from the content, in order:\n${facts.map((f) => `- ${f}`).join('\n')}`, input.client);
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
	const problems = planFromDraft(result.value, {
		newId: input.newId,
		today: input.today,
		clientDiagnosisCodes: input.client.diagnoses.map((d) => d.code)
	});
	const draftedWith = engine.kind === 'outline' ? 'outline' : current.state === 'ready' ? current.modelId : 'model';
	return { problems, draftedWith };
}
