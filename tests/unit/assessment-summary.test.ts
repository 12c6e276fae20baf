import { afterEach, describe, expect, it } from 'vitest';
import type { Assessment } from '$lib/domain/instruments/assessment';
import {
	outlineSummary,
	summaryFacts,
	summaryJsonSchema,
	summarySystemPrompt,
	summaryUserPrompt,
	validateSummary
} from '$lib/domain/instruments/assessment-summary';
import { checkGrounding } from '$lib/domain/grounding/check';
import { instrument } from '$lib/domain/instruments/registry';
import type { Answers, Instrument, ScoringContext } from '$lib/domain/instruments/types';
import { newClient } from '$lib/domain/core/records';
import { draftAssessmentSummary } from '$lib/documents/instruments/draft-assessment-summary';
import { engineStatus } from '$lib/inference/engine-status.svelte';
import { ScriptedEngine, tokenize } from '../doubles/scripted-engine';
import { codeOf } from './helpers';

const PHQ9 = instrument('phq9');
const PCL5 = instrument('pcl5');
const AUDIT_C = instrument('audit-c');
const CSSRS = instrument('cssrs-screener');

let next = 0;
/** An administration scored by the instrument itself, as the app stores it. */
function administered(inst: Instrument, answers: Answers, date: string, context: ScoringContext = {}): Assessment {
	next += 1;
	return {
		id: `a${next}`,
		clientId: 'c1',
		sessionId: null,
		instrumentId: inst.id,
		answers,
		context,
		administeredAt: `${date}T12:00:00.000Z`,
		administeredBy: 'client',
		result: inst.score(answers, context)
	};
}

/** PHQ-9 answers adding up to `total`, with item 9 answered `item9`. */
function phq9(total: number, item9 = 0): Answers {
	const answers: Record<string, number> = { '9': item9 };
	let left = total - item9;
	for (const id of ['1', '2', '3', '4', '5', '6', '7', '8']) {
		answers[id] = Math.min(3, left);
		left -= answers[id];
	}
	return answers;
}

const history = () => [administered(PHQ9, phq9(20), '2026-01-05'), administered(PHQ9, phq9(14, 1), '2026-03-02')];

describe('the facts of an assessment summary', () => {
	it('states the latest score, the baseline, the change and the PHQ-9 rules, one sentence a line', () => {
		expect(summaryFacts(PHQ9, history()).split('\n')).toEqual([
			'PHQ-9 total score 14 (Moderate) on 2026-03-02.',
			'Baseline 20 (Severe) on 2026-01-05.',
			'Change from baseline: 6 points lower (30% lower).',
			'Response (a drop of 50% or more from baseline) was not reached at the latest administration.',
			'Remission (a score under 5) was not reached at the latest administration.',
			'Finding: Item 9 (thoughts of death or self-harm) answered Several days (1): a same-day risk assessment is needed.',
			'Item 9 (thoughts that you would be better off dead or of hurting yourself in some way): Several days (1) on 2026-03-02.'
		]);
	});

	it('lists every total in order when there are more than two', () => {
		const facts = summaryFacts(PHQ9, [...history(), administered(PHQ9, phq9(4), '2026-04-06')]);
		expect(facts).toContain('Totals in order: 20 on 2026-01-05, 14 on 2026-03-02, 4 on 2026-04-06.');
		expect(facts).toContain('Change from baseline: 16 points lower (80% lower).');
		expect(facts).toContain('Response (a drop of 50% or more from baseline) was reached at the latest administration.');
		expect(facts).toContain('Remission (a score under 5) was reached at the latest administration.');
	});

	it('cuts a percentage rather than rounding it up to a threshold', () => {
		const facts = summaryFacts(PHQ9, [administered(PHQ9, phq9(27, 3), '2026-01-05'), administered(PHQ9, phq9(14), '2026-02-02')]);
		expect(facts).toContain('Change from baseline: 13 points lower (48.1% lower).');
		expect(facts).toContain('not reached');
	});

	it('gives the PCL-5 clusters and the provisional pattern', () => {
		const answers = Object.fromEntries(PCL5.items.map((item, i) => [item.id, i < 14 ? 3 : 1]));
		const facts = summaryFacts(PCL5, [administered(PCL5, answers, '2026-02-02')]);
		expect(facts).toContain('PCL-5 total score 48 (At or above cut-off) on 2026-02-02.');
		expect(facts).toContain('Cluster B (intrusion): sum 15; 5 of 5 items rated 2 or more.');
		expect(facts).toContain('Cluster E (alterations in arousal and reactivity): sum 6; 0 of 6 items rated 2 or more.');
		expect(facts).toContain('Provisional DSM-5 PTSD pattern not met');
		expect(facts).not.toContain('Response');
	});

	it('names the AUDIT-C cut-off that was used', () => {
		const facts = summaryFacts(AUDIT_C, [administered(AUDIT_C, { '1': 1, '2': 1, '3': 1 }, '2026-02-02', { sex: 'female' })]);
		expect(facts).toContain('Finding: Positive screen (women: 3 or more).');
	});

	it('gives the C-SSRS risk level, with earlier levels, instead of a total', () => {
		const earlier = administered(CSSRS, { '1': 1, '2': 0, '6': 0 }, '2026-01-05');
		const latest = administered(CSSRS, { '1': 1, '2': 0, '6': 1, '6b': 1 }, '2026-03-02');
		expect(summaryFacts(CSSRS, [latest, earlier]).split('\n')).toEqual([
			'C-SSRS screener risk level: High risk on 2026-03-02.',
			'Earlier: Low risk on 2026-01-05.',
			'Finding: High risk: yes to questions 1 and 6, within the past 3 months.'
		]);
	});

	it('written out without a model, leaves the grounding check nothing to flag for any instrument', () => {
		const everyItem = (inst: Instrument, value: (i: number) => number) =>
			Object.fromEntries(inst.items.filter((i) => i.scored).map((item, i) => [item.id, item.options[Math.min(value(i), item.options.length - 1)]!.value]));
		const men: ScoringContext = { sex: 'male' };
		for (const inst of [PHQ9, instrument('gad7'), PCL5, AUDIT_C, instrument('audit')]) {
			const given = [
				administered(inst, everyItem(inst, () => 0), '2026-01-05', men),
				administered(inst, everyItem(inst, () => 3), '2026-02-02', men),
				administered(inst, everyItem(inst, (i) => i % 2), '2026-03-02', men)
			];
			for (const count of [1, 2, 3]) {
				const facts = summaryFacts(inst, given.slice(0, count));
				expect(checkGrounding(facts, outlineSummary(facts)).flaggedCount, `${inst.name}, ${count}`).toBe(0);
			}
		}
		const cssrs = [administered(CSSRS, { '1': 1, '2': 1, '3': 1, '4': 0, '5': 0, '6': 1, '6b': 0 }, '2026-02-02')];
		const facts = summaryFacts(CSSRS, cssrs);
		expect(checkGrounding(facts, outlineSummary(facts)).flaggedCount).toBe(0);
	});

	it('says when the instrument was never given', () => {
		expect(summaryFacts(PHQ9, [])).toBe('No PHQ-9 administrations are recorded.');
	});
});

describe('the summary prompt and its answer', () => {
	it('forbids new numbers, diagnoses and risk statements, and hands over only the facts', () => {
		const system = summarySystemPrompt(PHQ9);
		expect(system).toContain('PHQ-9');
		expect(system).toContain('3 to 6 sentences');
		expect(system).toContain('Every number you write');
		expect(system).toContain('Do not add diagnoses');
		expect(system).toContain('Say nothing about risk or safety beyond what the facts state');
		expect(summaryUserPrompt('PHQ-9 total score 14 (Moderate) on 2026-03-02.')).toBe('Facts:\nPHQ-9 total score 14 (Moderate) on 2026-03-02.');
		expect(summaryJsonSchema).toMatchObject({ required: ['summary'], additionalProperties: false });
	});

	it('accepts one non-empty summary and refuses anything else', () => {
		expect(validateSummary({ summary: ' Scores fell. ' })).toEqual({ summary: 'Scores fell.' });
		for (const bad of [{ summary: '  ' }, { summary: 'x', extra: 1 }, { text: 'x' }, 'x', null]) {
			expect(() => validateSummary(bad)).toThrow(expect.objectContaining({ code: 'inference/invalid-output' }));
		}
	});

	it('without a model, is the facts word for word', () => {
		expect(outlineSummary('Line one.\nLine two.\n')).toEqual({ summary: 'Line one. Line two.' });
	});
});

describe('drafting an assessment summary', () => {
	const modelSpec = { modelId: 'scripted', modelUrl: '', modelLibUrl: '', contextWindow: 4096, requiredFeatures: [], vramRequiredMB: 0 };
	const consented = { ...newClient('c1'), name: 'Consented', aiConsent: { given: true, date: '2026-11-01' } };
	const scripted = (summary: string) => new ScriptedEngine({ tokens: tokenize(JSON.stringify({ summary })), intervalMs: 0 });

	afterEach(() => engineStatus.unload());

	it('without a model writes the facts, and every number in them is grounded', async () => {
		let streamed = '';
		const result = await draftAssessmentSummary({ client: newClient('c2'), instrument: PHQ9, assessments: history(), onText: (t) => (streamed = t) });
		expect(result.draftedWith).toBe('outline');
		expect(result.summary).toBe(outlineSummary(result.facts).summary);
		expect(result.summary).toContain('6 points lower (30% lower)');
		expect(streamed).toContain('"summary"');
		expect(result.grounding.flaggedCount).toBe(0);
	});

	it('flags a number the model wrote that is not in the facts', async () => {
		await engineStatus.load(scripted('The PHQ-9 total score was 17 (Moderate) on 2026-03-02, down from a baseline of 20.'), modelSpec);
		const result = await draftAssessmentSummary({ client: consented, instrument: PHQ9, assessments: history(), onText: () => undefined });
		expect(result.draftedWith).toBe('scripted');
		const numbers = result.grounding.sentences.flatMap((s) => s.flags).filter((f) => f.kind === 'number');
		expect(numbers.map((f) => f.text)).toEqual(['17']);
	});

	it('does not flag the numbers the facts give', async () => {
		await engineStatus.load(scripted('The PHQ-9 total score was 14 (Moderate) on 2026-03-02, 6 points lower than the baseline of 20.'), modelSpec);
		const result = await draftAssessmentSummary({ client: consented, instrument: PHQ9, assessments: history(), onText: () => undefined });
		expect(result.grounding.sentences.flatMap((s) => s.flags).filter((f) => f.kind === 'number')).toEqual([]);
	});

	it('refuses to send scores to a model for a client without AI consent', async () => {
		await engineStatus.load(scripted('Anything.'), modelSpec);
		let streamed = '';
		const input = { client: newClient('c3'), instrument: PHQ9, assessments: history(), onText: (t: string) => (streamed = t) };
		expect(await codeOf(draftAssessmentSummary(input))).toBe('note/no-ai-consent');
		expect(streamed).toBe('');
	});
});
