import { sha256 } from '@noble/hashes/sha2';
import { AppError } from '../core/app-error';
import { today as localDay } from '../core/dates';
import { toHex, utf8 } from '../core/encoding';
import type { InstrumentId } from '../instruments/types';
import { isIsoDate } from '../core/records';

/**
 * A treatment plan: problems linked to diagnoses, each with goals, measurable objectives and
 * interventions. A signed version never changes; an update is a new version in the same
 * series, and the diff between versions is shown to the clinician.
 */

/** "PHQ-9 below 10": met when the latest total is strictly under `below`. */
export interface InstrumentTarget {
	instrumentId: InstrumentId;
	below: number;
}

export const OBJECTIVE_STATUSES = ['Not started', 'In progress', 'Met', 'Not met', 'Discontinued'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];

export interface PlanObjective {
	id: string;
	text: string;
	/** ISO date or empty. */
	targetDate: string;
	instrumentTarget: InstrumentTarget | null;
	status: ObjectiveStatus;
}

export interface PlanGoal {
	id: string;
	text: string;
	objectives: PlanObjective[];
}

export interface PlanIntervention {
	id: string;
	text: string;
	/** e.g. "CBT", "Motivational interviewing". */
	modality: string;
	/** e.g. "Weekly, 53 minutes". */
	frequency: string;
}

export interface PlanProblem {
	id: string;
	text: string;
	/** ICD-10-CM codes (F01-F99) this problem is linked to. */
	diagnosisCodes: string[];
	goals: PlanGoal[];
	interventions: PlanIntervention[];
}

export interface TreatmentPlan {
	id: string;
	clientId: string;
	/** The id of version 1; every version of one plan shares it. */
	seriesId: string;
	version: number;
	previousVersionId: string | null;
	status: 'draft' | 'signed';
	/** ISO dates. */
	startDate: string;
	reviewDate: string;
	responsibleClinician: string;
	problems: PlanProblem[];
	draftedWith: string;
	signedBy: string | null;
	signedAt: string | null;
	contentHash: string | null;
}

/** Published total-score ranges of the instruments a target can name (clinical reference). */
export const TARGET_RANGES: Readonly<Partial<Record<InstrumentId, { min: number; max: number }>>> = {
	phq9: { min: 0, max: 27 },
	gad7: { min: 0, max: 21 },
	pcl5: { min: 0, max: 80 },
	'audit-c': { min: 0, max: 12 },
	audit: { min: 0, max: 40 }
};

export const INSTRUMENT_SHORT_NAMES: Readonly<Record<InstrumentId, string>> = {
	phq9: 'PHQ-9',
	gad7: 'GAD-7',
	pcl5: 'PCL-5',
	'audit-c': 'AUDIT-C',
	audit: 'AUDIT',
	'cssrs-screener': 'C-SSRS screener'
};

const REVIEW_AFTER_DAYS = 90;
const DAY_MS = 86_400_000;

/** An ISO date `days` later (or earlier), computed in UTC so time zones cannot shift it. */
export function addDays(isoDate: string, days: number): string {
	return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function newPlan(id: string, clientId: string, today: string, clinician: string): TreatmentPlan {
	return {
		id,
		clientId,
		seriesId: id,
		version: 1,
		previousVersionId: null,
		status: 'draft',
		startDate: today,
		reviewDate: addDays(today, REVIEW_AFTER_DAYS),
		responsibleClinician: clinician,
		problems: [],
		draftedWith: 'manual',
		signedBy: null,
		signedAt: null,
		contentHash: null
	};
}

export const newProblem = (id: string): PlanProblem => ({ id, text: '', diagnosisCodes: [], goals: [], interventions: [] });
export const newGoal = (id: string): PlanGoal => ({ id, text: '', objectives: [] });
export const newObjective = (id: string): PlanObjective => ({ id, text: '', targetDate: '', instrumentTarget: null, status: 'Not started' });
export const newIntervention = (id: string): PlanIntervention => ({ id, text: '', modality: '', frequency: '' });

/** "PHQ-9 below 10", or '' for no target. */
export function describeTarget(target: InstrumentTarget | null): string {
	if (!target) return '';
	return `${INSTRUMENT_SHORT_NAMES[target.instrumentId]} below ${target.below}`;
}

/**
 * Why a target cannot be used, or null when it can. "Below 0" could never be met, so the
 * smallest useful target is one above the instrument's minimum.
 */
export function targetProblem(target: InstrumentTarget, ranges = TARGET_RANGES): string | null {
	const range = ranges[target.instrumentId];
	const name = INSTRUMENT_SHORT_NAMES[target.instrumentId];
	if (!range) return `The ${name} has no total score, so it cannot be a target.`;
	const ok = Number.isInteger(target.below) && target.below > range.min && target.below <= range.max;
	return ok ? null : `Choose a target between ${range.min + 1} and ${range.max} for the ${name}.`;
}

/**
 * Field errors keyed by field: 'problems', 'startDate', 'reviewDate', or `${itemId}.${field}`
 * for an item (problem, goal or objective ids), each a sentence for the clinician.
 */
export function validatePlan(plan: TreatmentPlan, ranges = TARGET_RANGES): Partial<Record<string, string>> {
	const errors: Partial<Record<string, string>> = {};
	if (!isIsoDate(plan.startDate)) errors.startDate = 'Enter the date the plan starts.';
	if (!plan.reviewDate) errors.reviewDate = 'Enter the date the plan will be reviewed.';
	else if (!isIsoDate(plan.reviewDate)) errors.reviewDate = 'Use a full date for the review.';
	else if (isIsoDate(plan.startDate) && plan.reviewDate < plan.startDate) errors.reviewDate = 'The review date is before the start date.';
	if (!plan.problems.some((p) => p.text.trim())) errors.problems = 'Add at least one problem.';
	for (const problem of plan.problems) {
		if (!problem.text.trim()) errors[`${problem.id}.text`] = 'Describe the problem, or remove it.';
		for (const goal of problem.goals) {
			if (!goal.text.trim()) errors[`${goal.id}.text`] = 'Describe the goal, or remove it.';
			for (const objective of goal.objectives) {
				if (!objective.text.trim()) errors[`${objective.id}.text`] = 'Describe the objective, or remove it.';
				if (objective.targetDate && !isIsoDate(objective.targetDate)) errors[`${objective.id}.targetDate`] = 'Use a full date for the target.';
				const target = objective.instrumentTarget && targetProblem(objective.instrumentTarget, ranges);
				if (target) errors[`${objective.id}.instrumentTarget`] = target;
			}
		}
	}
	return errors;
}

/** The exact text whose hash is signed: dates, clinician, then every problem in order. */
export function signedPlanContent(plan: TreatmentPlan): string {
	const lines = [
		`Start date: ${plan.startDate}`,
		`Review date: ${plan.reviewDate}`,
		`Responsible clinician: ${plan.responsibleClinician}`
	];
	plan.problems.forEach((problem, p) => {
		lines.push('', `Problem ${p + 1}: ${problem.text}`, `Diagnoses: ${problem.diagnosisCodes.join(', ')}`);
		problem.goals.forEach((goal, g) => {
			lines.push(`Goal ${p + 1}.${g + 1}: ${goal.text}`);
			goal.objectives.forEach((o, k) => {
				lines.push(
					`Objective ${p + 1}.${g + 1}.${k + 1}: ${o.text}`,
					`Target date: ${o.targetDate}`,
					`Target: ${describeTarget(o.instrumentTarget)}`,
					`Status: ${o.status}`
				);
			});
		});
		problem.interventions.forEach((i, k) => {
			lines.push(`Intervention ${p + 1}.${k + 1}: ${i.text}`, `Modality: ${i.modality}`, `Frequency: ${i.frequency}`);
		});
	});
	return lines.join('\n');
}

export function planContentHash(plan: TreatmentPlan): string {
	return toHex(sha256(utf8(signedPlanContent(plan))));
}

export function signPlan(plan: TreatmentPlan, signer: string, now: Date = new Date()): TreatmentPlan {
	if (plan.status === 'signed') throw new AppError('plan/signed', { id: plan.id });
	const errors = Object.keys(validatePlan(plan));
	// Field keys are item ids, never clinical text.
	if (errors.length > 0) throw new AppError('record/invalid', { id: plan.id, errors: errors.length, field: errors[0]! });
	return { ...plan, status: 'signed', signedBy: signer, signedAt: now.toISOString(), contentHash: planContentHash(plan) };
}

/** True when a stored signed plan still has exactly the content that was signed. */
export function signatureHolds(plan: TreatmentPlan): boolean {
	return plan.status === 'signed' && plan.contentHash === planContentHash(plan);
}

/** Field-by-field copies (not structuredClone, which refuses Svelte's state proxies). */
function copyProblem(p: PlanProblem): PlanProblem {
	return {
		...p,
		diagnosisCodes: [...p.diagnosisCodes],
		goals: p.goals.map((g) => ({
			...g,
			objectives: g.objectives.map((o) => ({ ...o, instrumentTarget: o.instrumentTarget && { ...o.instrumentTarget } }))
		})),
		interventions: p.interventions.map((i) => ({ ...i }))
	};
}

/**
 * The draft of the next version: same series, same item ids (so the diff can match items),
 * the next review due 90 days from `today`.
 */
export function nextVersion(plan: TreatmentPlan, latestVersionInSeries: number, newId: string, today: string): TreatmentPlan {
	if (plan.status !== 'signed') throw new AppError('plan/not-signed', { id: plan.id });
	if (plan.version !== latestVersionInSeries) throw new AppError('plan/not-latest', { id: plan.id, version: plan.version });
	return {
		...plan,
		id: newId,
		version: plan.version + 1,
		previousVersionId: plan.id,
		status: 'draft',
		reviewDate: addDays(today, REVIEW_AFTER_DAYS),
		problems: plan.problems.map(copyProblem),
		draftedWith: 'manual',
		signedBy: null,
		signedAt: null,
		contentHash: null
	};
}

/** JSON with sorted keys, so a stored record read back in another key order still compares equal. */
function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v
	);
}

/**
 * The rule storage enforces on every write: a signed version is never rewritten, by any code
 * path or tab. A change to a signed plan is a new version.
 */
export function assertPlanChangeAllowed(before: TreatmentPlan | null, after: TreatmentPlan): void {
	if (!before || before.status !== 'signed') return;
	if (canonical(before) !== canonical(after)) throw new AppError('plan/signed', { id: after.id });
}

/** The newest version of each series, newest start date first. */
export function latestVersions(plans: readonly TreatmentPlan[]): TreatmentPlan[] {
	const latest = new Map<string, TreatmentPlan>();
	for (const plan of plans) {
		const seen = latest.get(plan.seriesId);
		if (!seen || plan.version > seen.version) latest.set(plan.seriesId, plan);
	}
	return [...latest.values()].sort(newestSeriesFirst);
}

function newestSeriesFirst(a: TreatmentPlan, b: TreatmentPlan): number {
	if (a.startDate !== b.startDate) return a.startDate < b.startDate ? 1 : -1;
	return a.seriesId < b.seriesId ? -1 : a.seriesId > b.seriesId ? 1 : 0;
}

/**
 * The plan in force: the newest signed version of the client's newest series that has one.
 * A new series still in draft does not replace the signed plan until it is signed.
 */
export function activePlan(plans: readonly TreatmentPlan[], clientId: string): TreatmentPlan | null {
	const signed = plans.filter((p) => p.clientId === clientId && p.status === 'signed');
	return latestVersions(signed)[0] ?? null;
}

export function activeGoals(
	plans: readonly TreatmentPlan[],
	clientId: string
): { plan: TreatmentPlan; problem: PlanProblem; goal: PlanGoal }[] {
	const plan = activePlan(plans, clientId);
	if (!plan) return [];
	return plan.problems.flatMap((problem) => problem.goals.map((goal) => ({ plan, problem, goal })));
}

/** Latest versions whose review is due within `withinDays` (or overdue: negative), soonest first. */
export function reviewsDue(
	plans: readonly TreatmentPlan[],
	today: string,
	withinDays = 30
): { plan: TreatmentPlan; daysLeft: number }[] {
	return latestVersions(plans)
		.filter((plan) => isIsoDate(plan.reviewDate))
		.map((plan) => ({ plan, daysLeft: daysBetween(today, plan.reviewDate) }))
		.filter((due) => due.daysLeft <= withinDays)
		.sort((a, b) => a.daysLeft - b.daysLeft || newestSeriesFirst(a.plan, b.plan));
}

/** "PHQ-9 12 on 2026-03-02 (target below 10: not yet met)"; met is null when nothing can be said. */
export function objectiveScore(
	objective: PlanObjective,
	latest: { total: number | null; administeredAt: string } | null
): { text: string; met: boolean | null } {
	const target = objective.instrumentTarget;
	if (!target) return { text: 'No instrument target', met: null };
	const name = INSTRUMENT_SHORT_NAMES[target.instrumentId];
	if (!latest || latest.total === null) return { text: `${name}: no score yet (target below ${target.below})`, met: null };
	const met = latest.total < target.below;
	// A timestamp is shown as the date where the clinician is; a bare date stays as it is.
	const on = isIsoDate(latest.administeredAt) ? latest.administeredAt : localDay(new Date(latest.administeredAt));
	return { text: `${name} ${latest.total} on ${on} (target below ${target.below}: ${met ? 'met' : 'not yet met'})`, met };
}
