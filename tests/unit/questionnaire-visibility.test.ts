import { describe, expect, it } from 'vitest';
import { bandShades, describeTrend, trendTableRows } from '$lib/domain/instruments/trend-chart';
import {
	canAdvance,
	clientModeSteps,
	itemHeading,
	neighbourStep,
	pruneHiddenAnswers,
	readyToSave,
	remainingMessage,
	SEX_QUESTION,
	unansweredItems,
	type ClientStep
} from '$lib/domain/instruments/administration';
import type { Answers, Instrument, InstrumentItem } from '$lib/domain/instruments/types';

// A small screener shaped like the C-SSRS: 3 is asked only after "Yes" to 2, 4 only after
// "Yes" to 3 (its rule looks at 3 alone, as real definitions do), 5 always; plus an unscored closing question like PHQ-9's difficulty item.
const yesNo = [
	{ value: 0, label: 'No' },
	{ value: 1, label: 'Yes' }
];
const item = (id: string, scored = true): InstrumentItem => ({ id, label: id, text: `Question ${id}`, options: yesNo, scored });
const items = [item('1'), item('2'), item('3'), item('4'), item('5'), item('10', false)];

function fakeInstrument(overrides: Partial<Instrument> = {}): Instrument {
	return {
		id: 'cssrs-screener',
		name: 'Fake',
		fullName: 'Fake screener',
		instructions: 'Answer each question.',
		items,
		visibleItems: (a: Answers) => items.filter((i) => (i.id === '3' ? a['2'] === 1 : i.id === '4' ? a['3'] === 1 : true)),
		score: () => {
			throw new Error('not used');
		},
		range: { min: 0, max: 5 },
		bands: [],
		needsContext: [],
		licence: 'test',
		attribution: 'test',
		timeframe: 'In the past month',
		administration: 'self-report',
		...overrides
	};
}

const keys = (steps: ClientStep[]) => steps.map((s) => s.key);

describe('which questions are still open', () => {
	it('asks only the visible scored questions, so follow-ups count once they appear', () => {
		const fake = fakeInstrument();
		expect(unansweredItems(fake, { '1': 0, '2': 0, '5': 0 }).map((i) => i.id)).toEqual([]);
		expect(unansweredItems(fake, { '1': 0, '2': 1, '5': 0 }).map((i) => i.id)).toEqual(['3']);
		expect(unansweredItems(fake, { '1': 0, '2': 1, '3': 1, '5': 0 }).map((i) => i.id)).toEqual(['4']);
	});

	it('lets an unscored question stay blank without blocking save', () => {
		expect(readyToSave(fakeInstrument(), { '1': 0, '2': 0, '5': 1 }, {})).toBe(true);
	});

	it('blocks save until the cut-off is chosen when the instrument needs it', () => {
		const fake = fakeInstrument({ needsContext: ['sex'] });
		const answers = { '1': 0, '2': 0, '5': 1 };
		expect(readyToSave(fake, answers, {})).toBe(false);
		expect(remainingMessage(fake, answers, {})).toBe('Choose which cut-off applies.');
		expect(readyToSave(fake, answers, { sex: 'female' })).toBe(true);
	});

	it('tells the clinician how many questions are left and which', () => {
		const fake = fakeInstrument();
		expect(remainingMessage(fake, {}, {})).toBe('3 questions still to answer (1, 2, 5).');
		expect(remainingMessage(fake, { '1': 0, '2': 0 }, {})).toBe('1 question still to answer (5).');
		expect(remainingMessage(fake, { '1': 0, '2': 0, '5': 0 }, {})).toBe('All questions answered.');
	});

	it('heads each question with its published number', () => {
		expect(itemHeading({ ...item('9'), text: 'Thoughts that you would be better off dead' })).toBe('9. Thoughts that you would be better off dead');
		expect(itemHeading({ ...item('x'), label: '' })).toBe('Question x');
	});
});

describe('answers to questions that skip logic hid', () => {
	it('are dropped before saving, including a follow-up of a follow-up', () => {
		const corrected = { '1': 1, '2': 0, '3': 1, '4': 1, '5': 0 };
		expect(pruneHiddenAnswers(fakeInstrument(), corrected)).toEqual({ '1': 1, '2': 0, '5': 0 });
	});

	it('are kept while their question is still asked', () => {
		const answers = { '1': 1, '2': 1, '3': 1, '4': 0, '5': 0, '10': 1 };
		expect(pruneHiddenAnswers(fakeInstrument(), answers)).toEqual(answers);
	});
});

describe('client mode screens', () => {
	it('puts the cut-off question first and the review last', () => {
		const steps = clientModeSteps(fakeInstrument({ needsContext: ['sex'] }), {});
		expect(keys(steps)).toEqual(['context', 'item:1', 'item:2', 'item:5', 'item:10', 'review']);
	});

	it('counts "Question n of m" over the questions skip logic shows', () => {
		const fake = fakeInstrument();
		const before = clientModeSteps(fake, { '2': 0 }).filter((s) => s.kind === 'item');
		expect(before.map((s) => [s.number, s.count])).toEqual([[1, 4], [2, 4], [3, 4], [4, 4]]);
		const after = clientModeSteps(fake, { '2': 1 });
		const third = after.find((s) => s.key === 'item:3');
		expect(third).toMatchObject({ number: 3, count: 5 });
	});

	it('offers Next only once a scored question is answered, and lets an unscored one be skipped', () => {
		const fake = fakeInstrument({ needsContext: ['sex'] });
		const [context, first] = clientModeSteps(fake, {});
		const unscored = clientModeSteps(fake, {}).find((s) => s.key === 'item:10')!;
		expect(canAdvance(context!, fake, {}, {})).toBe(false);
		expect(canAdvance(context!, fake, {}, { sex: 'male' })).toBe(true);
		expect(canAdvance(first!, fake, {}, {})).toBe(false);
		expect(canAdvance(first!, fake, { '1': 0 }, {})).toBe(true);
		expect(canAdvance(unscored, fake, {}, {})).toBe(true);
	});

	it('moves to the follow-up after "Yes" and past it after "No"', () => {
		const fake = fakeInstrument();
		expect(neighbourStep(clientModeSteps(fake, { '2': 1 }), 'item:2', 1)).toBe('item:3');
		expect(neighbourStep(clientModeSteps(fake, { '2': 0 }), 'item:2', 1)).toBe('item:5');
		expect(neighbourStep(clientModeSteps(fake, {}), 'item:1', -1)).toBe('item:1');
		expect(neighbourStep(clientModeSteps(fake, {}), 'review', 1)).toBe('review');
	});

	it('returns to the first screen when the current question was hidden', () => {
		expect(neighbourStep(clientModeSteps(fakeInstrument(), { '2': 0 }), 'item:3', 1)).toBe('item:1');
	});
});

describe('the cut-off question', () => {
	// clinical.md: AUDIT-C is positive at 4 or more for men, 3 or more for women.
	it('tells the clinician the cut-off each choice applies', () => {
		expect(SEX_QUESTION.options.map((o) => [o.value, o.clinicianLabel])).toEqual([
			['female', 'Female (positive at 3 or more)'],
			['male', 'Male (positive at 4 or more)']
		]);
	});

	it('shows the client no cut-off numbers', () => {
		for (const o of SEX_QUESTION.options) expect(o.clientLabel).not.toMatch(/\d|positive/i);
		expect(SEX_QUESTION.clientHeading + SEX_QUESTION.clientHint).not.toMatch(/\d|score|positive/i);
	});
});

describe('trend chart words and shading', () => {
	const labels = { response: 'Response', remission: 'Remission' };
	const points = [
		{ date: '2026-01-05', total: 20, band: 'severe' },
		{ date: '2026-02-02', total: 14, band: 'moderate' },
		{ date: '2026-03-02', total: 8, band: 'mild', response: true }
	];

	it('summarises the trend in words for screen readers', () => {
		expect(describeTrend('PHQ-9', points, labels)).toBe('PHQ-9 from 20 (severe) on 2026-01-05 to 8 (mild) on 2026-03-02; response reached');
		expect(describeTrend('PHQ-9', points.slice(0, 1), labels)).toBe('PHQ-9: 20 (severe) on 2026-01-05, the only score so far');
		expect(describeTrend('PHQ-9', [], labels)).toBe('PHQ-9: no scores yet');
	});

	it('lists each score with its change from baseline and markers', () => {
		const rows = trendTableRows([...points, { date: '2026-04-06', total: 4, band: 'minimal', response: true, remission: true }], labels);
		expect(rows.map((r) => [r.change, r.marker])).toEqual([
			['0', 'Baseline'],
			['-6 (-30%)', ''],
			['-12 (-60%)', 'Response'],
			['-16 (-80%)', 'Response, Remission']
		]);
	});

	it('measures change from the given baseline when it differs from the first point shown', () => {
		expect(trendTableRows(points.slice(1), labels, 20).map((r) => [r.change, r.marker])).toEqual([
			['-6 (-30%)', ''],
			['-12 (-60%)', 'Response']
		]);
		expect(trendTableRows([{ date: 'd', total: 3, band: 'minimal' }], labels, 0)[0]!.change).toBe('+3');
	});

	it('shades PHQ-9 bands edge to edge across 0-27, mildest neutral and most severe warmest', () => {
		const phq9 = [
			{ min: 0, max: 4, label: 'Minimal', severity: 0 },
			{ min: 5, max: 9, label: 'Mild', severity: 1 },
			{ min: 10, max: 14, label: 'Moderate', severity: 2 },
			{ min: 15, max: 19, label: 'Moderately severe', severity: 3 },
			{ min: 20, max: 27, label: 'Severe', severity: 4 }
		];
		const shades = bandShades(phq9, { min: 0, max: 27 });
		expect(shades.map((s) => [s.yMin, s.yMax])).toEqual([
			[0, 4.5],
			[4.5, 9.5],
			[9.5, 14.5],
			[14.5, 19.5],
			[19.5, 27]
		]);
		expect(shades.map((s) => s.tone)).toEqual([0, 0.25, 0.5, 0.75, 1]);
	});
});
