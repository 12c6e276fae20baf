import {
	describeTarget,
	type PlanGoal,
	type PlanIntervention,
	type PlanObjective,
	type PlanProblem,
	type TreatmentPlan
} from './treatment-plan';

/**
 * What changed between two versions of a plan, for the clinician to read before signing the
 * new one. Items are matched by id (a new version keeps its items' ids), within their parent:
 * an item moved to another problem or goal reads as removed there and added here.
 */
export interface PlanChange {
	kind: 'added' | 'removed' | 'changed';
	/** "Plan", or a path like "Problem 1 › Goal 2 › Objective 1". */
	where: string;
	field: string;
	before: string;
	after: string;
}

interface Item {
	id: string;
}

/** Field name -> the field's value as text, for one kind of item. */
type Fields<T> = readonly (readonly [string, (item: T) => string])[];

const PROBLEM_FIELDS: Fields<PlanProblem> = [
	['Problem', (p) => p.text],
	['Diagnosis codes', (p) => p.diagnosisCodes.join(', ')]
];
const GOAL_FIELDS: Fields<PlanGoal> = [['Goal', (g) => g.text]];
const OBJECTIVE_FIELDS: Fields<PlanObjective> = [
	['Objective', (o) => o.text],
	['Target date', (o) => o.targetDate],
	['Instrument target', (o) => describeTarget(o.instrumentTarget)],
	['Status', (o) => o.status]
];
const INTERVENTION_FIELDS: Fields<PlanIntervention> = [
	['Intervention', (i) => i.text],
	['Modality', (i) => i.modality],
	['Frequency', (i) => i.frequency]
];
const PLAN_FIELDS: Fields<TreatmentPlan> = [
	['Start date', (p) => p.startDate],
	['Review date', (p) => p.reviewDate],
	['Responsible clinician', (p) => p.responsibleClinician]
];

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const path = (parent: string, label: string, index: number) => `${parent ? `${parent} › ` : ''}${label} ${index + 1}`;

function summary(problem: PlanProblem): string {
	const codes = problem.diagnosisCodes.length ? ` (${problem.diagnosisCodes.join(', ')})` : '';
	return `${oneLine(problem.text)}${codes}`;
}

function objectiveSummary(objective: PlanObjective): string {
	const extras = [describeTarget(objective.instrumentTarget), objective.targetDate && `by ${objective.targetDate}`].filter(Boolean);
	return `${oneLine(objective.text)}${extras.length ? ` (${extras.join(', ')})` : ''}`;
}

function interventionSummary(intervention: PlanIntervention): string {
	const extras = [intervention.modality, intervention.frequency].map(oneLine).filter(Boolean);
	return `${oneLine(intervention.text)}${extras.length ? ` (${extras.join(', ')})` : ''}`;
}

function fieldChanges<T>(where: string, before: T, after: T, fields: Fields<T>): PlanChange[] {
	return fields.flatMap(([field, read]) => {
		const [b, a] = [read(before), read(after)];
		return b === a ? [] : [{ kind: 'changed' as const, where, field, before: b, after: a }];
	});
}

/**
 * Added and changed items in the newer order, then removed ones in the older order.
 * `inner` lists what changed inside a matched pair (its fields and its children).
 */
function diffList<T extends Item>(
	parent: string,
	label: string,
	before: readonly T[],
	after: readonly T[],
	describe: (item: T) => string,
	inner: (where: string, before: T, after: T) => PlanChange[]
): PlanChange[] {
	const changes: PlanChange[] = [];
	after.forEach((item, i) => {
		const where = path(parent, label, i);
		const old = before.find((b) => b.id === item.id);
		if (old) changes.push(...inner(where, old, item));
		else changes.push({ kind: 'added', where, field: label, before: '', after: describe(item) });
	});
	before.forEach((item, i) => {
		if (!after.some((a) => a.id === item.id)) {
			changes.push({ kind: 'removed', where: path(parent, label, i), field: label, before: describe(item), after: '' });
		}
	});
	return changes;
}

function diffGoal(where: string, before: PlanGoal, after: PlanGoal): PlanChange[] {
	return [
		...fieldChanges(where, before, after, GOAL_FIELDS),
		...diffList(where, 'Objective', before.objectives, after.objectives, objectiveSummary, (w, b, a) =>
			fieldChanges(w, b, a, OBJECTIVE_FIELDS)
		)
	];
}

function diffProblem(where: string, before: PlanProblem, after: PlanProblem): PlanChange[] {
	return [
		...fieldChanges(where, before, after, PROBLEM_FIELDS),
		...diffList(where, 'Goal', before.goals, after.goals, (g) => oneLine(g.text), diffGoal),
		...diffList(where, 'Intervention', before.interventions, after.interventions, interventionSummary, (w, b, a) =>
			fieldChanges(w, b, a, INTERVENTION_FIELDS)
		)
	];
}

/** Every change from `before` to `after`, in a fixed order: plan fields, then problems. */
export function diffPlans(before: TreatmentPlan, after: TreatmentPlan): PlanChange[] {
	return [
		...fieldChanges('Plan', before, after, PLAN_FIELDS),
		...diffList('', 'Problem', before.problems, after.problems, summary, diffProblem)
	];
}
