import { describe, expect, it } from 'vitest';
import {
	PLAN_INSTRUMENTS,
	addGoal,
	addIntervention,
	addObjective,
	addProblem,
	chooseInstrument,
	hasContent,
	itemLabel,
	removeItem,
	restoreItem,
	updateItem
} from '$lib/domain/plans/plan-edits';
import type { PlanGoal, PlanObjective, PlanProblem, TreatmentPlan } from '$lib/domain/plans/treatment-plan';

const objective = (id: string, text = ''): PlanObjective => ({
	id,
	text,
	targetDate: '',
	instrumentTarget: null,
	status: 'Not started'
});
const goal = (id: string, text = '', objectives: PlanObjective[] = []): PlanGoal => ({ id, text, objectives });
const problem = (id: string, text = '', goals: PlanGoal[] = []): PlanProblem => ({
	id,
	text,
	diagnosisCodes: [],
	goals,
	interventions: []
});

function plan(problems: PlanProblem[]): TreatmentPlan {
	return {
		id: 'plan-1',
		clientId: 'client-1',
		seriesId: 'plan-1',
		version: 1,
		previousVersionId: null,
		status: 'draft',
		startDate: '2026-03-01',
		reviewDate: '2026-05-30',
		responsibleClinician: 'Dr. Rivera',
		problems,
		draftedWith: 'manual',
		signedBy: null,
		signedAt: null,
		contentHash: null
	};
}

/** Problem 1 with goals 1.1 (objectives 1.1.1, 1.1.2) and 1.2; problem 2 empty. */
const sample = () =>
	plan([
		problem('p1', 'Low mood', [
			goal('g1', 'Feel less depressed', [objective('o1', 'PHQ-9 below 10'), objective('o2', 'Walk daily')]),
			goal('g2', 'Return to work')
		]),
		problem('p2')
	]);

describe('adding plan items', () => {
	it('appends a goal to the named problem only and leaves the original plan unchanged', () => {
		const before = sample();
		const after = addGoal(before, 'p1', goal('g3', 'Sleep 7 hours'));
		expect(after.problems[0]!.goals.map((g) => g.id)).toEqual(['g1', 'g2', 'g3']);
		expect(after.problems[1]!.goals).toEqual([]);
		expect(before.problems[0]!.goals).toHaveLength(2);
	});

	it('adds problems, objectives and interventions in their own lists', () => {
		let next = addProblem(sample(), problem('p3', 'Alcohol use'));
		next = addObjective(next, 'p1', 'g2', objective('o3', 'Apply for two jobs'));
		next = addIntervention(next, 'p2', { id: 'i1', text: 'Behavioural activation', modality: 'CBT', frequency: 'Weekly' });
		expect(next.problems.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
		expect(next.problems[0]!.goals[1]!.objectives.map((o) => o.text)).toEqual(['Apply for two jobs']);
		expect(next.problems[1]!.interventions.map((i) => i.modality)).toEqual(['CBT']);
	});

	it('ignores an addition whose parent no longer exists', () => {
		const before = sample();
		expect(addGoal(before, 'gone', goal('g9')).problems).toEqual(before.problems);
	});
});

describe('updating plan items', () => {
	it('changes one objective field and keeps its siblings and id', () => {
		const next = updateItem(sample(), { kind: 'objective', problemId: 'p1', goalId: 'g1', id: 'o2' }, { status: 'Met' });
		const [first, second] = next.problems[0]!.goals[0]!.objectives;
		expect(second).toMatchObject({ id: 'o2', text: 'Walk daily', status: 'Met' });
		expect(first!.status).toBe('Not started');
	});

	it('edits a problem text without touching its goals', () => {
		const next = updateItem(sample(), { kind: 'problem', id: 'p1' }, { text: 'Depressed mood', diagnosisCodes: ['F33.1'] });
		expect(next.problems[0]).toMatchObject({ text: 'Depressed mood', diagnosisCodes: ['F33.1'] });
		expect(next.problems[0]!.goals).toHaveLength(2);
	});
});

describe('numbering plan items', () => {
	it('numbers items by their position, as the editor labels them', () => {
		const p = sample();
		expect(itemLabel(p, { kind: 'problem', id: 'p2' })).toBe('problem 2');
		expect(itemLabel(p, { kind: 'goal', problemId: 'p1', id: 'g2' })).toBe('goal 1.2');
		expect(itemLabel(p, { kind: 'objective', problemId: 'p1', goalId: 'g1', id: 'o2' })).toBe('objective 1.1.2');
		expect(itemLabel(p, { kind: 'objective', problemId: 'p1', goalId: 'g1', id: 'nope' })).toBeNull();
	});
});

describe('removing and undoing', () => {
	it('removes an objective and puts it back in the same place on undo', () => {
		const before = sample();
		const path = { kind: 'objective', problemId: 'p1', goalId: 'g1', id: 'o1' } as const;
		const { plan: without, removed } = removeItem(before, path);
		expect(without.problems[0]!.goals[0]!.objectives.map((o) => o.id)).toEqual(['o2']);
		expect(removed?.label).toBe('objective 1.1.1');
		const restored = restoreItem(without, removed!);
		expect(restored.problems[0]!.goals[0]!.objectives.map((o) => o.id)).toEqual(['o1', 'o2']);
		expect(restored).toEqual(before);
	});

	it('removes a problem with all its goals, and undo brings them all back', () => {
		const { plan: without, removed } = removeItem(sample(), { kind: 'problem', id: 'p1' });
		expect(without.problems.map((p) => p.id)).toEqual(['p2']);
		expect(restoreItem(without, removed!).problems[0]!.goals[0]!.objectives).toHaveLength(2);
	});

	it('does not restore twice or into a list that is gone', () => {
		const { plan: without, removed } = removeItem(sample(), { kind: 'goal', problemId: 'p1', id: 'g2' });
		const once = restoreItem(without, removed!);
		expect(restoreItem(once, removed!).problems[0]!.goals).toHaveLength(2);
		const noProblem = removeItem(without, { kind: 'problem', id: 'p1' }).plan;
		expect(restoreItem(noProblem, removed!)).toBe(noProblem);
	});

	it('reports nothing removed for an unknown item', () => {
		const before = sample();
		expect(removeItem(before, { kind: 'goal', problemId: 'p1', id: 'nope' })).toEqual({ plan: before, removed: null });
	});
});

describe('what removal would lose', () => {
	it('treats a blank new item as empty and anything typed or chosen as content', () => {
		expect(hasContent(objective('o9'))).toBe(false);
		expect(hasContent(problem('p9'))).toBe(false);
		expect(hasContent(objective('o9', 'Walk'))).toBe(true);
		expect(hasContent({ ...objective('o9'), instrumentTarget: { instrumentId: 'phq9', below: 10 } })).toBe(true);
		expect(hasContent({ ...problem('p9'), diagnosisCodes: ['F41.1'] })).toBe(true);
		expect(hasContent(problem('p9', '', [goal('g9', '', [objective('o9', 'Sleep')])]))).toBe(true);
	});
});

describe('instrument targets', () => {
	// Totals pinned to tests/fixtures/reference/clinical.md; the C-SSRS screener has no total.
	it('offers the instruments with a total score and their published ranges', () => {
		expect(PLAN_INSTRUMENTS.map((i) => [i.name, i.min, i.max])).toEqual([
			['PHQ-9', 0, 27],
			['GAD-7', 0, 21],
			['PCL-5', 0, 80],
			['AUDIT-C', 0, 12],
			['AUDIT', 0, 40]
		]);
		expect(PLAN_INSTRUMENTS.map((i) => i.id)).not.toContain('cssrs-screener');
	});

	it('suggests the published cut-offs as a first target', () => {
		// PHQ-9 moderate from 10; GAD-7 10 or more; PCL-5 31-33; AUDIT-C women 3; AUDIT zone II from 8.
		expect(Object.fromEntries(PLAN_INSTRUMENTS.map((i) => [i.id, i.suggestedBelow]))).toEqual({
			phq9: 10,
			gad7: 10,
			pcl5: 31,
			'audit-c': 3,
			audit: 8
		});
	});

	it('keeps the cut-off when the instrument stays, resets it when the scale changes, clears it for none', () => {
		const current = { instrumentId: 'phq9' as const, below: 5 };
		expect(chooseInstrument(current, 'phq9')).toBe(current);
		expect(chooseInstrument(current, 'pcl5')).toEqual({ instrumentId: 'pcl5', below: 31 });
		expect(chooseInstrument(current, '')).toBeNull();
		expect(chooseInstrument(null, 'cssrs-screener')).toBeNull();
	});
});
