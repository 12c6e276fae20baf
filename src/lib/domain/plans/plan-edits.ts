import {
	INSTRUMENT_SHORT_NAMES,
	TARGET_RANGES,
	type InstrumentTarget,
	type PlanGoal,
	type PlanIntervention,
	type PlanObjective,
	type PlanProblem,
	type TreatmentPlan
} from './treatment-plan';

/**
 * Edits to a draft treatment plan as pure functions: each returns a new plan and leaves the
 * old one untouched, so the editor can hand every change to its parent (which autosaves) and
 * keep the last removed item for Undo.
 */

/** Where a list of items lives: the plan's problems, a problem's goals, a goal's objectives… */
export type PlanListPath =
	| { kind: 'problem' }
	| { kind: 'goal'; problemId: string }
	| { kind: 'objective'; problemId: string; goalId: string }
	| { kind: 'intervention'; problemId: string };

export type PlanItemKind = PlanListPath['kind'];

/** One item: its list plus its own id. */
export type PlanItemPath = PlanListPath & { id: string };

export type PlanItemOf<K extends PlanItemKind> = K extends 'problem'
	? PlanProblem
	: K extends 'goal'
		? PlanGoal
		: K extends 'objective'
			? PlanObjective
			: PlanIntervention;

/** The fields of an item an edit may change: never its id or its child lists. */
export type PlanItemPatch<K extends PlanItemKind> = Partial<Omit<PlanItemOf<K>, 'id' | 'goals' | 'objectives' | 'interventions'>>;

export type PlanItem = PlanProblem | PlanGoal | PlanObjective | PlanIntervention;

/** What Undo needs: the item, where it was, and a label for the message ("objective 1.2.1"). */
export interface RemovedItem {
	path: PlanItemPath;
	index: number;
	item: PlanItem;
	label: string;
}

type ListEdit = <T extends { id: string }>(items: readonly T[]) => T[];

function editProblem(plan: TreatmentPlan, problemId: string, edit: (p: PlanProblem) => PlanProblem): TreatmentPlan {
	return { ...plan, problems: plan.problems.map((p) => (p.id === problemId ? edit(p) : p)) };
}

/** Applies `edit` to the one list `path` names; a missing parent leaves the plan as it was. */
function editList(plan: TreatmentPlan, path: PlanListPath, edit: ListEdit): TreatmentPlan {
	switch (path.kind) {
		case 'problem':
			return { ...plan, problems: edit(plan.problems) };
		case 'goal':
			return editProblem(plan, path.problemId, (p) => ({ ...p, goals: edit(p.goals) }));
		case 'intervention':
			return editProblem(plan, path.problemId, (p) => ({ ...p, interventions: edit(p.interventions) }));
		case 'objective':
			return editProblem(plan, path.problemId, (p) => ({
				...p,
				goals: p.goals.map((g) => (g.id === path.goalId ? { ...g, objectives: edit(g.objectives) } : g))
			}));
	}
}

function findList(plan: TreatmentPlan, path: PlanListPath): readonly PlanItem[] | null {
	if (path.kind === 'problem') return plan.problems;
	const problem = plan.problems.find((p) => p.id === path.problemId);
	if (!problem) return null;
	if (path.kind === 'goal') return problem.goals;
	if (path.kind === 'intervention') return problem.interventions;
	return problem.goals.find((g) => g.id === path.goalId)?.objectives ?? null;
}

function listOf(path: PlanItemPath): PlanListPath {
	const { id: _id, ...list } = path;
	return list as PlanListPath;
}

export function addItem<P extends PlanListPath>(plan: TreatmentPlan, path: P, item: PlanItemOf<P['kind']>): TreatmentPlan {
	return editList(plan, path, (items) => [...items, item as unknown as (typeof items)[number]]);
}

export const addProblem = (plan: TreatmentPlan, problem: PlanProblem) => addItem(plan, { kind: 'problem' }, problem);
export const addGoal = (plan: TreatmentPlan, problemId: string, goal: PlanGoal) =>
	addItem(plan, { kind: 'goal', problemId }, goal);
export const addObjective = (plan: TreatmentPlan, problemId: string, goalId: string, objective: PlanObjective) =>
	addItem(plan, { kind: 'objective', problemId, goalId }, objective);
export const addIntervention = (plan: TreatmentPlan, problemId: string, intervention: PlanIntervention) =>
	addItem(plan, { kind: 'intervention', problemId }, intervention);

export function updateItem<P extends PlanItemPath>(plan: TreatmentPlan, path: P, patch: PlanItemPatch<P['kind']>): TreatmentPlan {
	return editList(plan, listOf(path), (items) =>
		items.map((item) => (item.id === path.id ? { ...item, ...patch, id: item.id } : item))
	);
}

/** "problem 1", "goal 1.2", "objective 1.2.1", "intervention 1.3"; null when the item is gone. */
export function itemLabel(plan: TreatmentPlan, path: PlanItemPath): string | null {
	const p = plan.problems.findIndex((x) => x.id === (path.kind === 'problem' ? path.id : path.problemId));
	if (p < 0) return null;
	const problem = plan.problems[p]!;
	const n = (i: number) => (i < 0 ? null : String(i + 1));
	const join = (...parts: (string | null)[]) => (parts.includes(null) ? null : `${path.kind} ${parts.join('.')}`);
	switch (path.kind) {
		case 'problem':
			return join(n(p));
		case 'intervention':
			return join(n(p), n(problem.interventions.findIndex((x) => x.id === path.id)));
		case 'goal':
			return join(n(p), n(problem.goals.findIndex((x) => x.id === path.id)));
		case 'objective': {
			const g = problem.goals.findIndex((x) => x.id === path.goalId);
			const objectives = problem.goals[g]?.objectives ?? [];
			return join(n(p), n(g), n(objectives.findIndex((x) => x.id === path.id)));
		}
	}
}

/** Removes one item with everything under it; `removed` is null when it was not there. */
export function removeItem(plan: TreatmentPlan, path: PlanItemPath): { plan: TreatmentPlan; removed: RemovedItem | null } {
	const list = findList(plan, listOf(path));
	const index = list?.findIndex((item) => item.id === path.id) ?? -1;
	if (!list || index < 0) return { plan, removed: null };
	const removed = { path, index, item: list[index]!, label: itemLabel(plan, path) ?? path.kind };
	return { plan: editList(plan, listOf(path), (items) => items.filter((item) => item.id !== path.id)), removed };
}

/** Puts a removed item back where it was (or at the end if its list got shorter since). */
export function restoreItem(plan: TreatmentPlan, removed: RemovedItem): TreatmentPlan {
	const list = findList(plan, listOf(removed.path));
	if (!list || list.some((item) => item.id === removed.item.id)) return plan;
	return editList(plan, listOf(removed.path), (items) => {
		const next = [...items];
		next.splice(Math.min(removed.index, next.length), 0, removed.item as unknown as (typeof items)[number]);
		return next;
	});
}

/** Whether removing the item would lose anything a clinician typed or chose (then offer Undo). */
export function hasContent(item: PlanItem): boolean {
	const texts = Object.values(item).filter((v): v is string => typeof v === 'string');
	// The id and an objective's default status are not the clinician's work.
	const typed = texts.some((v) => v.trim() !== '' && v !== item.id && v !== 'Not started');
	if (typed) return true;
	if ('diagnosisCodes' in item && item.diagnosisCodes.length) return true;
	if ('instrumentTarget' in item && item.instrumentTarget) return true;
	const children: PlanItem[] = [
		...('goals' in item ? item.goals : []),
		...('objectives' in item ? item.objectives : []),
		...('interventions' in item ? item.interventions : [])
	];
	return children.some(hasContent);
}

/**
 * The cut-off a first target usually aims under, per instrument with a total score: PHQ-9
 * under "moderate", GAD-7 under "further evaluation", PCL-5 under "probable PTSD", AUDIT-C
 * under the lower (women's) positive screen, AUDIT within zone I.
 */
const SUGGESTED_BELOW = { phq9: 10, gad7: 10, pcl5: 31, 'audit-c': 3, audit: 8 } as const;

export interface PlanInstrument {
	id: keyof typeof SUGGESTED_BELOW;
	name: string;
	min: number;
	max: number;
	suggestedBelow: number;
}

/** Instruments an objective can target ("PHQ-9 below 10"); the C-SSRS has no total, so no target. */
export const PLAN_INSTRUMENTS: readonly PlanInstrument[] = (
	Object.keys(SUGGESTED_BELOW) as PlanInstrument['id'][]
).flatMap((id) => {
	const range = TARGET_RANGES[id];
	return range ? [{ id, name: INSTRUMENT_SHORT_NAMES[id] ?? id, ...range, suggestedBelow: SUGGESTED_BELOW[id] }] : [];
});

export function planInstrument(id: string): PlanInstrument | null {
	return PLAN_INSTRUMENTS.find((i) => i.id === id) ?? null;
}

/**
 * The target after the clinician picks an instrument: none for '', the current one when the
 * instrument did not change, else the new instrument's suggested cut-off (scales differ).
 */
export function chooseInstrument(current: InstrumentTarget | null, instrumentId: string): InstrumentTarget | null {
	const instrument = planInstrument(instrumentId);
	if (!instrument) return null;
	if (current?.instrumentId === instrument.id) return current;
	return { instrumentId: instrument.id, below: instrument.suggestedBelow };
}
