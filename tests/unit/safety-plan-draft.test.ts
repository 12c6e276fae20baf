import { afterEach, describe, expect, it } from 'vitest';
import { draftSafetyPlan } from '$lib/documents/safety/draft-safety-plan';
import { newClient } from '$lib/domain/core/records';
import { emptySteps, type SafetyPlanSteps } from '$lib/domain/safety/safety-plan';
import {
	groundSafetyPlanDraft,
	mergeDraftIntoSteps,
	outlineSafetyPlanDraft,
	safetyPlanJsonSchema,
	safetyPlanSystemPrompt,
	stepsFromDraft,
	validateSafetyPlanDraft
} from '$lib/domain/safety/safety-plan-draft';
import { engineStatus } from '$lib/inference/engine-status.svelte';
import { ScriptedEngine, tokenize } from '../doubles/scripted-engine';
import { codeOf } from './helpers';

const session = [
	'Client: My warning signs are when I stop answering texts and start lying awake all night.',
	'Therapist: We talked about what helps.',
	'Client: Going for a run helps me calm down.',
	'Client: The climbing gym takes my mind off things.',
	'Client: I can call my sister Ana when it gets bad.',
	'Client agreed to give the guns to his brother to lock up.',
	'Client: My daughter is my reason to live.',
	'We reviewed homework from last week.'
].join('\n');

const modelSpec = { modelId: 'scripted-safety', modelUrl: '', modelLibUrl: '', contextWindow: 4096, requiredFeatures: [], vramRequiredMB: 0 };
const steps = (overrides: Partial<SafetyPlanSteps>): SafetyPlanSteps => ({ ...emptySteps(), ...overrides });

afterEach(() => engineStatus.unload());

describe('the safety plan drafting request', () => {
	it('asks for the plan\'s lists in the client\'s plain words, with nothing invented', () => {
		const system = safetyPlanSystemPrompt();
		expect(system).toContain('Do not invent names, phone numbers');
		expect(system).toContain('no clinical terms');
		expect(safetyPlanJsonSchema.required).toEqual(Object.keys(emptySteps()));
	});

	it('accepts an answer of the schema\'s shape and refuses anything else', () => {
		const answer = steps({ warningSigns: ['Not sleeping'], helpers: [{ name: 'Ana', contact: '' }] });
		expect(validateSafetyPlanDraft(answer)).toEqual(answer);
		expect(() => validateSafetyPlanDraft({ ...answer, helpers: ['Ana'] })).toThrow('inference/invalid-output');
		const { reasonsForLiving: _, ...missing } = answer;
		expect(() => validateSafetyPlanDraft(missing)).toThrow('inference/invalid-output');
	});
});

describe('the safety plan outline (no AI)', () => {
	it('places the session\'s own sentences under the step they speak to, without speaker labels', () => {
		expect(outlineSafetyPlanDraft(session)).toEqual(
			steps({
				warningSigns: ['My warning signs are when I stop answering texts and start lying awake all night.'],
				copingStrategies: ['Going for a run helps me calm down.'],
				distractionPlaces: ['The climbing gym takes my mind off things.'],
				helpers: [{ name: 'I can call my sister Ana when it gets bad.', contact: '' }],
				meansSafety: ['Client agreed to give the guns to his brother to lock up.'],
				reasonsForLiving: ['My daughter is my reason to live.']
			})
		);
	});

	it('leaves every step empty when the content says nothing about a safety plan', () => {
		expect(outlineSafetyPlanDraft('We reviewed homework. Mood was better this week.')).toEqual(emptySteps());
	});
});

describe('turning a draft into plan entries', () => {
	it('drops blank and repeated entries and never duplicates the fixed 988 and 911 lines', () => {
		const drafted = stepsFromDraft(
			steps({
				copingStrategies: ['Go for a run', '  ', 'go  for a run'],
				professionals: [
					{ name: '988 Lifeline', contact: 'call 988' },
					{ name: 'Emergency', contact: '911' },
					{ name: 'Dr. Okafor', contact: '' }
				]
			})
		);
		expect(drafted.copingStrategies).toEqual(['Go for a run']);
		expect(drafted.professionals).toEqual([{ name: 'Dr. Okafor', contact: '' }]);
	});

	it('keeps the client\'s own entries first and unchanged, adding only what is new', () => {
		const current = steps({ warningSigns: ['Not sleeping'], helpers: [{ name: 'Ana', contact: '555-0122' }] });
		const merged = mergeDraftIntoSteps(current, steps({ warningSigns: ['not sleeping', 'Skipping meals'], helpers: [{ name: 'ana', contact: '' }] }));
		expect(merged.warningSigns).toEqual(['Not sleeping', 'Skipping meals']);
		expect(merged.helpers).toEqual([{ name: 'Ana', contact: '555-0122' }]);
		expect(current.warningSigns).toEqual(['Not sleeping']);
	});
});

describe('checking drafted entries against the session', () => {
	it('flags an entry whose name or number the session never mentioned, and passes one it supports', () => {
		const flags = groundSafetyPlanDraft(
			session,
			steps({
				copingStrategies: ['Going for a run helps me calm down.'],
				helpers: [
					{ name: 'My sister Ana', contact: '' },
					{ name: 'Uncle Boris', contact: '555-0199' }
				]
			})
		);
		expect(flags.map((f) => [f.step, f.entry])).toEqual([['helpers', 'Uncle Boris, 555-0199']]);
		expect(flags[0]!.reasons.join(' ')).toMatch(/session content|not in/i);
	});
});

describe('pre-drafting a safety plan', () => {
	const consenting = { ...newClient('c1'), aiConsent: { given: true, date: '2026-01-01' } };
	const answer = steps({
		warningSigns: ['I stop answering texts'],
		helpers: [{ name: 'My sister Ana', contact: '' }, { name: 'Uncle Boris', contact: '555-0199' }],
		professionals: [{ name: '988', contact: 'Call or text 988' }]
	});

	it('outlines without a model, needing no AI consent', async () => {
		const result = await draftSafetyPlan({ client: newClient('c2'), content: session, onText: () => undefined });
		expect(result.draftedWith).toBe('outline');
		expect(result.steps.reasonsForLiving).toEqual(['My daughter is my reason to live.']);
	});

	it('refuses to send content to a model for a client without AI consent', async () => {
		await engineStatus.load(new ScriptedEngine({ tokens: tokenize(JSON.stringify(answer)), intervalMs: 0 }), modelSpec);
		let streamed = '';
		const run = draftSafetyPlan({ client: newClient('c2'), content: session, onText: (t) => (streamed = t) });
		expect(await codeOf(run)).toBe('note/no-ai-consent');
		expect(streamed).toBe('');
	});

	it('drafts through the model for a consenting client and flags what the session does not say', async () => {
		await engineStatus.load(new ScriptedEngine({ tokens: tokenize(JSON.stringify(answer)), intervalMs: 0 }), modelSpec);
		const result = await draftSafetyPlan({ client: consenting, content: session, onText: () => undefined });
		expect(result.draftedWith).toBe('scripted-safety');
		expect(result.steps.professionals).toEqual([]);
		expect(result.flags.map((f) => f.entry)).toEqual(['Uncle Boris, 555-0199']);
	});
});
