import type { Band } from './types';

/** The trend chart's words (for screen readers and the table) and its band geometry. */

export interface TrendChartPoint {
	date: string;
	total: number;
	band: string;
	response?: boolean;
	remission?: boolean;
}

export interface MarkerLabels {
	response: string;
	remission: string;
}

/** "PHQ-9 from 20 (severe) on 2026-01-05 to 8 (mild) on 2026-03-02; response reached". */
export function describeTrend(title: string, points: readonly TrendChartPoint[], labels: MarkerLabels): string {
	const first = points[0];
	const last = points.at(-1);
	if (!first || !last) return `${title}: no scores yet`;
	const at = (p: TrendChartPoint) => `${p.total} (${p.band}) on ${p.date}`;
	if (points.length === 1) return `${title}: ${at(first)}, the only score so far`;
	const reached = [
		points.some((p) => p.response) ? `${labels.response.toLowerCase()} reached` : '',
		points.some((p) => p.remission) ? `${labels.remission.toLowerCase()} reached` : ''
	].filter(Boolean);
	return [`${title} from ${at(first)} to ${at(last)}`, ...reached].join('; ');
}

/** "-12 (-60%)", "+3", "0": plain hyphen-minus, which screen readers read as "minus". */
export function changeFromBaselineText(total: number, baseline: number): string {
	const diff = total - baseline;
	const signed = diff > 0 ? `+${diff}` : `${diff}`;
	if (diff === 0 || baseline === 0) return signed;
	const percent = Math.round((diff / baseline) * 100);
	return `${signed} (${percent > 0 ? '+' : ''}${percent}%)`;
}

export interface TrendTableRow {
	date: string;
	score: number;
	band: string;
	change: string;
	marker: string;
}

/** The chart's data as table rows; without an explicit baseline the first score is the baseline. */
export function trendTableRows(points: readonly TrendChartPoint[], labels: MarkerLabels, baseline?: number): TrendTableRow[] {
	const base = baseline ?? points[0]?.total ?? 0;
	return points.map((p, i) => ({
		date: p.date,
		score: p.total,
		band: p.band,
		change: changeFromBaselineText(p.total, base),
		marker: [
			i === 0 && p.total === base ? 'Baseline' : '',
			p.response ? labels.response : '',
			p.remission ? labels.remission : ''
		]
			.filter(Boolean)
			.join(', ')
	}));
}

export interface BandShade {
	label: string;
	yMin: number;
	yMax: number;
	/** 0 for the mildest band up to 1 for the most severe, for a neutral-to-warm palette. */
	tone: number;
}

/**
 * Bands are published as whole-number ranges (0-4, 5-9); shading meets halfway between them
 * so the chart has no pale stripes, clamped to the instrument's range.
 */
export function bandShades(bands: readonly Band[], range: { min: number; max: number }): BandShade[] {
	const sorted = [...bands].sort((a, b) => a.min - b.min);
	const ranks = [...new Set(bands.map((b) => b.severity))].sort((a, b) => a - b);
	const top = Math.max(1, ranks.length - 1);
	return sorted.map((band, i) => {
		const below = sorted[i - 1];
		const above = sorted[i + 1];
		return {
			label: band.label,
			yMin: Math.max(range.min, below ? (below.max + band.min) / 2 : band.min),
			yMax: Math.min(range.max, above ? (band.max + above.min) / 2 : band.max),
			tone: ranks.indexOf(band.severity) / top
		};
	});
}
