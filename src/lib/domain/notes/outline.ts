import { NOT_DOCUMENTED, type NoteFormat } from './note-formats';
import type { NoteSections } from './note-schema';

/**
 * The outline (no AI): the clinician's own sentences, each placed whole and unchanged into the
 * section its words point to. It never rephrases, summarises or adds anything, so a note
 * drafted this way says exactly what the clinician wrote and no more; a section with nothing
 * says "Not documented". Simple keyword rules, deliberately predictable.
 */

/** What a sentence is about; each role has preferred section keys, first present one wins. */
type Role = 'reported' | 'observed' | 'intervention' | 'response' | 'assessment' | 'plan' | 'goal';

const SECTIONS_FOR: Readonly<Record<Role, readonly string[]>> = {
	reported: ['subjective', 'data', 'behavior', 'situation', 'problem', 'goals'],
	observed: ['objective', 'data', 'behavior', 'situation', 'problem', 'response'],
	intervention: ['intervention', 'objective', 'data'],
	response: ['response', 'evaluation', 'assessment'],
	assessment: ['assessment', 'response', 'evaluation'],
	plan: ['plan', 'evaluation'],
	goal: ['goals', 'plan', 'problem']
};

/** Keyword cues per role, each worth its weight when present. Ties go to the earlier role. */
const CUES: readonly (readonly [Role, RegExp, number])[] = [
	['observed', /\b(observed|appeared|appears|affect|presented|presentation|eye contact|speech was|oriented|groomed|tearful|fidget\w*|noted)\b/i, 2],
	['observed', /\b(scored?|PHQ-?9|GAD-?7|PCL-?5|BDI(-II)?|\d+\s*\/\s*\d+)\b/i, 2],
	// Modality acronyms are case-sensitive: "act" and "mi" are ordinary words too.
	['intervention', /\b(CBT|DBT|ACT|EMDR|MI|TF-CBT)\b/, 2],
	['intervention', /\b(psychoeducation|taught|practiced|explored|reviewed|introduced|processed|validated|reframe\w*|cognitive restructuring|role[- ]play\w*|modeled|guided|mindfulness|grounding|motivational interviewing)\b/i, 2],
	['response', /\b(responded|receptive|able to|engaged|participated|verbalized understanding|demonstrated|tolerated|benefit(ed|s)?)\b/i, 2],
	['plan', /\b(homework|next (session|week|appointment|visit)|follow[- ]?up|refer(ral|red)?|schedul(e|ed)|assigned|(?<!treatment )plan(s|ned)?)\b/i, 2],
	['plan', /\bwill (practice|try|complete|continue|meet|return|attend|follow|call|bring|review|use|keep|track|monitor|work|start|begin)\b/i, 2],
	['goal', /\b(goals?|treatment plan|objectives? (is|are|was|were)|working toward)\b/i, 2],
	['assessment', /\b(assessment|impression|progress|consistent with|meets criteria|improv(ed|ing|ement)|worsen(ed|ing)|risk)\b/i, 2],
	['reported', /\b(reports?|reported|states?|stated|said|says|describes?|described|shared|expressed|endorse[sd]?|denie[sd]|complain(s|ed)?)\b/i, 2]
];

const CLIENT_LABEL = /^\s*(client|patient|pt|cl|c|parent|mother|father|mom|dad|partner|spouse|caregiver|guardian)\s*:/i;
const CLINICIAN_LABEL = /^\s*(therapist|clinician|counselor|counsellor|provider|th|t)\s*:/i;
/** Common abbreviations whose period does not end a sentence. */
const ABBREVIATION = /\b(dr|mr|mrs|ms|st|vs|etc|approx|e\.g|i\.e|a\.m|p\.m|[A-Z])\.$/i;

export interface OutlineSentence {
	/** Exactly as written, without surrounding whitespace. */
	text: string;
	/** Index of the source line: sentences of one line are joined back with a space. */
	line: number;
	speaker: 'client' | 'clinician' | null;
}

/** Splits session content into sentences, keeping each one's text (and speaker label) unchanged. */
export function splitSentences(content: string): OutlineSentence[] {
	const sentences: OutlineSentence[] = [];
	content.split(/\r?\n/).forEach((raw, line) => {
		const text = raw.trim();
		if (!text) return;
		const speaker = CLIENT_LABEL.test(text) ? 'client' : CLINICIAN_LABEL.test(text) ? 'clinician' : null;
		// Slices of the line itself, so the text (spacing included) stays exactly as written.
		const pieces: string[] = [];
		let start = 0;
		for (const boundary of text.matchAll(/(?<=[.!?]["'”’)\]]*)\s+/g)) {
			const piece = text.slice(start, boundary.index);
			if (ABBREVIATION.test(piece)) continue;
			pieces.push(piece);
			start = boundary.index + boundary[0].length;
		}
		pieces.push(text.slice(start));
		for (const piece of pieces) sentences.push({ text: piece, line, speaker });
	});
	return sentences;
}

function roleOf(sentence: OutlineSentence): Role {
	const scores = new Map<Role, number>();
	for (const [role, pattern, weight] of CUES) {
		if (pattern.test(sentence.text)) scores.set(role, (scores.get(role) ?? 0) + weight);
	}
	// The speaker is a hint, weaker than a clear cue: a client's "I will practice" is still plan.
	const fallback: Role = sentence.speaker === 'clinician' ? 'intervention' : 'reported';
	scores.set(fallback, (scores.get(fallback) ?? 0) + 1);
	let best: Role = fallback;
	for (const [role, score] of scores) if (score > (scores.get(best) ?? 0)) best = role;
	return best;
}

function sectionFor(role: Role, keys: readonly string[]): string {
	return SECTIONS_FOR[role].find((key) => keys.includes(key)) ?? keys[0]!;
}

/** The outline for any list of section keys (what the outline engine reads from a JSON schema). */
export function outlineSections(content: string, keys: readonly string[]): NoteSections {
	const placed = new Map<string, OutlineSentence[]>(keys.map((key) => [key, []]));
	if (keys.length === 0) return {};
	for (const sentence of splitSentences(content)) {
		placed.get(sectionFor(roleOf(sentence), keys))!.push(sentence);
	}
	const note: NoteSections = {};
	for (const key of keys) {
		const sentences = placed.get(key)!;
		note[key] = sentences.length === 0 ? NOT_DOCUMENTED : joinSentences(sentences);
	}
	return note;
}

/** Places every sentence of `content` into one section of `format`, verbatim. */
export function outlineNote(content: string, format: NoteFormat): NoteSections {
	return outlineSections(
		content,
		format.sections.map((s) => s.key)
	);
}

function joinSentences(sentences: readonly OutlineSentence[]): string {
	return sentences.map((s, i) => (i === 0 ? '' : s.line === sentences[i - 1]!.line ? ' ' : '\n') + s.text).join('');
}
