import type { Assessment } from '$lib/domain/instruments/assessment';
import {
	outlineSummary,
	summaryFacts,
	summaryJsonSchema,
	summarySystemPrompt,
	summaryUserPrompt,
	validateSummary
} from '$lib/domain/instruments/assessment-summary';
import { checkGrounding, type GroundingReport } from '$lib/domain/grounding/check';
import type { Instrument } from '$lib/domain/instruments/types';
import type { Client } from '$lib/domain/core/records';
import type { StructuredRequest } from '$lib/inference/engine';
import { draftingEngine, generateStreaming } from '../common/drafting';

/**
 * Scores over time -> a short interpretation for the record. The numbers are computed first
 * (`summaryFacts`); a model only words them, and every number it writes is checked against the
 * facts. Same consent gate as note drafting: no recorded consent, no model. The outline engine
 * (no AI) answers with the facts themselves.
 */
export interface SummaryInput {
	client: Client;
	instrument: Instrument;
	assessments: readonly Assessment[];
	onText: (text: string) => void;
	signal?: AbortSignal;
}

export interface DraftedSummary {
	summary: string;
	draftedWith: string;
	facts: string;
	grounding: GroundingReport;
}

const ANSWER_TOKENS = 400;

export function summaryRequest(instrument: Instrument, facts: string): StructuredRequest<{ summary: string }> {
	return {
		system: summarySystemPrompt(instrument),
		prompt: summaryUserPrompt(facts),
		jsonSchema: summaryJsonSchema,
		validate: validateSummary,
		maxTokens: ANSWER_TOKENS,
		temperature: 0.2,
		outline: () => outlineSummary(facts)
	};
}

export async function draftAssessmentSummary(input: SummaryInput): Promise<DraftedSummary> {
	const engine = await draftingEngine(input.client);
	const facts = summaryFacts(input.instrument, input.assessments);
	const { summary } = await generateStreaming(summaryRequest(input.instrument, facts), input.onText, input.signal);
	return { summary, draftedWith: engine.draftedWith, facts, grounding: checkGrounding(facts, { summary }) };
}
