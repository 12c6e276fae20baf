import { describe, expect, it } from 'vitest';
import { AppError } from '$lib/domain/core/app-error';
import {
	activeGoals,
	activePlan,
	assertPlanChangeAllowed,
	latestVersions,
	newGoal,
	newIntervention,
	newObjective,
	newPlan,
	newProblem,
	nextVersion,
	objectiveScore,
	planContentHash,
	reviewsDue,
	signatureHolds,
	signedPlanContent,
	signPlan,
	validatePlan,
	type TreatmentPlan
} from '$lib/domain/plans/treatment-plan';

const signedAt = new Date('2026-03-01T15:00:00Z');

/** A plan that passes validation: one problem, one goal, one objective with a PHQ-9 target, one intervention. */
function completePlan(id = 'plan-1', clientId = 'client-1', today = '2026-03-01'): TreatmentPlan {
	const plan = newPlan(id, clientId, today, 'Dr. Rivera');
	const objective = { ...newObjective(`${id}-o1`), text: 'PHQ-9 under 10', targetDate: '2026-05-01', instrumentTarget: { instrumentId: 'phq9' as const, below: 10 } };
	const goal = { ...newGoal(`${id}-g1`), text: 'Less depressed mood', objectives: [objective] };
	const intervention = { ...newIntervention(`${id}-i1`), text: 'Behavioral activation', modality: 'CBT', frequency: 'Weekly' };
	const problem = { ...newProblem(`${id}-p1`), text: 'Depressed mood', diagnosisCodes: ['F33.1'], goals: [goal], interventions: [intervention] };
	return { ...plan, problems: [problem] };
}

function codeOf(run: () => unknown): string {
	try {
		run();
	} catch (e) {
		return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
	}
	return 'no error';
}

describe('a new treatment plan', () => {
	it('starts as an empty draft, version 1 of its own series, due for review in 90 days', () => {
		const plan = newPlan('p1', 'c1', '2026-01-15', 'Dr. Rivera');
		expect(plan).toMatchObject({ version: 1, seriesId: 'p1', status: 'draft', startDate: '2026-01-15', reviewDate: '2026-04-15', problems: [], draftedWith: 'manual' });
		expect(plan.previousVersionId).toBeNull();
	});

	it('creates items with empty text and objectives not started, without a target', () => {
		expect(newObjective('o')).toEqual({ id: 'o', text: '', targetDate: '', instrumentTarget: null, status: 'Not started' });
		expect(newProblem('p')).toEqual({ id: 'p', text: '', diagnosisCodes: [], goals: [], interventions: [] });
		expect(newGoal('g').objectives).toEqual([]);
		expect(newIntervention('i')).toMatchObject({ text: '', modality: '', frequency: '' });
	});
});

describe('validating a plan', () => {
	it('accepts a complete plan', () => {
		expect(validatePlan(completePlan())).toEqual({});
	});

	it('asks for a problem, objective text, a review date and full dates', () => {
		const empty = { ...newPlan('p1', 'c1', '2026-01-15', 'Dr. Rivera'), reviewDate: '' };
		expect(validatePlan(empty).problems).toBe('Add at least one problem.');
		expect(validatePlan(empty).reviewDate).toBe('Enter the date the plan will be reviewed.');
		const plan = completePlan();
		const objective = plan.problems[0]!.goals[0]!.objectives[0]!;
		objective.text = '  ';
		objective.targetDate = '2026-02-30';
		plan.reviewDate = '15/04/2026';
		const errors = validatePlan(plan);
		expect(errors[`${objective.id}.text`]).toBe('Describe the objective, or remove it.');
		expect(errors[`${objective.id}.targetDate`]).toBe('Use a full date for the target.');
		expect(errors.reviewDate).toBe('Use a full date for the review.');
	});

	it('keeps instrument targets inside the published score range and refuses the C-SSRS', () => {
		const targetError = (instrumentId: 'phq9' | 'gad7' | 'audit-c' | 'cssrs-screener', below: number) => {
			const plan = completePlan();
			const objective = plan.problems[0]!.goals[0]!.objectives[0]!;
			objective.instrumentTarget = { instrumentId, below };
			return validatePlan(plan)[`${objective.id}.instrumentTarget`];
		};
		expect(targetError('phq9', 27)).toBeUndefined();
		expect(targetError('phq9', 28)).toBe('Choose a target between 1 and 27 for the PHQ-9.');
		expect(targetError('gad7', 22)).toBe('Choose a target between 1 and 21 for the GAD-7.');
		expect(targetError('audit-c', 0)).toBe('Choose a target between 1 and 12 for the AUDIT-C.');
		expect(targetError('phq9', 9.5)).toBeDefined();
		expect(targetError('cssrs-screener', 1)).toBe('The C-SSRS screener has no total score, so it cannot be a target.');
	});
});

describe('signing a plan', () => {
	it('records the signer, the time and a hash of the signed content', () => {
		const signed = signPlan(completePlan(), 'Dr. Rivera', signedAt);
		expect(signed).toMatchObject({ status: 'signed', signedBy: 'Dr. Rivera', signedAt: '2026-03-01T15:00:00.000Z' });
		expect(signed.contentHash).toMatch(/^[0-9a-f]{64}$/);
		expect(signatureHolds(signed)).toBe(true);
	});

	it('signs every clinical field: a changed objective status breaks the signature', () => {
		const signed = signPlan(completePlan(), 'Dr. Rivera', signedAt);
		const content = signedPlanContent(signed);
		for (const part of ['2026-03-01', '2026-05-30', 'Dr. Rivera', 'Depressed mood', 'F33.1', 'Less depressed mood', 'PHQ-9 below 10', 'Not started', 'Behavioral activation', 'CBT', 'Weekly']) {
			expect(content).toContain(part);
		}
		const tampered = structuredClone(signed);
		tampered.problems[0]!.goals[0]!.objectives[0]!.status = 'Met';
		expect(planContentHash(tampered)).not.toBe(signed.contentHash);
		expect(signatureHolds(tampered)).toBe(false);
	});

	it('refuses to sign twice or to sign a plan with errors', () => {
		const signed = signPlan(completePlan(), 'Dr. Rivera', signedAt);
		expect(codeOf(() => signPlan(signed, 'Dr. Rivera'))).toBe('plan/signed');
		expect(codeOf(() => signPlan(newPlan('p2', 'c1', '2026-03-01', 'Dr. Rivera'), 'Dr. Rivera'))).toBe('record/invalid');
	});
});

describe('the storage guard', () => {
	it('lets drafts change but never a signed version', () => {
		const draft = completePlan();
		expect(() => assertPlanChangeAllowed(null, draft)).not.toThrow();
		expect(() => assertPlanChangeAllowed(draft, { ...draft, reviewDate: '2026-07-01' })).not.toThrow();
		const signed = signPlan(draft, 'Dr. Rivera', signedAt);
		expect(() => assertPlanChangeAllowed(draft, signed)).not.toThrow();
		expect(() => assertPlanChangeAllowed(signed, { ...signed })).not.toThrow();
		const edited = structuredClone(signed);
		edited.problems[0]!.interventions[0]!.frequency = 'Monthly';
		expect(codeOf(() => assertPlanChangeAllowed(signed, edited))).toBe('plan/signed');
		expect(codeOf(() => assertPlanChangeAllowed(signed, { ...signed, status: 'draft' }))).toBe('plan/signed');
	});

	it('accepts a signed plan read back with its fields in another order', () => {
		const signed = signPlan(completePlan(), 'Dr. Rivera', signedAt);
		const reordered = Object.fromEntries(Object.entries(signed).reverse()) as unknown as TreatmentPlan;
		expect(() => assertPlanChangeAllowed(signed, reordered)).not.toThrow();
	});
});

describe('a new version', () => {
	it('copies the signed plan as a draft of the next version with the same item ids', () => {
		const v1 = signPlan(completePlan(), 'Dr. Rivera', signedAt);
		const v2 = nextVersion(v1, 1, 'plan-2', '2026-05-20');
		expect(v2).toMatchObject({ id: 'plan-2', seriesId: 'plan-1', version: 2, previousVersionId: 'plan-1', status: 'draft', startDate: '2026-03-01', reviewDate: '2026-08-18' });
		expect(v2).toMatchObject({ signedBy: null, signedAt: null, contentHash: null });
		expect(v2.problems[0]!.goals[0]!.objectives[0]!.id).toBe('plan-1-o1');
		// Editing the draft never touches the signed version.
		v2.problems[0]!.goals[0]!.objectives[0]!.instrumentTarget!.below = 5;
		expect(signatureHolds(v1)).toBe(true);
	});

	it('is made only from the latest signed version', () => {
		const draft = completePlan();
		expect(codeOf(() => nextVersion(draft, 1, 'x', '2026-05-20'))).toBe('plan/not-signed');
		const v1 = signPlan(draft, 'Dr. Rivera', signedAt);
		expect(codeOf(() => nextVersion(v1, 2, 'x', '2026-05-20'))).toBe('plan/not-latest');
	});
});

describe('which plan is in force', () => {
	const v1 = signPlan(completePlan('s1', 'client-1', '2026-01-05'), 'Dr. Rivera', signedAt);
	const v2draft = nextVersion(v1, 1, 's1-v2', '2026-03-01');
	v2draft.problems[0]!.goals[0]!.text = 'Steadier mood';
	const v2 = signPlan(v2draft, 'Dr. Rivera', signedAt);
	const v3draft = { ...nextVersion(v2, 2, 's1-v3', '2026-04-01'), problems: [] };
	const otherClient = signPlan(completePlan('s9', 'client-2', '2026-02-01'), 'Dr. Rivera', signedAt);

	it('keeps only the newest version of each series', () => {
		expect(latestVersions([v1, v3draft, v2, otherClient]).map((p) => p.id).sort()).toEqual(['s1-v3', 's9']);
	});

	it('is the newest signed version, not a newer draft, and only for that client', () => {
		expect(activePlan([v1, v2, v3draft, otherClient], 'client-1')?.id).toBe('s1-v2');
		expect(activePlan([v3draft], 'client-1')).toBeNull();
		expect(activeGoals([v1, v2, v3draft, otherClient], 'client-1').map((g) => g.goal.text)).toEqual(['Steadier mood']);
		expect(activeGoals([], 'client-1')).toEqual([]);
	});

	it('comes from the client\'s newest series once it is signed', () => {
		const newSeries = signPlan(completePlan('s2', 'client-1', '2026-06-01'), 'Dr. Rivera', signedAt);
		expect(activePlan([v1, v2, newSeries], 'client-1')?.id).toBe('s2');
		// A new series still in draft leaves the signed plan in force.
		expect(activePlan([v1, v2, { ...newSeries, status: 'draft' }], 'client-1')?.id).toBe('s1-v2');
	});
});

describe('reviews due', () => {
	const withReview = (id: string, reviewDate: string) => ({ ...newPlan(id, 'c1', '2026-01-01', 'Dr. Rivera'), reviewDate });

	it('lists reviews due within 30 days and overdue ones, soonest first, and none further out', () => {
		const plans = [withReview('in30', '2026-04-30'), withReview('in31', '2026-05-01'), withReview('late', '2026-03-25'), withReview('today', '2026-03-31')];
		expect(reviewsDue(plans, '2026-03-31').map((d) => [d.plan.id, d.daysLeft])).toEqual([
			['late', -6],
			['today', 0],
			['in30', 30]
		]);
		expect(reviewsDue(plans, '2026-03-31', 31).map((d) => d.plan.id)).toContain('in31');
	});

	it('counts only the latest version of a series', () => {
		const v1 = signPlan({ ...completePlan('s1'), reviewDate: '2026-03-02' }, 'Dr. Rivera', signedAt);
		const v2 = { ...nextVersion(v1, 1, 's1-v2', '2026-03-01'), reviewDate: '2026-09-01' };
		expect(reviewsDue([v1, v2], '2026-03-01')).toEqual([]);
	});
});

describe('an objective against its latest score', () => {
	const objective = { ...newObjective('o1'), text: 'Mood', instrumentTarget: { instrumentId: 'phq9' as const, below: 10 } };

	it('says whether the target is met: strictly under the target', () => {
		expect(objectiveScore(objective, { total: 12, administeredAt: '2026-03-02' })).toEqual({ text: 'PHQ-9 12 on 2026-03-02 (target below 10: not yet met)', met: false });
		expect(objectiveScore(objective, { total: 10, administeredAt: '2026-03-02' }).met).toBe(false);
		expect(objectiveScore(objective, { total: 9, administeredAt: '2026-03-09T12:00:00Z' })).toEqual({ text: 'PHQ-9 9 on 2026-03-09 (target below 10: met)', met: true });
	});

	it('says nothing is known without a score or a target', () => {
		expect(objectiveScore(objective, null)).toEqual({ text: 'PHQ-9: no score yet (target below 10)', met: null });
		expect(objectiveScore(newObjective('o2'), { total: 3, administeredAt: '2026-03-02' }).met).toBeNull();
	});
});
