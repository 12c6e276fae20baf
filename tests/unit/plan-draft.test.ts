import { afterEach, describe, expect, it } from 'vitest';
import { draftPlan } from '$lib/documents/plans/draft-plan';
import {
	outlinePlanDraft,
	planFromDraft,
	planJsonSchema,
	planSystemPrompt,
	planUserPrompt,
	validatePlanDraft,
	type PlanDraft
} from '$lib/domain/plans/plan-draft';
import { newClient } from '$lib/domain/core/records';
import { estimateTokens } from '$lib/domain/notes/transcript';
import type { Engine, GenerateResult, StructuredRequest } from '$lib/inference/engine';
import { engineStatus } from '$lib/inference/engine-status.svelte';
import { ScriptedEngine, tokenize } from '../doubles/scripted-engine';
import { codeOf } from './helpers';

const diagnoses = [
	{ code: 'F33.1', description: 'Major depressive disorder, recurrent, moderate' },
	{ code: 'F41.1', description: 'Generalized anxiety disorder' }
];
const intake = [
	'Client reports low mood and poor sleep for three months.',
	'Client: I want to get back to work. My goal is to sleep through the night.',
	'Therapist: We agreed on weekly CBT sessions focused on behavioral activation.',
	'Mindfulness practice was introduced. Client hopes to reconnect with friends.',
	'Medication management is with her PCP.'
].join('\n');

const modelSpec = { modelId: 'scripted-plan', modelUrl: '', modelLibUrl: '', contextWindow: 4096, requiredFeatures: [], vramRequiredMB: 0 };
const counter = () => {
	let n = 0;
	return () => `id-${++n}`;
};

const modelAnswer: PlanDraft = {
	problems: [
		{
			problem: 'Depressed mood with insomnia',
			diagnosisCodes: ['F33.1', 'F43.10', 'Z63.0', 'f41.1'],
			goals: [
				{
					goal: 'Improve mood',
					objectives: [
						{ objective: 'PHQ-9 under 10', targetWeeks: 12, instrument: 'PHQ-9', below: 10 },
						{ objective: 'Sleep 7 hours', targetWeeks: null, instrument: 'GAD-7', below: 30 }
					]
				}
			],
			interventions: [{ intervention: 'Behavioral activation', modality: 'CBT', frequency: 'Weekly' }]
		}
	]
};

afterEach(() => engineStatus.unload());

describe('the plan drafting prompt', () => {
	it('asks for problems linked to the client\'s codes, measurable objectives, and nothing invented', () => {
		const system = planSystemPrompt();
		expect(system).toContain('Not documented');
		expect(system).toContain('Never use a diagnosis code that is not in the client\'s list.');
		expect(system).toContain('PHQ-9 below 10');
		const prompt = planUserPrompt({ content: intake, diagnoses });
		expect(prompt).toContain('- F33.1 Major depressive disorder, recurrent, moderate');
		expect(prompt).toContain(intake);
		expect(planUserPrompt({ content: 'x', diagnoses: [] })).toContain('None recorded.');
	});

	it('accepts an answer of the schema\'s shape and refuses anything else', () => {
		expect(validatePlanDraft(modelAnswer)).toEqual(modelAnswer);
		const badInstrument = structuredClone(modelAnswer) as unknown as { problems: { goals: { objectives: { instrument: string }[] }[] }[] };
		badInstrument.problems[0]!.goals[0]!.objectives[0]!.instrument = 'BDI-II';
		expect(() => validatePlanDraft(badInstrument)).toThrow('inference/invalid-output');
		const fractionalWeeks = structuredClone(modelAnswer);
		fractionalWeeks.problems[0]!.goals[0]!.objectives[0]!.targetWeeks = 2.5;
		expect(() => validatePlanDraft(fractionalWeeks)).toThrow('inference/invalid-output');
		expect(() => validatePlanDraft({ problems: 'none' })).toThrow('inference/invalid-output');
		expect(Object.keys(planJsonSchema.properties)).toEqual(['problems']);
	});
});

describe('turning a draft into plan problems', () => {
	const problems = planFromDraft(modelAnswer, { newId: counter(), today: '2026-03-02', clientDiagnosisCodes: ['F33.1', 'F41.1', 'Z63.0'] });
	const objectives = problems[0]!.goals[0]!.objectives;

	it('keeps only chapter 5 codes that are among the client\'s diagnoses', () => {
		// F43.10 is not the client's; Z63.0 is the client's but not a mental disorder code.
		expect(problems[0]!.diagnosisCodes).toEqual(['F33.1', 'F41.1']);
	});

	it('turns target weeks into a date from today and instrument names into targets', () => {
		expect(objectives[0]).toMatchObject({ targetDate: '2026-05-25', instrumentTarget: { instrumentId: 'phq9', below: 10 }, status: 'Not started' });
		expect(objectives[1]!.targetDate).toBe('');
	});

	it('drops a target outside the instrument\'s range instead of keeping it', () => {
		expect(objectives[1]!.instrumentTarget).toBeNull();
	});

	it('gives every item a fresh id', () => {
		const ids = [problems[0]!.id, problems[0]!.goals[0]!.id, ...objectives.map((o) => o.id), problems[0]!.interventions[0]!.id];
		expect(new Set(ids).size).toBe(5);
		expect(problems[0]!.interventions[0]).toMatchObject({ text: 'Behavioral activation', modality: 'CBT', frequency: 'Weekly' });
	});
});

describe('the plan outline (no AI)', () => {
	it('makes one problem per diagnosis and takes goals and interventions from the clinician\'s sentences', () => {
		const draft = outlinePlanDraft(intake, diagnoses);
		expect(draft.problems.map((p) => [p.problem, p.diagnosisCodes])).toEqual([
			['Major depressive disorder, recurrent, moderate', ['F33.1']],
			['Generalized anxiety disorder', ['F41.1']]
		]);
		const first = draft.problems[0]!;
		expect(first.goals.map((g) => g.goal)).toEqual([
			'Client: I want to get back to work.',
			'My goal is to sleep through the night.',
			'Client hopes to reconnect with friends.'
		]);
		expect(first.goals[0]!.objectives).toEqual([{ objective: 'Not documented', targetWeeks: null, instrument: null, below: null }]);
		expect(first.interventions).toEqual([
			{ intervention: 'Therapist: We agreed on weekly CBT sessions focused on behavioral activation.', modality: 'CBT', frequency: 'Weekly' },
			{ intervention: 'Mindfulness practice was introduced.', modality: 'Mindfulness', frequency: 'Not documented' },
			{ intervention: 'Medication management is with her PCP.', modality: 'Medication management', frequency: 'Not documented' }
		]);
		expect(validatePlanDraft(draft)).toEqual(draft);
	});

	it('writes "Not documented" for the problem when the client has no diagnosis, and reads acronyms only in capitals', () => {
		const draft = outlinePlanDraft('We will act on the plan every two weeks. ACT every two weeks.', []);
		expect(draft.problems).toHaveLength(1);
		expect(draft.problems[0]).toMatchObject({ problem: 'Not documented', diagnosisCodes: [] });
		expect(draft.problems[0]!.interventions).toEqual([{ intervention: 'ACT every two weeks.', modality: 'ACT', frequency: 'Every two weeks' }]);
	});
});

describe('drafting a plan', () => {
	const consenting = { ...newClient('c1'), name: 'Consented', diagnoses, aiConsent: { given: true, date: '2026-01-01' } };

	it('outlines the plan without a model, with no consent needed', async () => {
		const client = { ...consenting, aiConsent: { given: false, date: '' } };
		let streamed = '';
		const result = await draftPlan({ client, content: intake, onText: (t) => (streamed = t), today: '2026-03-02', newId: counter() });
		expect(result.draftedWith).toBe('outline');
		expect(result.problems.map((p) => p.diagnosisCodes)).toEqual([['F33.1'], ['F41.1']]);
		expect(result.problems[0]!.goals).toHaveLength(3);
		expect(result.problems[0]!.interventions.map((i) => i.modality)).toEqual(['CBT', 'Mindfulness', 'Medication management']);
		expect(JSON.parse(streamed)).toEqual(outlinePlanDraft(intake, diagnoses));
	});

	it('refuses to send content to a model for a client without AI consent', async () => {
		await engineStatus.load(new ScriptedEngine({ tokens: tokenize(JSON.stringify(modelAnswer)), intervalMs: 0 }), modelSpec);
		let streamed = '';
		const client = { ...consenting, aiConsent: { given: false, date: '' } };
		const run = draftPlan({ client, content: intake, onText: (t) => (streamed = t), today: '2026-03-02', newId: counter() });
		expect(await codeOf(run)).toBe('note/no-ai-consent');
		expect(streamed).toBe('');
	});

	it('drafts through the model for a consenting client and checks its codes and targets', async () => {
		await engineStatus.load(new ScriptedEngine({ tokens: tokenize(JSON.stringify(modelAnswer)), intervalMs: 0 }), modelSpec);
		const result = await draftPlan({ client: consenting, content: intake, onText: () => undefined, today: '2026-03-02', newId: counter() });
		expect(result.draftedWith).toBe('scripted-plan');
		expect(result.problems[0]!.diagnosisCodes).toEqual(['F33.1', 'F41.1']);
		expect(result.problems[0]!.goals[0]!.objectives[1]!.instrumentTarget).toBeNull();
	});

	it('reads content longer than the context part by part and drafts from every part', async () => {
		const engine = new FactsThenPlanEngine();
		await engineStatus.load(engine, modelSpec);
		const lines = Array.from({ length: 900 }, (_, i) => `Client: marker${i} talked about sleep, work and family this week.`);
		const parts: string[] = [];
		const result = await draftPlan({
			client: consenting,
			content: lines.join('\n'),
			onText: () => undefined,
			onPart: (k, n) => parts.push(`${k + 1}/${n}`),
			today: '2026-03-02',
			newId: counter(),
			contextWindow: 4096
		});
		const factRequests = engine.requests.slice(0, -1);
		expect(factRequests.length).toBeGreaterThan(2);
		expect(parts).toHaveLength(factRequests.length);
		for (const request of factRequests) {
			expect(estimateTokens(request.system) + estimateTokens(request.prompt) + (request.maxTokens ?? 0)).toBeLessThanOrEqual(4096);
		}
		const planPrompt = engine.requests.at(-1)!.prompt;
		expect(planPrompt).toContain('marker0 ');
		expect(planPrompt).toContain('marker899 ');
		expect(result.problems[0]!.text).toBe('Depressed mood with insomnia');
	});
});

/** Answers a facts request with each line's first two words, and the plan request with `modelAnswer`. */
class FactsThenPlanEngine implements Engine {
	readonly kind = 'webllm';
	readonly requests: StructuredRequest<unknown>[] = [];
	async load(): Promise<void> {}
	async unload(): Promise<void> {}
	async generate<T>(request: StructuredRequest<T>, onDelta: (text: string) => void): Promise<GenerateResult<T>> {
		this.requests.push(request as StructuredRequest<unknown>);
		const isFacts = 'facts' in (request.jsonSchema as { properties: object }).properties;
		const lines = request.prompt.split('\n').slice(1).filter(Boolean);
		const value = isFacts ? { facts: lines.map((line) => line.split(' ').slice(0, 2).join(' ') + ' ') } : modelAnswer;
		const text = JSON.stringify(value);
		onDelta(text);
		return { value: request.validate(value), text, promptTokens: 0, completionTokens: 0 };
	}
}
