import { describe, expect, it } from 'vitest';
import { diffPlans } from '$lib/domain/plans/plan-diff';
import {
	newGoal,
	newIntervention,
	newObjective,
	newPlan,
	newProblem,
	nextVersion,
	signPlan,
	type TreatmentPlan
} from '$lib/domain/plans/treatment-plan';

function signedV1(): TreatmentPlan {
	const objective = { ...newObjective('o1'), text: 'PHQ-9 under 10', targetDate: '2026-05-01', instrumentTarget: { instrumentId: 'phq9' as const, below: 10 } };
	const goals = [
		{ ...newGoal('g1'), text: 'Less depressed mood', objectives: [objective] },
		{ ...newGoal('g2'), text: 'Return to work', objectives: [{ ...newObjective('o2'), text: 'Work 3 days a week' }] }
	];
	const interventions = [{ ...newIntervention('i1'), text: 'Behavioral activation', modality: 'CBT', frequency: 'Weekly' }];
	const problems = [
		{ ...newProblem('p1'), text: 'Depressed mood', diagnosisCodes: ['F33.1'], goals, interventions },
		{ ...newProblem('p2'), text: 'Worry', diagnosisCodes: ['F41.1'] }
	];
	return signPlan({ ...newPlan('v1', 'c1', '2026-03-01', 'Dr. Rivera'), problems }, 'Dr. Rivera', new Date('2026-03-01T12:00:00Z'));
}

const v2Of = (v1: TreatmentPlan) => ({ ...nextVersion(v1, 1, 'v2', '2026-03-01'), reviewDate: v1.reviewDate });

describe('the changes between two plan versions', () => {
	it('finds nothing when the new version only copies the old one', () => {
		const v1 = signedV1();
		expect(diffPlans(v1, v2Of(v1))).toEqual([]);
	});

	it('reports changed plan dates and clinician', () => {
		const v1 = signedV1();
		const v2 = { ...v2Of(v1), reviewDate: '2026-09-01', responsibleClinician: 'Dr. Chen' };
		expect(diffPlans(v1, v2)).toEqual([
			{ kind: 'changed', where: 'Plan', field: 'Review date', before: '2026-05-30', after: '2026-09-01' },
			{ kind: 'changed', where: 'Plan', field: 'Responsible clinician', before: 'Dr. Rivera', after: 'Dr. Chen' }
		]);
	});

	it('reports each changed field of an objective, with its path', () => {
		const v1 = signedV1();
		const v2 = v2Of(v1);
		const objective = v2.problems[0]!.goals[0]!.objectives[0]!;
		objective.status = 'Met';
		objective.instrumentTarget = { instrumentId: 'phq9', below: 5 };
		objective.targetDate = '2026-06-01';
		expect(diffPlans(v1, v2)).toEqual([
			{ kind: 'changed', where: 'Problem 1 › Goal 1 › Objective 1', field: 'Target date', before: '2026-05-01', after: '2026-06-01' },
			{ kind: 'changed', where: 'Problem 1 › Goal 1 › Objective 1', field: 'Instrument target', before: 'PHQ-9 below 10', after: 'PHQ-9 below 5' },
			{ kind: 'changed', where: 'Problem 1 › Goal 1 › Objective 1', field: 'Status', before: 'Not started', after: 'Met' }
		]);
	});

	it('reports changed problem text, diagnosis codes, goals and interventions', () => {
		const v1 = signedV1();
		const v2 = v2Of(v1);
		const problem = v2.problems[0]!;
		problem.text = 'Depressed mood and poor sleep';
		problem.diagnosisCodes = ['F33.1', 'F51.01'];
		problem.goals[1]!.text = 'Return to work full time';
		problem.interventions[0]!.frequency = 'Every two weeks';
		expect(diffPlans(v1, v2).map((c) => `${c.where} | ${c.field} | ${c.before} -> ${c.after}`)).toEqual([
			'Problem 1 | Problem | Depressed mood -> Depressed mood and poor sleep',
			'Problem 1 | Diagnosis codes | F33.1 -> F33.1, F51.01',
			'Problem 1 › Goal 2 | Goal | Return to work -> Return to work full time',
			'Problem 1 › Intervention 1 | Frequency | Weekly -> Every two weeks'
		]);
	});

	it('summarises an added item in one line, numbered in the new order', () => {
		const v1 = signedV1();
		const v2 = v2Of(v1);
		v2.problems[0]!.goals.unshift({ ...newGoal('g9'), text: 'Sleep\nthrough the night', objectives: [] });
		v2.problems[1]!.interventions.push({ ...newIntervention('i9'), text: 'Worry time', modality: 'CBT', frequency: 'Weekly' });
		expect(diffPlans(v1, v2)).toEqual([
			{ kind: 'added', where: 'Problem 1 › Goal 1', field: 'Goal', before: '', after: 'Sleep through the night' },
			{ kind: 'added', where: 'Problem 2 › Intervention 1', field: 'Intervention', before: '', after: 'Worry time (CBT, Weekly)' }
		]);
	});

	it('reports a removed item once, numbered in the old order, without listing its contents', () => {
		const v1 = signedV1();
		const v2 = v2Of(v1);
		v2.problems.shift();
		v2.problems[0]!.goals.push({ ...newGoal('g5'), text: 'Fewer worry episodes', objectives: [] });
		expect(diffPlans(v1, v2)).toEqual([
			{ kind: 'added', where: 'Problem 1 › Goal 1', field: 'Goal', before: '', after: 'Fewer worry episodes' },
			{ kind: 'removed', where: 'Problem 1', field: 'Problem', before: 'Depressed mood (F33.1)', after: '' }
		]);
	});

	it('summarises a removed objective with its target', () => {
		const v1 = signedV1();
		const v2 = v2Of(v1);
		v2.problems[0]!.goals[0]!.objectives = [];
		expect(diffPlans(v1, v2)).toEqual([
			{
				kind: 'removed',
				where: 'Problem 1 › Goal 1 › Objective 1',
				field: 'Objective',
				before: 'PHQ-9 under 10 (PHQ-9 below 10, by 2026-05-01)',
				after: ''
			}
		]);
	});

	it('does not report a reordering as a change, but numbers by the new order', () => {
		const v1 = signedV1();
		const v2 = v2Of(v1);
		v2.problems.reverse();
		v2.problems[1]!.text = 'Low mood';
		expect(diffPlans(v1, v2)).toEqual([{ kind: 'changed', where: 'Problem 2', field: 'Problem', before: 'Depressed mood', after: 'Low mood' }]);
	});
});
