import llama3Tokenizer from 'llama3-tokenizer-js';
import type { Assessment } from '$lib/domain/instruments/assessment';
import { trendOf } from '$lib/domain/instruments/assessment-trend';
import { summaryFacts, summaryJsonSchema, summarySystemPrompt } from '$lib/domain/instruments/assessment-summary';
import { searchDiagnoses } from '$lib/domain/plans/icd10';
import { PHQ9 } from '$lib/domain/instruments/phq9';
import { planJsonSchema, planSystemPrompt } from '$lib/domain/plans/plan-draft';
import { diffPlans } from '$lib/domain/plans/plan-diff';
import { planToFhirBundle } from '$lib/domain/plans/plan-fhir';
import { planBlocks, type PlanDocument } from '$lib/domain/plans/plan-document';
import { newGoal, newIntervention, newObjective, newPlan, newProblem, type TreatmentPlan } from '$lib/domain/plans/treatment-plan';
import { blocksToPdf } from '$lib/documents/common/pdf-blocks';
import { mulberry32 } from './data';

/** Typing in the diagnosis picker: one search per keystroke must fit well inside a frame. */
export const ICD_SEARCH_BUDGET_MS = 16;
/** A plan PDF is built on a click; a large plan must still arrive within a second. */
export const PLAN_PDF_BUDGET_MS = 1000;

const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (n: number) => Math.round(n * 100) / 100;

function time<T>(fn: () => T): { ms: number; value: T } {
	const t = performance.now();
	const value = fn();
	return { ms: performance.now() - t, value };
}

/** A plan far larger than a real one: 10 problems, 5 goals each, 4 objectives per goal. */
function largePlan(): TreatmentPlan {
	let n = 0;
	const id = () => `id-${n++}`;
	const plan = newPlan('plan-1', 'client-1', '2026-01-05', 'Dr. Bench');
	plan.problems = Array.from({ length: 10 }, (_, p) => ({
		...newProblem(id()),
		text: `Problem ${p + 1}: depressed mood with sleep disturbance and withdrawal from work and friends`,
		diagnosisCodes: ['F33.1'],
		goals: Array.from({ length: 5 }, (_, g) => ({
			...newGoal(id()),
			text: `Goal ${g + 1}: return to a steady routine of work, sleep and contact with friends`,
			objectives: Array.from({ length: 4 }, (_, o) => ({
				...newObjective(id()),
				text: `Objective ${o + 1}: practise the agreed skill at least four days a week and record it`,
				targetDate: '2026-04-01',
				instrumentTarget: o === 0 ? { instrumentId: 'phq9' as const, below: 10 } : null
			}))
		})),
		interventions: [{ ...newIntervention(id()), text: 'Behavioural activation', modality: 'CBT', frequency: 'Weekly' }]
	}));
	return plan;
}

export async function benchMeasurement(log: (message: string) => void) {
	// ICD-10-CM search, as typed into the picker: every prefix of each query.
	const queries = ['F33.1', 'f331', 'major depressive recurrent', 'generalized anxiety', 'PTSD', 'alcohol use disorder mild', 'F10', 'bipolar', 'adhd combined', 'insomnia'];
	const searchMs: number[] = [];
	for (let round = 0; round < 5; round++) {
		for (const q of queries) for (let i = 1; i <= q.length; i++) searchMs.push(time(() => searchDiagnoses(q.slice(0, i))).ms);
	}
	const icd = { searches: searchMs.length, p95Ms: round(percentile(searchMs, 95)), maxMs: round(Math.max(...searchMs)) };
	log(`ICD-10 search: p95 ${icd.p95Ms} ms over ${icd.searches} keystrokes`);

	// Scoring and trends: 200 PHQ-9 administrations of one client, scored in code.
	const random = mulberry32(7);
	const answerSets = Array.from({ length: 200 }, () => Object.fromEntries(PHQ9.items.filter((i) => i.scored).map((i) => [i.id, Math.floor(random() * 4)])));
	const scored = time(() => answerSets.map((answers) => PHQ9.score(answers)));
	const assessments: Assessment[] = scored.value.map((result, i) => ({
		id: `a-${i}`,
		clientId: 'client-1',
		sessionId: null,
		instrumentId: 'phq9',
		answers: answerSets[i]!,
		context: {},
		administeredAt: new Date(Date.UTC(2024, 0, 1) + i * 7 * 86_400_000).toISOString(),
		administeredBy: 'client',
		result
	}));
	const trend = time(() => trendOf(PHQ9, assessments));
	const facts = time(() => summaryFacts(PHQ9, assessments));
	const scoring = { administrations: 200, scoreAllMs: round(scored.ms), trendMs: round(trend.ms), summaryFactsMs: round(facts.ms) };
	log(`Scoring 200 PHQ-9: ${scoring.scoreAllMs} ms; trend ${scoring.trendMs} ms; facts ${scoring.summaryFactsMs} ms`);

	// Plans: diff of two versions, PDF and FHIR of a large plan.
	const before = largePlan();
	const after = structuredClone(before);
	after.version = 2;
	after.problems[3]!.goals[2]!.text = 'Changed goal';
	after.problems[7]!.goals.pop();
	const diff = time(() => diffPlans(before, after));
	const doc: PlanDocument = {
		client: { id: 'client-1', name: 'Bench Client', dateOfBirth: '1980-01-01', part2: true },
		plan: before,
		diagnoses: [{ code: 'F33.1', description: 'Major depressive disorder, recurrent, moderate' }],
		objectiveScores: {},
		practiceName: 'Bench Practice'
	};
	const pdfRuns: number[] = [];
	let pdfBytes = 0;
	for (let i = 0; i < 3; i++) {
		const t = performance.now();
		const blob = await blocksToPdf(planBlocks(doc), { title: 'Treatment plan', signed: false, pageLabel: 'Bench Client' });
		pdfRuns.push(performance.now() - t);
		pdfBytes = blob.size;
	}
	const fhir = time(() => planToFhirBundle({ ...doc, assessments }));
	const plans = {
		objectives: 200,
		diffMs: round(diff.ms),
		diffChanges: diff.value.length,
		pdfMedianMs: round(percentile(pdfRuns, 50)),
		pdfBytes,
		fhirMs: round(fhir.ms),
		fhirEntries: fhir.value.entry.length
	};
	log(`Plan of 200 objectives: diff ${plans.diffMs} ms, PDF ${plans.pdfMedianMs} ms (${pdfBytes} bytes), FHIR ${plans.fhirMs} ms`);

	const count = (text: string) => llama3Tokenizer.encode(text, { bos: false, eos: false }).length;
	const promptTokens = {
		planDraft: count(planSystemPrompt()) + count(JSON.stringify(planJsonSchema)),
		assessmentSummary: count(summarySystemPrompt(PHQ9)) + count(JSON.stringify(summaryJsonSchema))
	};
	log(`Fixed prompt tokens: plan ${promptTokens.planDraft}, summary ${promptTokens.assessmentSummary}`);
	return { icd, scoring, plans, promptTokens };
}
