import { describe, expect, it } from 'vitest';
import { AppError } from '$lib/domain/core/app-error';
import { INSTRUMENTS, instrument, scoreAssessment } from '$lib/domain/instruments/registry';
import type { Answers, Instrument, ScoringContext } from '$lib/domain/instruments/types';

// Every rule pinned here comes from tests/fixtures/reference/clinical.md, "Instruments".
const PHQ9 = instrument('phq9');
const GAD7 = instrument('gad7');
const PCL5 = instrument('pcl5');
const AUDIT_C = instrument('audit-c');
const AUDIT = instrument('audit');
const CSSRS = instrument('cssrs-screener');

function errorOf(run: () => unknown): AppError {
	try {
		run();
	} catch (e) {
		if (e instanceof AppError) return e;
		throw e;
	}
	throw new Error('expected an AppError');
}

/** Answers to every scored item that add up to `total`, the largest allowed answer first. */
function summing(inst: Instrument, total: number): Record<string, number> {
	const answers: Record<string, number> = {};
	let left = total;
	for (const item of inst.items.filter((i) => i.scored)) {
		const value = Math.max(...item.options.map((o) => o.value).filter((v) => v <= left));
		answers[item.id] = value;
		left -= value;
	}
	if (left !== 0) throw new Error(`cannot make ${total} for ${inst.id}`);
	return answers;
}

const scoreOf = (inst: Instrument, total: number, context?: ScoringContext) => inst.score(summing(inst, total), context);
const bandAt = (inst: Instrument, total: number, context?: ScoringContext) => scoreOf(inst, total, context).band.label;

describe('the registry', () => {
	it('lists the six instruments in the order they are offered', () => {
		expect(INSTRUMENTS.map((i) => i.name)).toEqual(['PHQ-9', 'GAD-7', 'PCL-5', 'AUDIT-C', 'AUDIT', 'C-SSRS screener']);
	});

	it('carries licence and attribution text for every instrument', () => {
		for (const inst of INSTRUMENTS) {
			expect(inst.licence.length).toBeGreaterThan(20);
			expect(inst.attribution.length).toBeGreaterThan(20);
		}
		expect(PHQ9.attribution).toContain('Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc.');
		expect(PHQ9.licence).toMatch(/public domain/i);
		expect(PCL5.attribution).toContain('National Center for PTSD');
		expect(PCL5.licence).toMatch(/public domain/i);
		expect(AUDIT.attribution).toContain('Babor');
		expect(AUDIT.attribution).toContain('World Health Organization; 2001');
		expect(CSSRS.attribution).toContain('© 2008 The Research Foundation for Mental Hygiene, Inc.');
	});

	it('refuses an instrument id it does not know', () => {
		expect(errorOf(() => instrument('beck-99')).code).toBe('assessment/unknown-instrument');
		expect(errorOf(() => scoreAssessment('beck-99', {})).code).toBe('assessment/unknown-instrument');
	});

	it('has the published number of questions', () => {
		const counts = (inst: Instrument) => [inst.items.length, inst.items.filter((i) => i.scored).length];
		expect(counts(PHQ9)).toEqual([10, 9]);
		expect(counts(GAD7)).toEqual([7, 7]);
		expect(counts(PCL5)).toEqual([20, 20]);
		expect(counts(AUDIT_C)).toEqual([3, 3]);
		expect(counts(AUDIT)).toEqual([10, 10]);
		expect(CSSRS.items.map((i) => i.id)).toEqual(['1', '2', '3', '4', '5', '6', '6b']);
		expect(CSSRS.items.at(-1)!.label).toBe('6');
	});

	it('keeps the published wording, answers and look-back period', () => {
		expect(PHQ9.instructions).toBe('Over the last 2 weeks, how often have you been bothered by any of the following problems?');
		expect(PHQ9.items[8]!.text).toBe('Thoughts that you would be better off dead or of hurting yourself in some way');
		expect(PHQ9.items[0]!.options.map((o) => o.label)).toEqual(['Not at all', 'Several days', 'More than half the days', 'Nearly every day']);
		expect(GAD7.items[0]!.text).toBe('Feeling nervous, anxious, or on edge');
		expect(PCL5.items[0]!.text).toBe('Repeated, disturbing, and unwanted memories of the stressful experience?');
		expect(PCL5.items[0]!.options.map((o) => o.label)).toEqual(['Not at all', 'A little bit', 'Moderately', 'Quite a bit', 'Extremely']);
		expect(PCL5.timeframe).toBe('In the past month');
		expect(AUDIT.items[0]!.text).toBe('How often do you have a drink containing alcohol?');
		expect(AUDIT.items[1]!.options.map((o) => o.label)).toEqual(['1 or 2', '3 or 4', '5 or 6', '7, 8, or 9', '10 or more']);
		expect(AUDIT_C.items).toEqual(AUDIT.items.slice(0, 3));
		expect(CSSRS.items[0]!.text).toBe('Have you wished you were dead or wished you could go to sleep and not wake up?');
		expect(CSSRS.items[0]!.options).toEqual([{ value: 1, label: 'Yes' }, { value: 0, label: 'No' }]);
	});

	it('names the LOINC codes of the PHQ-9 and GAD-7 totals', () => {
		expect(PHQ9.loinc).toEqual({ code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' });
		expect(GAD7.loinc).toEqual({ code: '70274-6', display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]' });
	});

	it('gives change rules to the PHQ-9 only', () => {
		expect(PHQ9.change).toEqual({ responseDrop: 0.5, remissionBelow: 5 });
		expect(GAD7.change).toBeUndefined();
	});
});

describe('PHQ-9', () => {
	it.each([
		[0, 'Minimal'], [4, 'Minimal'], [5, 'Mild'], [9, 'Mild'], [10, 'Moderate'], [14, 'Moderate'],
		[15, 'Moderately severe'], [19, 'Moderately severe'], [20, 'Severe'], [27, 'Severe']
	])('puts a total of %i in the %s band', (total, band) => {
		expect(scoreOf(PHQ9, total).total).toBe(total);
		expect(bandAt(PHQ9, total)).toBe(band);
	});

	it('flags any answer above 0 on item 9 for a same-day risk assessment', () => {
		const base = summing(PHQ9, 6);
		expect(PHQ9.score({ ...base, '9': 0 }).risk).toEqual([]);
		const flagged = PHQ9.score({ ...base, '9': 1 });
		expect(flagged.risk).toHaveLength(1);
		expect(flagged.risk[0]!.kind).toBe('phq9-item9');
		expect(flagged.risk[0]!.summary).toContain('Several days (1)');
		expect(flagged.findings.join(' ')).toContain('same-day risk assessment');
	});

	it('stores the difficulty question without scoring or requiring it', () => {
		const answers = summing(PHQ9, 12);
		expect(PHQ9.score(answers).total).toBe(12);
		expect(PHQ9.score({ ...answers, '10': 3 }).total).toBe(12);
		expect(PHQ9.items.find((i) => i.id === '10')!.scored).toBe(false);
		expect(errorOf(() => PHQ9.score({ ...answers, '10': 4 })).details).toEqual({ item: '10' });
	});

	it('refuses an incomplete answer set, naming the missing items', () => {
		const answers = summing(PHQ9, 8);
		delete answers['3'];
		delete answers['7'];
		const error = errorOf(() => PHQ9.score(answers));
		expect(error.code).toBe('assessment/incomplete');
		expect(error.details).toEqual({ missing: '3,7' });
	});

	it('refuses an answer that is not one of the item options', () => {
		for (const bad of [4, -1, 1.5, Number.NaN]) {
			const error = errorOf(() => PHQ9.score({ ...summing(PHQ9, 0), '4': bad }));
			expect(error.code).toBe('assessment/invalid-answer');
			expect(error.details).toEqual({ item: '4' });
		}
	});
});

describe('GAD-7', () => {
	it.each([
		[0, 'Minimal'], [4, 'Minimal'], [5, 'Mild'], [9, 'Mild'], [10, 'Moderate'], [14, 'Moderate'], [15, 'Severe'], [21, 'Severe']
	])('puts a total of %i in the %s band', (total, band) => {
		expect(scoreOf(GAD7, total).total).toBe(total);
		expect(bandAt(GAD7, total)).toBe(band);
	});

	it('calls for further evaluation at 10 or more, not at 9', () => {
		expect(scoreOf(GAD7, 9).findings).toEqual([]);
		expect(scoreOf(GAD7, 10).findings).toEqual(['Total of 10 or more: warrants further evaluation.']);
	});

	it('refuses a missing answer', () => {
		const answers = summing(GAD7, 3);
		delete answers['7'];
		expect(errorOf(() => GAD7.score(answers)).details).toEqual({ missing: '7' });
	});
});

describe('PCL-5', () => {
	const rated = (values: Record<number, number>): Answers =>
		Object.fromEntries(PCL5.items.map((item, i) => [item.id, values[i + 1] ?? 0]));

	it.each([[0, 'Below cut-off'], [30, 'Below cut-off'], [31, 'At or above cut-off'], [80, 'At or above cut-off']])(
		'puts a total of %i %s',
		(total, band) => {
			expect(scoreOf(PCL5, total).total).toBe(total);
			expect(bandAt(PCL5, total)).toBe(band);
		}
	);

	it('reports probable PTSD from a total of 31, not 30', () => {
		const probable = 'Total of 31 or more: probable PTSD (the published cut-off is 31-33); confirm with a clinical interview.';
		expect(scoreOf(PCL5, 30).findings).not.toContain(probable);
		expect(scoreOf(PCL5, 31).findings).toContain(probable);
	});

	it('sums each cluster and counts the items rated 2 or more', () => {
		const result = PCL5.score(rated({ 1: 2, 2: 1, 5: 4, 6: 3, 8: 2, 14: 1, 15: 2, 20: 4 }));
		expect(result.subscales.map((s) => [s.id, s.score, s.endorsed])).toEqual([
			['B', 7, 2],
			['C', 3, 1],
			['D', 3, 1],
			['E', 6, 2]
		]);
	});

	it('meets the provisional pattern with 1 B, 1 C, 2 D and 2 E items rated 2, even below the cut-off', () => {
		const result = PCL5.score(rated({ 1: 2, 6: 2, 8: 2, 9: 2, 15: 2, 16: 2 }));
		expect(result.total).toBe(12);
		expect(result.findings.some((f) => f.startsWith('Provisional DSM-5 PTSD pattern met'))).toBe(true);
	});

	it('does not meet the pattern with one D item short', () => {
		const result = PCL5.score(rated({ 1: 2, 6: 2, 8: 2, 9: 1, 15: 2, 16: 2 }));
		expect(result.findings.some((f) => f.startsWith('Provisional DSM-5 PTSD pattern not met'))).toBe(true);
	});

	it('does not meet the pattern when a cluster is missing, however high the total', () => {
		const high = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [i + 1, i < 14 ? 4 : 1]));
		const result = PCL5.score(rated(high));
		expect(result.total).toBe(62);
		expect(result.subscales.find((s) => s.id === 'E')!.endorsed).toBe(0);
		expect(result.findings.some((f) => f.startsWith('Total of 31 or more'))).toBe(true);
		expect(result.findings.some((f) => f.startsWith('Provisional DSM-5 PTSD pattern not met'))).toBe(true);
	});
});

describe('AUDIT-C', () => {
	const women: ScoringContext = { sex: 'female' };
	const men: ScoringContext = { sex: 'male' };

	it('needs the sex for its cut-off and refuses to score without it', () => {
		expect(AUDIT_C.needsContext).toEqual(['sex']);
		expect(errorOf(() => AUDIT_C.score(summing(AUDIT_C, 3))).code).toBe('assessment/context-missing');
		expect(errorOf(() => AUDIT_C.score(summing(AUDIT_C, 3), {})).code).toBe('assessment/context-missing');
	});

	it('is positive at 3 for women and not at 2', () => {
		expect(bandAt(AUDIT_C, 2, women)).toBe('Negative screen');
		expect(bandAt(AUDIT_C, 3, women)).toBe('Positive screen');
		expect(scoreOf(AUDIT_C, 3, women).findings).toEqual(['Positive screen (women: 3 or more).']);
	});

	it('is positive at 4 for men and not at 3', () => {
		expect(bandAt(AUDIT_C, 3, men)).toBe('Negative screen');
		expect(scoreOf(AUDIT_C, 3, men).findings).toEqual(['Negative screen (men: positive at 4 or more).']);
		expect(bandAt(AUDIT_C, 4, men)).toBe('Positive screen');
		expect(scoreOf(AUDIT_C, 4, men).band.severity).toBe(1);
	});

	it('scores from 0 to 12', () => {
		expect(scoreOf(AUDIT_C, 0, men).total).toBe(0);
		expect(scoreOf(AUDIT_C, 12, women).total).toBe(12);
		expect(AUDIT_C.range).toEqual({ min: 0, max: 12 });
	});

	it('marks both cut-offs on its chart bands', () => {
		expect(AUDIT_C.bands.map((b) => [b.min, b.max])).toEqual([[0, 2], [3, 3], [4, 12]]);
	});
});

describe('AUDIT', () => {
	it.each([
		[0, 'Zone I'], [7, 'Zone I'], [8, 'Zone II'], [15, 'Zone II'], [16, 'Zone III'], [19, 'Zone III'], [20, 'Zone IV'], [40, 'Zone IV']
	])('puts a total of %i in %s', (total, band) => {
		expect(scoreOf(AUDIT, total).total).toBe(total);
		expect(bandAt(AUDIT, total)).toBe(band);
	});

	it('scores questions 9 and 10 only as 0, 2 or 4', () => {
		for (const id of ['9', '10']) {
			const item = AUDIT.items.find((i) => i.id === id)!;
			expect(item.options).toEqual([
				{ value: 0, label: 'No' },
				{ value: 2, label: 'Yes, but not in the last year' },
				{ value: 4, label: 'Yes, during the last year' }
			]);
			for (const bad of [1, 3]) {
				const error = errorOf(() => AUDIT.score({ ...summing(AUDIT, 0), [id]: bad }));
				expect(error.code).toBe('assessment/invalid-answer');
				expect(error.details).toEqual({ item: id });
			}
		}
		expect(AUDIT.score({ ...summing(AUDIT, 0), '9': 2, '10': 4 }).total).toBe(6);
	});
});

describe('C-SSRS screener', () => {
	const visible = (answers: Answers) => CSSRS.visibleItems(answers).map((i) => i.id);
	const no = { '1': 0, '2': 0, '6': 0 };

	it('asks 3, 4 and 5 only after yes to 2, always asks 6, and asks about the past 3 months only after yes to 6', () => {
		expect(visible({})).toEqual(['1', '2', '6']);
		expect(visible({ '2': 0 })).toEqual(['1', '2', '6']);
		expect(visible({ '2': 1 })).toEqual(['1', '2', '3', '4', '5', '6']);
		expect(visible({ '2': 0, '6': 1 })).toEqual(['1', '2', '6', '6b']);
		expect(visible({ '2': 1, '6': 1 })).toEqual(['1', '2', '3', '4', '5', '6', '6b']);
	});

	it.each([
		['none', 'No risk identified', no],
		['low', 'Low risk', { ...no, '1': 1 }],
		['low', 'Low risk', { '1': 1, '2': 1, '3': 0, '4': 0, '5': 0, '6': 0 }],
		['moderate', 'Moderate risk', { '1': 1, '2': 1, '3': 1, '4': 0, '5': 0, '6': 0 }],
		['moderate', 'Moderate risk', { ...no, '6': 1, '6b': 0 }],
		['high', 'High risk', { '1': 0, '2': 1, '3': 0, '4': 1, '5': 0, '6': 0 }],
		['high', 'High risk', { '1': 0, '2': 1, '3': 0, '4': 0, '5': 1, '6': 0 }],
		['high', 'High risk', { ...no, '6': 1, '6b': 1 }]
	])('rates %s risk (%s) for %j', (level, label, answers) => {
		const result = CSSRS.score(answers);
		expect(result.riskLevel).toBe(level);
		expect(result.band.label).toBe(label);
		expect(result.total).toBeNull();
		const flagged = level === 'moderate' || level === 'high';
		expect(result.risk.map((r) => [r.kind, r.level])).toEqual(flagged ? [['cssrs-risk', level]] : []);
	});

	it('ignores answers to questions that were not asked', () => {
		// Answered 3-5 after a yes to 2, then changed 2 to no.
		const result = CSSRS.score({ '1': 0, '2': 0, '3': 1, '4': 1, '5': 1, '6': 0 });
		expect(result.riskLevel).toBe('none');
		expect(result.risk).toEqual([]);
	});

	it('refuses to score until every asked question is answered', () => {
		expect(errorOf(() => CSSRS.score({ '1': 0, '2': 1, '6': 0 })).details).toEqual({ missing: '3,4,5' });
		expect(errorOf(() => CSSRS.score({ ...no, '6': 1 })).details).toEqual({ missing: '6b' });
		expect(errorOf(() => CSSRS.score({ ...no, '1': 2 })).code).toBe('assessment/invalid-answer');
	});

	it('has no total and no range', () => {
		expect(CSSRS.range).toBeNull();
	});
});

describe('who may answer alone', () => {
	it('hands only the self-report questionnaires to the client; the interview versions stay with the clinician', () => {
		const byMode = Object.fromEntries(INSTRUMENTS.map((i) => [i.id, i.administration]));
		expect(byMode).toEqual({
			phq9: 'self-report',
			gad7: 'self-report',
			pcl5: 'self-report',
			'audit-c': 'interview',
			audit: 'interview',
			'cssrs-screener': 'interview'
		});
	});
});
