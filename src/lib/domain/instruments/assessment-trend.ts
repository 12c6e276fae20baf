import type { Assessment } from './assessment';
import { today } from '../core/dates';
import type { Instrument, InstrumentId } from './types';

/**
 * Change over time for one instrument, computed from the stored totals: the first administration
 * is the baseline, and the instrument's own change rules (PHQ-9: response is a drop of 50% or
 * more, remission a score under 5) are applied to every later one. No rule, no claim.
 */
export interface TrendPoint {
	assessmentId: string;
	/** ISO timestamp of the administration. */
	at: string;
	/** Its date on this device, YYYY-MM-DD. */
	date: string;
	total: number;
	/** The band label stored with the result. */
	band: string;
	/** total − baseline total: negative when the score went down. */
	changeFromBaseline: number;
	/** The change as a percentage of the baseline; null when the baseline is 0. */
	percentChange: number | null;
	response: boolean;
	remission: boolean;
}

export interface Trend {
	points: TrendPoint[];
	baseline: TrendPoint | null;
	latest: TrendPoint | null;
	/** Judged at the latest administration: a response that was later lost is not reported. */
	responseReached: boolean;
	remissionReached: boolean;
}

// A ratio like 0.5 of an odd baseline is exact in binary, but 0.3 of 10 is not: compare with slack.
const EPSILON = 1e-9;

/** This instrument's administrations with a total, oldest first. */
function scored(instrument: Instrument, assessments: readonly Assessment[]): Assessment[] {
	return assessments
		.filter((a) => a.instrumentId === instrument.id && typeof a.result.total === 'number')
		.sort(byTime);
}

function byTime(a: Assessment, b: Assessment): number {
	return Date.parse(a.administeredAt) - Date.parse(b.administeredAt) || a.id.localeCompare(b.id);
}

export function trendOf(instrument: Instrument, assessments: readonly Assessment[]): Trend {
	const list = scored(instrument, assessments);
	const first = list[0];
	if (!first) return { points: [], baseline: null, latest: null, responseReached: false, remissionReached: false };
	const base = first.result.total!;
	const { responseDrop, remissionBelow } = instrument.change ?? {};
	const points = list.map((a, i): TrendPoint => {
		const total = a.result.total!;
		const change = total - base;
		const later = i > 0;
		return {
			assessmentId: a.id,
			at: a.administeredAt,
			date: today(new Date(a.administeredAt)),
			total,
			band: a.result.band.label,
			changeFromBaseline: change,
			percentChange: base === 0 ? null : (change * 100) / base,
			response: later && responseDrop !== undefined && base > 0 && -change >= responseDrop * base - EPSILON,
			// Remission needs a baseline that was not already below the threshold.
			remission: later && remissionBelow !== undefined && base >= remissionBelow && total < remissionBelow
		};
	});
	const latest = points.at(-1)!;
	return { points, baseline: points[0]!, latest, responseReached: latest.response, remissionReached: latest.remission };
}

/** The newest administration of an instrument, or null when it was never given. */
export function latestResult(assessments: readonly Assessment[], instrumentId: InstrumentId): Assessment | null {
	const list = assessments.filter((a) => a.instrumentId === instrumentId).sort(byTime);
	return list.at(-1) ?? null;
}
