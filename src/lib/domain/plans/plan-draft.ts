import * as v from 'valibot';
import { AppError } from '../core/app-error';
import { isChapter5Code, normalizeCode } from './icd10';
import type { InstrumentId } from '../instruments/types';
import { NOT_DOCUMENTED } from '../notes/note-formats';
import { splitSentences } from '../notes/outline';
import { addDays, targetProblem, type InstrumentTarget, type PlanProblem } from './treatment-plan';

/**
 * Drafting a treatment plan: a model (or the outline, without one) answers in one structured
 * shape, and `planFromDraft` turns either answer into plan problems the clinician then edits.
 * The model's answer is untrusted: codes, dates and targets are checked again here.
 */

interface DiagnosisRef {
	code: string;
	description: string;
}

const INSTRUMENT_NAMES = ['PHQ-9', 'GAD-7', 'PCL-5', 'AUDIT-C', 'AUDIT'] as const;
const INSTRUMENT_IDS: Readonly<Record<(typeof INSTRUMENT_NAMES)[number], InstrumentId>> = {
	'PHQ-9': 'phq9',
	'GAD-7': 'gad7',
	'PCL-5': 'pcl5',
	'AUDIT-C': 'audit-c',
	AUDIT: 'audit'
};

export function planSystemPrompt(): string {
	return [
		'You draft a treatment plan for a mental health clinician from their intake or session content.',
		'Answer with one JSON object: {"problems": [...]}. Each problem has:',
		'- problem: the presenting problem, in plain clinical words;',
		'- diagnosisCodes: one or more of the client\'s diagnosis codes listed with the content, exactly as written there;',
		'- goals: each with a goal and measurable objectives; an objective has objective (observable and measurable),',
		'  targetWeeks (weeks from today to the target date, or null) and, where it fits, an instrument target:',
		`  instrument (one of ${INSTRUMENT_NAMES.join(', ')}, or null) and below (the total score to get under, or null), e.g. PHQ-9 below 10;`,
		'- interventions: each with intervention, modality (e.g. CBT) and frequency (e.g. weekly).',
		'Rules:',
		'- Use only what the content states. Do not invent diagnoses, codes, medications, scores, dates or frequencies.',
		'- Never use a diagnosis code that is not in the client\'s list.',
		`- Where the content does not say, write exactly "${NOT_DOCUMENTED}" (or null for numbers and instruments).`,
		'- Plain, professional language; no headings inside values.'
	].join('\n');
}

export function planUserPrompt(input: { content: string; diagnoses: readonly DiagnosisRef[] }): string {
	const diagnoses =
		input.diagnoses.length === 0 ? 'None recorded.' : input.diagnoses.map((d) => `- ${d.code} ${d.description}`).join('\n');
	return `The client's diagnoses:\n${diagnoses}\n\nContent:\n${input.content}`;
}

// anyOf with null: the nullable form structured-output grammars handle most widely.
const nullableInteger = { anyOf: [{ type: 'integer' }, { type: 'null' }] };
const string = { type: 'string' };

/** Handed to WebLLM's structured output; small on purpose, as its grammar compiler is slow on large schemas. */
export const planJsonSchema = {
	type: 'object',
	properties: {
		problems: {
			type: 'array',
			items: {
				type: 'object',
				properties: {
					problem: string,
					diagnosisCodes: { type: 'array', items: string },
					goals: {
						type: 'array',
						items: {
							type: 'object',
							properties: {
								goal: string,
								objectives: {
									type: 'array',
									items: {
										type: 'object',
										properties: {
											objective: string,
											targetWeeks: nullableInteger,
											instrument: { anyOf: [{ type: 'string', enum: INSTRUMENT_NAMES }, { type: 'null' }] },
											below: nullableInteger
										},
										required: ['objective', 'targetWeeks', 'instrument', 'below']
									}
								}
							},
							required: ['goal', 'objectives']
						}
					},
					interventions: {
						type: 'array',
						items: {
							type: 'object',
							properties: { intervention: string, modality: string, frequency: string },
							required: ['intervention', 'modality', 'frequency']
						}
					}
				},
				required: ['problem', 'diagnosisCodes', 'goals', 'interventions']
			}
		}
	},
	required: ['problems']
} as const;

const integerOrNull = v.nullable(v.pipe(v.number(), v.integer()));
const draftShape = v.object({
	problems: v.array(
		v.object({
			problem: v.string(),
			diagnosisCodes: v.array(v.string()),
			goals: v.array(
				v.object({
					goal: v.string(),
					objectives: v.array(
						v.object({
							objective: v.string(),
							targetWeeks: integerOrNull,
							instrument: v.nullable(v.picklist(INSTRUMENT_NAMES)),
							below: integerOrNull
						})
					)
				})
			),
			interventions: v.array(v.object({ intervention: v.string(), modality: v.string(), frequency: v.string() }))
		})
	)
});

export type PlanDraft = v.InferOutput<typeof draftShape>;
type DraftObjective = PlanDraft['problems'][number]['goals'][number]['objectives'][number];

export function validatePlanDraft(value: unknown): PlanDraft {
	const result = v.safeParse(draftShape, value);
	// Counts only: the values are model output and may hold PHI.
	if (!result.success) throw new AppError('inference/invalid-output', { shape: 'plan', issues: result.issues.length });
	return result.output;
}

/** "" and blank text become "Not documented", so an empty answer never reads as a finding. */
const textOf = (value: string) => value.trim() || NOT_DOCUMENTED;

function targetOf(objective: DraftObjective): InstrumentTarget | null {
	if (objective.instrument === null || objective.below === null) return null;
	const target = { instrumentId: INSTRUMENT_IDS[objective.instrument], below: objective.below };
	return targetProblem(target) ? null : target;
}

/**
 * The draft as plan problems with fresh ids. A code survives only if it is a chapter 5 code
 * AND one of the client's own diagnoses; an out-of-range target is dropped, not clamped.
 */
export function planFromDraft(
	draft: PlanDraft,
	options: { newId: () => string; today: string; clientDiagnosisCodes: readonly string[] }
): PlanProblem[] {
	const allowed = new Set(options.clientDiagnosisCodes.map(normalizeCode));
	return draft.problems.map((p) => ({
		id: options.newId(),
		text: textOf(p.problem),
		diagnosisCodes: [...new Set(p.diagnosisCodes.map(normalizeCode))].filter((c) => isChapter5Code(c) && allowed.has(c)),
		goals: p.goals.map((g) => ({
			id: options.newId(),
			text: textOf(g.goal),
			objectives: g.objectives.map((o) => ({
				id: options.newId(),
				text: textOf(o.objective),
				targetDate: o.targetWeeks !== null && o.targetWeeks > 0 ? addDays(options.today, o.targetWeeks * 7) : '',
				instrumentTarget: targetOf(o),
				status: 'Not started' as const
			}))
		})),
		interventions: p.interventions.map((i) => ({
			id: options.newId(),
			text: textOf(i.intervention),
			modality: textOf(i.modality),
			frequency: textOf(i.frequency)
		}))
	}));
}

const GOAL_CUE = /\b(goals?|wants? to|would like to|hopes? to|plans? to)\b/i;

/** Modalities by name; acronyms are case-sensitive because "act" is an ordinary word. */
const MODALITIES: readonly (readonly [string, RegExp])[] = [
	['CBT', /\bCBT\b/],
	['DBT', /\bDBT\b/],
	['EMDR', /\bEMDR\b/],
	['ACT', /\bACT\b/],
	['Motivational interviewing', /\bmotivational interviewing\b/i],
	['Exposure', /\bexposure\b/i],
	['Mindfulness', /\bmindfulness\b/i],
	['Family therapy', /\bfamily therapy\b/i],
	['Group therapy', /\bgroup therapy\b/i],
	['Medication management', /\bmedication management\b/i]
];

const FREQUENCIES: readonly (readonly [string, RegExp])[] = [
	['Biweekly', /\bbi-?weekly\b/i],
	['Every two weeks', /\bevery (two|2) weeks\b/i],
	['Weekly', /\bweekly\b/i],
	['Monthly', /\bmonthly\b/i]
];

/**
 * The plan outline (no AI): one problem per diagnosis, goals and interventions from the
 * clinician's own sentences, verbatim. Without a way to tell which problem a sentence is about,
 * every goal and intervention goes under the first problem, for the clinician to move.
 */
export function outlinePlanDraft(content: string, diagnoses: readonly DiagnosisRef[]): PlanDraft {
	const sentences = splitSentences(content).map((s) => s.text);
	const goals = sentences
		.filter((s) => GOAL_CUE.test(s))
		.map((goal) => ({ goal, objectives: [{ objective: NOT_DOCUMENTED, targetWeeks: null, instrument: null, below: null }] }));
	const interventions = MODALITIES.flatMap(([modality, pattern]) => {
		const naming = sentences.filter((s) => pattern.test(s));
		if (naming.length === 0) return [];
		const withFrequency = naming.find((s) => FREQUENCIES.some(([, f]) => f.test(s)));
		const frequency = withFrequency ? FREQUENCIES.find(([, f]) => f.test(withFrequency))![0] : NOT_DOCUMENTED;
		return [{ intervention: withFrequency ?? naming[0]!, modality, frequency }];
	});
	const problems =
		diagnoses.length === 0
			? [{ problem: NOT_DOCUMENTED, diagnosisCodes: [] as string[] }]
			: diagnoses.map((d) => ({ problem: d.description, diagnosisCodes: [d.code] }));
	return {
		problems: problems.map((p, i) => ({ ...p, goals: i === 0 ? goals : [], interventions: i === 0 ? interventions : [] }))
	};
}
