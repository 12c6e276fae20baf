/**
 * Benchmark phase "grounding": how well the grounding check flags what a draft note invents
 * (recall and false flags on the hand-labelled evaluation set) and how fast it checks a
 * 600-word note against a 10,000-word transcript (index and check, median of 5 runs).
 */
import { checkGrounding } from '$lib/domain/grounding/check';
import type { NoteSections } from '$lib/domain/notes/note-schema';
import { GROUNDING_EVAL_SET } from '../unit/grounding-eval-set';
import { evaluateGrounding } from '../unit/grounding-eval';
import { FIRST_NAMES, mulberry32, pick, type Rng } from './data';

export const GROUNDING_BUDGET_MS = 200;
export const GROUNDING_MIN_RECALL = 0.95;
export const GROUNDING_MAX_FALSE_FLAGS = 0.1;
const TRANSCRIPT_WORDS = 10_000;
const NOTE_WORDS = 600;
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

export async function benchGrounding(log: (message: string) => void) {
	const evaluation = evaluateGrounding(GROUNDING_EVAL_SET);
	log(
		`Grounding: ${GROUNDING_EVAL_SET.length} labelled pairs, recall ${round(evaluation.recall)} ` +
			`(${evaluation.unsupportedFlagged}/${evaluation.unsupportedTotal}), false flags ${round(evaluation.falseFlagRate)} ` +
			`(${evaluation.supportedFlagged}/${evaluation.supportedTotal})`
	);

	const transcript = generateTranscript(TRANSCRIPT_WORDS);
	const note = generateNote(NOTE_WORDS);
	// Untimed first run, so the timed ones measure the check and not the JIT warming up.
	checkGrounding(transcript, note);
	const runsMs: number[] = [];
	let report = checkGrounding(transcript, note);
	for (let i = 0; i < RUNS; i++) {
		const t0 = performance.now();
		report = checkGrounding(transcript, note);
		runsMs.push(performance.now() - t0);
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
	const medianMs = median(runsMs);
	log(`  ${TRANSCRIPT_WORDS}-word transcript, ${NOTE_WORDS}-word note: median ${medianMs.toFixed(0)} ms (index and check)`);
	return {
		evaluation: {
			pairs: GROUNDING_EVAL_SET.length,
			unsupportedTotal: evaluation.unsupportedTotal,
			unsupportedFlagged: evaluation.unsupportedFlagged,
			recall: round(evaluation.recall),
			expectedKindFlagged: evaluation.expectedKindFlagged,
			supportedTotal: evaluation.supportedTotal,
			supportedFlagged: evaluation.supportedFlagged,
			falseFlagRate: round(evaluation.falseFlagRate),
			// Sentences only (fictional data), so the report shows what the check gets wrong.
			misses: evaluation.misses.map((m) => `${m.id}: ${m.sentence}`),
			falseFlags: evaluation.falseFlags.map((f) => `${f.id}: ${f.sentence} (${f.flags.map((x) => x.kind).join(', ')})`)
		},
		timing: {
			transcriptWords: transcript.split(/\s+/).length,
			noteWords: Object.values(note).join(' ').split(/\s+/).length,
			noteSentences: report.sentences.length,
			flaggedSentences: report.flaggedCount,
			runsMs: runsMs.map((m) => Math.round(m * 100) / 100),
			medianMs: Math.round(medianMs * 100) / 100
		}
	};
}
