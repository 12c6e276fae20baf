import { AppError } from '../core/app-error';
import type { Answers, Band, InstrumentItem, ResponseOption } from './types';

/**
 * What every instrument's scoring shares: the answer set is checked before anything is added up,
 * and a missing or unknown answer stops scoring rather than being read as 0.
 */

/** Options valued 0, 1, 2 … in the published order. */
export function scale(labels: readonly string[]): readonly ResponseOption[] {
	return labels.map((label, value) => ({ value, label }));
}

/** Numbered items ("1" … "n") that share one set of options. */
export function numberedItems(texts: readonly string[], options: readonly ResponseOption[], first = 1): InstrumentItem[] {
	return texts.map((text, i) => ({ id: String(first + i), label: String(first + i), text, options, scored: true }));
}

/**
 * Every scored item in `items` must be answered with one of its own option values; an unscored
 * item (PHQ-9's difficulty question) may be left blank but not answered with a value it lacks.
 * Answers to items not in `items` (not asked, or unknown) are ignored, never scored.
 */
export function checkAnswers(items: readonly InstrumentItem[], answers: Answers): void {
	for (const item of items) {
		if (!Object.hasOwn(answers, item.id)) continue;
		const value = answers[item.id];
		if (!item.options.some((o) => o.value === value)) throw new AppError('assessment/invalid-answer', { item: item.id });
	}
	const missing = items.filter((item) => item.scored && !Object.hasOwn(answers, item.id)).map((item) => item.id);
	if (missing.length > 0) throw new AppError('assessment/incomplete', { missing: missing.join(',') });
}

/** The sum of the scored items' answers; call after `checkAnswers`. */
export function sumOf(items: readonly InstrumentItem[], answers: Answers): number {
	return items.filter((item) => item.scored).reduce((sum, item) => sum + (answers[item.id] ?? 0), 0);
}

/** The band a total falls in; the bands must cover the whole range, so none found is a defect. */
export function bandOf(bands: readonly Band[], total: number): Band {
	const band = bands.find((b) => total >= b.min && total <= b.max);
	if (!band) throw new AppError('app/unexpected', { reason: 'total-outside-bands', total });
	return band;
}

/** The label of the option chosen for an item ("Several days"). */
export function optionLabel(item: InstrumentItem, value: number): string {
	return item.options.find((o) => o.value === value)?.label ?? String(value);
}

/** "1", "1 and 2", "1, 2 and 6". */
export function listOf(ids: readonly string[]): string {
	return ids.length <= 1 ? (ids[0] ?? '') : `${ids.slice(0, -1).join(', ')} and ${ids.at(-1)}`;
}
