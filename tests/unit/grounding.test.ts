import { describe, expect, it } from 'vitest';
import { checkGrounding, indexSource, type GroundedSentence, type GroundingFlagKind } from '$lib/domain/grounding/check';
import { NOTE_FORMATS, type NoteFormatId } from '$lib/domain/notes/note-formats';
import { GROUNDING_EVAL_SET } from '../fixtures/grounding/therapy-sessions';

/** The checked sentence for a one-sentence draft. */
function check(source: string, sentence: string): GroundedSentence {
	const [result] = checkGrounding(source, { plan: sentence }).sentences;
	return result!;
}

const kinds = (source: string, sentence: string): GroundingFlagKind[] => check(source, sentence).flags.map((f) => f.kind);

const MEDS = 'Client: I take sertraline 50 mg every morning. It helps with the worry.';

describe('the grounding check', () => {
	it('links a paraphrase to the source sentence it comes from, with offsets into the source', () => {
		const source = 'Therapist: How was the week?\nClient: I could not sleep more than four hours because of the deadlines at work.\nClient: My sister visited.';
		const result = check(source, 'Client reported sleeping about 4 hours a night due to work deadlines.');
		expect(result.flags).toEqual([]);
		const best = result.supportedBy[0]!;
		expect(best.index).toBe(1);
		expect(source.slice(best.start, best.end)).toBe('Client: I could not sleep more than four hours because of the deadlines at work.');
	});

	it('gives each draft sentence its section and offsets within the section text', () => {
		const plan = 'Continue weekly sessions.  Next session on Monday.';
		const { sentences } = checkGrounding('We agreed to continue weekly. See you Monday.', { plan });
		expect(sentences.map((s) => [s.section, plan.slice(s.start, s.end)])).toEqual([
			['plan', 'Continue weekly sessions.'],
			['plan', 'Next session on Monday.']
		]);
	});

	it('never flags "Not documented"', () => {
		const result = check('Client talked about her garden.', 'Not documented');
		expect(result.flags).toEqual([]);
	});

	it('gives a sentence the source does not support at all a quiet hint, not a flag', () => {
		const result = check(MEDS, 'Client enjoys painting landscapes with her neighbour.');
		expect(result.flags).toEqual([]);
		expect(result.hints.map((h) => h.kind)).toEqual(['no-close-source']);
		expect(result.hints[0]!.reason).toMatch(/No close source/);
		expect(result.score).toBeLessThan(0.5);
	});

	it('counts flagged and hinted sentences apart in the report', () => {
		const report = checkGrounding(MEDS, { plan: 'Client takes sertraline 100 mg. Client enjoys painting landscapes with her neighbour. Sertraline helps with the worry.' });
		expect([report.flaggedCount, report.hintedCount]).toEqual([1, 1]);
	});

	it('gives every supported sentence its best source span as evidence', () => {
		const source = 'Therapist: How is the medication?\nClient: I take sertraline 50 mg every morning and it helps with the worry.';
		const result = check(source, 'She takes sertraline 50 mg daily, which helps her worry.');
		expect(result.flags).toEqual([]);
		expect(source.slice(result.evidence!.start, result.evidence!.end)).toBe('Client: I take sertraline 50 mg every morning and it helps with the worry.');
	});

	it('flags a number that is not in the source, but not one written as a word there', () => {
		const source = 'Client: I have been sleeping about four hours a night.';
		expect(kinds(source, 'Client reports sleeping 4 hours a night.')).toEqual([]);
		expect(kinds(source, 'Client reports sleeping 6 hours a night.')).toEqual(['number']);
	});

	it('flags a number that appears in the source only about something else', () => {
		const source = [
			'Client: I waited about 40 minutes before washing my hands.',
			'Therapist: How did that feel?',
			'Client: Hard at first.',
			'Client: I also went back to the gym this week.'
		].join('\n');
		const flags = check(source, 'Client reports going to the gym 40 times a month.').flags;
		expect(flags.map((f) => f.kind)).toContain('number');
		expect(flags.find((f) => f.kind === 'number')!.closestSource).toContain('40 minutes');
	});

	it('flags a score or percentage that is not in the source', () => {
		expect(kinds('PHQ-9 today was 14.', 'PHQ-9 score was 14.')).toEqual([]);
		expect(kinds('PHQ-9 today was 14.', 'PHQ-9 score was 18.')).toEqual(['number']);
		expect(kinds('Sleep efficiency was about 70%.', 'Sleep efficiency was 85%.')).toEqual(['number']);
	});

	it('matches "Nov 3" with "November 3rd" and flags a date or weekday that is not in the source', () => {
		const source = 'The launch moved to November 3rd. We meet again Tuesday.';
		expect(kinds(source, 'The launch moved to Nov 3.')).toEqual([]);
		expect(kinds(source, 'The launch moved to Nov 4.')).toEqual(['date']);
		expect(kinds(source, 'We meet again Thursday.')).toEqual(['date']);
	});

	it('flags a person named in the draft but not in the source, and not the names it has', () => {
		const source = 'Client: My sister Lena said she would remind me.';
		expect(kinds(source, 'Client stated her sister Lena will remind her.')).toEqual([]);
		const flags = check(source, 'Client stated her sister Marta will remind her.').flags;
		expect(flags.map((f) => [f.kind, f.text])).toEqual([['name', 'Marta']]);
	});

	it('does not take capitalised roles, section words or sentence starts for names', () => {
		const source = 'Client: I argued with my mother again. Therapist: Let us plan what to say.';
		expect(kinds(source, 'Client argued with her Mother again; Therapist and Client planned what to say.')).toEqual([]);
	});

	it('flags a medication that is not in the source, and accepts a brand name for a generic one', () => {
		expect(kinds(MEDS, 'Client takes Zoloft 50 mg every morning.')).toEqual([]);
		expect(kinds(MEDS, 'Client takes sertraline 50 mg and Xanax every morning.')).toEqual(['medication']);
	});

	it('flags a dose that is not in the source, and does not flag a dose that is', () => {
		expect(kinds(MEDS, 'Client takes sertraline 50mg every morning.')).toEqual([]);
		const flags = check(MEDS, 'Client takes sertraline 100 mg every morning.').flags;
		expect(flags.map((f) => f.kind)).toEqual(['dose']);
		expect(flags[0]!.closestSource).toBe('Client: I take sertraline 50 mg every morning.');
	});

	it('flags a dose for a medication the source names without any dose', () => {
		const source = 'Client: I stopped taking the lamotrigine two weeks ago because it made me dizzy.';
		const flags = check(source, 'Client stopped taking lamotrigine 100 mg two weeks ago because it made her dizzy.').flags;
		expect(flags.map((f) => [f.kind, f.text])).toEqual([['dose', '100 mg']]);
	});

	it('flags a medication given a dose the source gives another medication', () => {
		const source = 'She takes sertraline 50 mg in the morning and trazodone 100 mg at night.';
		expect(kinds(source, 'She takes sertraline 100 mg in the morning.')).toEqual(['dose']);
		expect(kinds(source, 'She takes trazodone 100 mg at night.')).toEqual([]);
	});

	it('flags a quotation that is not verbatim and points to what was said', () => {
		const source = 'Client: I keep replaying everything I did not finish.';
		const flags = check(source, 'Client said, "I keep replaying everything I never finished."').flags;
		expect(flags.map((f) => f.kind)).toEqual(['quotation']);
		expect(flags[0]!.closestSource).toBe(source);
	});

	it('accepts a verbatim quotation with different quote marks, case and spacing', () => {
		const source = "Pt reports mood 'a little   better' since October.";
		expect(kinds(source, 'Client reported her mood is “A little better” since October.')).toEqual([]);
	});

	it('flags a quotation that is nowhere in the source', () => {
		const flags = check('Client talked about her garden and the tomatoes.', 'Client said, "I finally feel like myself."').flags;
		expect(flags.find((f) => f.kind === 'quotation')!.reason).toMatch(/not in the session content/);
	});

	it('flags "denies SI" when the source never discusses suicidality', () => {
		const flags = check('Client talked about her garden and the tomatoes.', 'Client denies SI.').flags;
		expect(flags.map((f) => f.kind)).toContain('risk');
	});

	it('accepts "denies SI" when the source says the client denied suicidal ideation', () => {
		expect(kinds('Client denied suicidal ideation. She talked about her garden.', 'Client denies SI.')).toEqual([]);
	});

	it('reads a denial from the answer to a screening question', () => {
		const source = 'Therapist: Any thoughts of hurting yourself or ending your life?\nClient: No, nothing like that.';
		expect(kinds(source, 'Client denied thoughts of self-harm or suicide.')).toEqual([]);
	});

	it('flags a denial when the source records the risk being endorsed', () => {
		const source = 'Therapist: Are you having thoughts of killing yourself?\nClient: Sometimes, at night. I do not have a plan.';
		expect(kinds(source, 'Client denies suicidal ideation.')).toContain('risk');
		expect(kinds(source, 'Client endorsed suicidal thoughts at night without a plan.')).toEqual([]);
	});

	it('flags a safety plan, safety contract or risk level the source does not record', () => {
		const source = 'Client denied suicidal ideation. We talked about her week at work.';
		for (const sentence of ['Safety plan reviewed.', 'Client contracted for safety.', 'Client is at low risk.']) {
			expect(kinds(source, sentence), sentence).toContain('risk');
		}
		expect(kinds('We went through a safety plan together.', 'Safety plan reviewed.')).toEqual([]);
	});

	it('flags assumed-normal findings the source never observed', () => {
		const source = 'Client talked about work stress and poor sleep.';
		for (const sentence of ['Client was alert and oriented x3.', 'Affect was appropriate.', 'Client was in no acute distress.', 'Client made good eye contact.']) {
			expect(kinds(source, sentence), sentence).toContain('assumed-normal');
		}
		expect(kinds('Client made good eye contact and was cooperative.', 'Client made good eye contact.')).toEqual([]);
	});

	it('checks a 10,000-word transcript and a 600-word note quickly', () => {
		const lines: string[] = [];
		for (let i = 0; lines.join(' ').split(/\s+/).length < 10_000; i++) {
			lines.push(`Client: On day ${i} I walked to the store and talked with my brother about work, sleep and the ${i % 7} bills.`);
			lines.push(`Therapist: What did you notice about your mood on day ${i}, and what helped?`);
		}
		const draft = { plan: Array.from({ length: 50 }, (_, i) => `Client walked to the store on day ${i} and talked about sleep.`).join(' ') };
		const t0 = performance.now();
		const report = checkGrounding(indexSource(lines.join('\n')), draft);
		const ms = performance.now() - t0;
		expect(report.sentences).toHaveLength(50);
		// Generous here (CI machines vary); the benchmark holds the real 200 ms budget.
		expect(ms).toBeLessThan(1000);
	});
});

describe('the grounding evaluation set', () => {
	it('covers all six note formats with at least 40 pairs whose sections match their format', () => {
		expect(GROUNDING_EVAL_SET.length).toBeGreaterThanOrEqual(40);
		expect(new Set(GROUNDING_EVAL_SET.map((i) => i.format))).toEqual(new Set(Object.keys(NOTE_FORMATS)));
		for (const item of GROUNDING_EVAL_SET) {
			const keys = NOTE_FORMATS[item.format as NoteFormatId].sections.map((s) => s.key);
			expect(Object.keys(item.draft), item.id).toEqual(keys);
		}
	});

	it('has every kind of unsupported statement', () => {
		const labelled = new Set(GROUNDING_EVAL_SET.flatMap((i) => i.labels.map((l) => l.kind)));
		for (const kind of ['number', 'date', 'name', 'medication', 'dose', 'quotation', 'risk', 'assumed-normal', 'other']) {
			expect(labelled, kind).toContain(kind);
		}
	});
});
