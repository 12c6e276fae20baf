/**
 * Benchmark phase "grounding": how well the grounding check marks what a draft note invents, on
 * each labelled set apart (the therapy sessions written by the team, and MTS-Dialog written by
 * others), with flags and hints counted separately; and how fast it checks a 600-word note
 * against a 10,000-word transcript (index and check, median of 5 runs), with the curve from
 * 1,000 to 40,000 words.
 */
import { checkGrounding } from '$lib/domain/grounding/check';
import type { NoteSections } from '$lib/domain/notes/note-schema';
import type { EvalItem } from '../fixtures/grounding/eval-types';
import { MTS_DIALOG_SET } from '../fixtures/grounding/mts-dialog';
import { THERAPY_SESSION_SET } from '../fixtures/grounding/therapy-sessions';
import { evaluateGrounding, type EvalCase, type GroundingEvaluation } from '../unit/grounding-eval';
import { FIRST_NAMES, mulberry32, pick, type Rng } from './data';

export const GROUNDING_BUDGET_MS = 200;
/** The targets, per set: flags catch the specific kinds and rarely land on a supported sentence; hints reach half the rest. */
export const GROUNDING_TARGETS = { flagRecall: 0.98, falseFlags: 0.03, hintCoverage: 0.5, falseHints: 0.1 } as const;
const TRANSCRIPT_WORDS = 10_000;
const NOTE_WORDS = 600;
const CURVE_WORDS = [1_000, 2_500, 5_000, 10_000, 20_000, 40_000] as const;
const RUNS = 5;

const FEELINGS = ['anxious', 'exhausted', 'hopeful', 'irritable', 'numb', 'overwhelmed', 'calmer', 'guilty', 'lonely'];
const PLACES = ['at work', 'at the grocery store', 'on the bus', 'at my mother’s house', 'in class', 'at the gym'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MEDS = ['sertraline 50 mg', 'trazodone 100 mg', 'bupropion 150 mg', 'hydroxyzine 25 mg', 'lamotrigine 100 mg'];
const SKILLS = ['paced breathing', 'the thought record', 'urge surfing', 'the five senses exercise', 'worry time'];
const COUNTS = ['two', 'three', 'four', 'five', 'six'];

const CLIENT_LINES: ((r: Rng) => string)[] = [
	(r) => `I felt ${pick(r, FEELINGS)} most of the week, especially ${pick(r, PLACES)}.`,
	(r) => `On ${pick(r, DAYS)} I slept maybe ${pick(r, COUNTS)} hours and then I just stayed in bed.`,
	(r) => `My friend ${pick(r, FIRST_NAMES)} called and we talked for a while, which helped a little.`,
	(r) => `I have been taking the ${pick(r, MEDS)} like the doctor said, mostly in the mornings.`,
	(r) => `I tried ${pick(r, SKILLS)} ${pick(r, COUNTS)} times and it took the edge off.`,
	(r) => `Honestly I keep thinking that I am letting everyone down ${pick(r, PLACES)}.`,
	() => 'No, nothing like that. I would not hurt myself.'
];
const THERAPIST_LINES: ((r: Rng) => string)[] = [
	(r) => `What did you notice in your body when you felt ${pick(r, FEELINGS)}?`,
	(r) => `Let us practice ${pick(r, SKILLS)} together for a few minutes.`,
	() => 'Have you had any thoughts of hurting yourself or ending your life?',
	(r) => `How did the plan for ${pick(r, DAYS)} go?`,
	() => 'That sounds really hard. What helped, even a little?'
];

/** A seeded transcript with timestamps and speaker labels, about `words` words long. */
export function generateTranscript(words: number, seed = 7): string {
	const r = mulberry32(seed);
	const lines: string[] = [];
	let count = 0;
	for (let turn = 0; count < words; turn++) {
		const clock = `[${String(Math.floor(turn / 60)).padStart(2, '0')}:${String(turn % 60).padStart(2, '0')}:00]`;
		const client = turn % 2 === 1;
		const said = Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(r, client ? CLIENT_LINES : THERAPIST_LINES)(r)).join(' ');
		const line = `${clock} ${client ? 'Client' : 'Therapist'}: ${said}`;
		lines.push(line);
		count += line.split(/\s+/).length;
	}
	return lines.join('\n');
}

/** A SOAP draft of about `words` words: paraphrases of the transcript plus some invented facts. */
export function generateNote(words: number, seed = 11): NoteSections {
	const r = mulberry32(seed);
	const sentences: ((r: Rng) => string)[] = [
		(r) => `Client reported feeling ${pick(r, FEELINGS)}, particularly ${pick(r, PLACES).replace('my', 'her')}.`,
		(r) => `She reported sleeping about ${pick(r, COUNTS)} hours on ${pick(r, DAYS)}.`,
		(r) => `Client reports taking ${pick(r, MEDS)} each morning as prescribed.`,
		(r) => `Practiced ${pick(r, SKILLS)} in session; client said it "took the edge off."`,
		() => 'Client denied thoughts of hurting herself or ending her life.',
		(r) => `Her friend ${pick(r, FIRST_NAMES)} called and they talked for a while.`,
		// Invented, so the check has flags to raise as it would on a real draft.
		() => 'Client was alert and oriented x3 with no acute distress.',
		() => 'She reported drinking 12 cups of coffee a day.'
	];
	const keys = ['subjective', 'objective', 'assessment', 'plan'];
	const note: NoteSections = Object.fromEntries(keys.map((k) => [k, '']));
	for (let i = 0, count = 0; count < words; i++) {
		const sentence = pick(r, sentences)(r);
		const key = keys[i % keys.length]!;
		note[key] = note[key] ? `${note[key]} ${sentence}` : sentence;
		count += sentence.split(/\s+/).length;
	}
	return note;
}

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Index and check, median of `RUNS` timed runs after an untimed one (so the JIT is warm). */
async function timeCheck(transcript: string, note: NoteSections): Promise<{ runsMs: number[]; medianMs: number; flagged: number; hinted: number; sentences: number }> {
	checkGrounding(transcript, note);
	const runsMs: number[] = [];
	let report = checkGrounding(transcript, note);
	for (let i = 0; i < RUNS; i++) {
		const t0 = performance.now();
		report = checkGrounding(transcript, note);
		runsMs.push(performance.now() - t0);
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
	return {
		runsMs: runsMs.map((m) => Math.round(m * 100) / 100),
		medianMs: Math.round(median(runsMs) * 100) / 100,
		flagged: report.flaggedCount,
		hinted: report.hintedCount,
		sentences: report.sentences.length
	};
}

const describe = (c: EvalCase) => `${c.id}: ${c.sentence}${c.kind ? ` [${c.kind}${c.detail ? `/${c.detail}` : ''}]` : ''}`;

/** The figures of one set, with the sentences behind each miss and each mark on a supported sentence. */
function setReport(name: string, set: readonly EvalItem[], e: GroundingEvaluation, log: (message: string) => void) {
	const rate = (r: { hit: number; total: number; rate: number }) => `${round(r.rate)} (${r.hit}/${r.total})`;
	log(`Grounding, ${name}: ${set.length} sources, ${e.supported} supported sentences`);
	log(`  flags: recall ${rate(e.flagRecall)} on the specific kinds, on supported sentences ${rate(e.falseFlags)}`);
	log(`  hints: reach ${rate(e.hintCoverage)} of the other unsupported claims, on supported sentences ${rate(e.falseHints)}`);
	return {
		sources: set.length,
		supported: e.supported,
		flagRecall: e.flagRecall,
		flagRecallByKind: e.flagRecallByKind,
		falseFlags: e.falseFlags,
		hintCoverage: e.hintCoverage,
		falseHints: e.falseHints,
		misses: e.misses.map(describe),
		flagsOnSupported: e.falseFlagCases.map((c) => `${describe(c)} (${c.flags.join('; ')})`),
		hintsOnSupported: e.falseHintCases.map((c) => `${describe(c)} (${c.hints.join('; ')})`),
		hintMisses: e.hintMisses.map(describe)
	};
}

export async function benchGrounding(log: (message: string) => void) {
	const sets = {
		therapySessions: setReport('therapy sessions', THERAPY_SESSION_SET, evaluateGrounding(THERAPY_SESSION_SET), log),
		mtsDialog: setReport('MTS-Dialog (notes written by others)', MTS_DIALOG_SET, evaluateGrounding(MTS_DIALOG_SET), log)
	};
	const note = generateNote(NOTE_WORDS);
	const transcript = generateTranscript(TRANSCRIPT_WORDS);
	const timing = await timeCheck(transcript, note);
	log(`  ${TRANSCRIPT_WORDS}-word transcript, ${NOTE_WORDS}-word note: median ${timing.medianMs.toFixed(0)} ms (index and check)`);
	const curve: { transcriptWords: number; medianMs: number }[] = [];
	for (const words of CURVE_WORDS) {
		const t = words === TRANSCRIPT_WORDS ? timing : await timeCheck(generateTranscript(words), note);
		curve.push({ transcriptWords: words, medianMs: t.medianMs });
	}
	log(`  curve: ${curve.map((c) => `${c.transcriptWords / 1000}k words ${c.medianMs.toFixed(0)} ms`).join(', ')}`);
	return {
		sets,
		timing: {
			transcriptWords: transcript.split(/\s+/).length,
			noteWords: Object.values(note).join(' ').split(/\s+/).length,
			noteSentences: timing.sentences,
			flaggedSentences: timing.flagged,
			hintedSentences: timing.hinted,
			runsMs: timing.runsMs,
			medianMs: timing.medianMs
		},
		curve
	};
}
