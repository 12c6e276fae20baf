import { describe, expect, it } from 'vitest';
import { SPECIFIC_KINDS, type EvalItem } from '../fixtures/grounding/eval-types';
import { MTS_DIALOG_SET } from '../fixtures/grounding/mts-dialog';
import { THERAPY_SESSION_SET } from '../fixtures/grounding/therapy-sessions';
import { evaluateGrounding, type EvalCase, type GroundingEvaluation } from './grounding-eval';

/**
 * The grounding check's floors on both labelled sets, each on its own: the therapy sessions the
 * team wrote, and MTS-Dialog, other people's conversations and notes. `npm run bench` reports
 * the same figures with every miss and every mark on a supported sentence.
 */

const show = (cases: readonly EvalCase[]) => cases.map((c) => `${c.id}: ${c.sentence} ${JSON.stringify([...c.flags, ...c.hints])}`).join('\n');

function floors(name: string, set: readonly EvalItem[]) {
	describe(`the grounding check on ${name}`, () => {
		let evaluation: GroundingEvaluation | undefined;
		const result = () => (evaluation ??= evaluateGrounding(set));

		it('flags at least 98% of unsupported sentences of the specific kinds', () => {
			expect(result().flagRecall.rate, show(result().misses)).toBeGreaterThanOrEqual(0.98);
		});

		it('flags at most 3% of supported sentences', () => {
			expect(result().falseFlags.rate, show(result().falseFlagCases)).toBeLessThanOrEqual(0.03);
		});

		it('marks at least half of the other unsupported claims, with a hint or a flag', () => {
			expect(result().hintCoverage.rate, show(result().hintMisses)).toBeGreaterThanOrEqual(0.5);
		});

		it('gives at most 10% of supported sentences a hint', () => {
			expect(result().falseHints.rate, show(result().falseHintCases)).toBeLessThanOrEqual(0.1);
		});
	});
}

floors('the therapy-session set', THERAPY_SESSION_SET);
floors('MTS-Dialog (notes written by others)', MTS_DIALOG_SET);

describe('the MTS-Dialog development set', () => {
	it('has at least 150 cases, every note sentence labelled, and injected sentences of every kind', () => {
		expect(MTS_DIALOG_SET.length).toBeGreaterThanOrEqual(150);
		const labels = MTS_DIALOG_SET.flatMap((i) => i.labels);
		expect(labels.every((l) => typeof l.supported === 'boolean' && (l.supported || l.kind))).toBe(true);
		const injected = new Set(labels.filter((l) => l.injected).map((l) => l.kind));
		expect([...injected].sort()).toEqual([...SPECIFIC_KINDS].filter((k) => k !== 'assumed-normal').concat('other').sort());
		// The reference notes carry real unsupported facts of their own, not only injected ones.
		expect(labels.filter((l) => !l.injected && !l.supported).length).toBeGreaterThan(50);
	});
});
