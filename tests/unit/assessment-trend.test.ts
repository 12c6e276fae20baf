import { describe, expect, it } from 'vitest';
import type { Assessment } from '$lib/domain/instruments/assessment';
import { latestResult, trendOf } from '$lib/domain/instruments/assessment-trend';
import { instrument } from '$lib/domain/instruments/registry';
import type { InstrumentId } from '$lib/domain/instruments/types';

// PHQ-9 change rules from tests/fixtures/reference/clinical.md: response is a drop of 50% or more from
// baseline, remission a score under 5.
const PHQ9 = instrument('phq9');
const GAD7 = instrument('gad7');

let next = 0;
/** A stored administration with this total (the trend reads stored results, as computed then). */
function given(total: number | null, date: string, instrumentId: InstrumentId = 'phq9'): Assessment {
	next += 1;
	return {
		id: `a${next}`,
		clientId: 'c1',
		sessionId: null,
		instrumentId,
		answers: {},
		context: {},
		administeredAt: `${date}T12:00:00.000Z`,
		administeredBy: 'client',
		result: { total, band: { label: `band of ${total}`, severity: 0 }, subscales: [], findings: [], risk: [], riskLevel: 'none' }
	};
}

const latestOf = (baseline: number, latest: number) =>
	trendOf(PHQ9, [given(baseline, '2026-01-05'), given(latest, '2026-03-02')]);

describe('a score trend', () => {
	it('orders administrations by time and measures change from the first', () => {
		const trend = trendOf(PHQ9, [given(14, '2026-03-02'), given(20, '2026-01-05'), given(17, '2026-02-02')]);
		expect(trend.points.map((p) => [p.date, p.total, p.changeFromBaseline])).toEqual([
			['2026-01-05', 20, 0],
			['2026-02-02', 17, -3],
			['2026-03-02', 14, -6]
		]);
		expect(trend.baseline!.total).toBe(20);
		expect(trend.latest!.total).toBe(14);
		expect(trend.latest!.percentChange).toBe(-30);
		expect(trend.latest!.band).toBe('band of 14');
	});

	it('uses only this instrument and only administrations with a total', () => {
		const trend = trendOf(PHQ9, [given(12, '2026-01-05'), given(15, '2026-01-06', 'gad7'), given(null, '2026-01-07')]);
		expect(trend.points.map((p) => p.total)).toEqual([12]);
	});

	it('is empty when the instrument was never given', () => {
		expect(trendOf(PHQ9, [given(15, '2026-01-06', 'gad7')])).toEqual({
			points: [],
			baseline: null,
			latest: null,
			responseReached: false,
			remissionReached: false
		});
	});

	it('reaches response at exactly a 50% drop', () => {
		const trend = latestOf(20, 10);
		expect(trend.latest!.response).toBe(true);
		expect(trend.responseReached).toBe(true);
	});

	it('does not reach response at a 49% drop', () => {
		const trend = latestOf(100, 51);
		expect(trend.latest!.percentChange).toBe(-49);
		expect(trend.responseReached).toBe(false);
	});

	it('reaches remission at 4 and not at 5', () => {
		expect(latestOf(20, 4).remissionReached).toBe(true);
		expect(latestOf(20, 5).remissionReached).toBe(false);
	});

	it('does not call a baseline already under 5 a remission', () => {
		expect(latestOf(3, 2).remissionReached).toBe(false);
	});

	it('judges response at the latest administration, so a lost response is not reported', () => {
		const trend = trendOf(PHQ9, [given(20, '2026-01-05'), given(8, '2026-02-02'), given(15, '2026-03-02')]);
		expect(trend.points[1]!.response).toBe(true);
		expect(trend.responseReached).toBe(false);
	});

	it('gives no percentage against a baseline of 0', () => {
		const trend = latestOf(0, 6);
		expect(trend.latest!.changeFromBaseline).toBe(6);
		expect(trend.latest!.percentChange).toBeNull();
		expect(trend.responseReached).toBe(false);
	});

	it('claims neither response nor remission for an instrument without change rules', () => {
		const trend = trendOf(GAD7, [given(20, '2026-01-05', 'gad7'), given(2, '2026-03-02', 'gad7')]);
		expect(trend.latest!.percentChange).toBe(-90);
		expect(trend.responseReached).toBe(false);
		expect(trend.remissionReached).toBe(false);
	});
});

describe('the latest result', () => {
	it('is the newest administration of the instrument', () => {
		const newest = given(9, '2026-03-02');
		expect(latestResult([newest, given(20, '2026-01-05'), given(3, '2026-04-01', 'gad7')], 'phq9')).toBe(newest);
	});

	it('is null when the instrument was never given', () => {
		expect(latestResult([given(9, '2026-03-02')], 'audit')).toBeNull();
	});
});
