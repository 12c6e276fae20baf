/**
 * Transcript files (WebVTT, SubRip) turned into session content. Pure: the caller reads the
 * file. Speaker labels are kept because "who said it" matters for a progress note, and
 * consecutive cues of one speaker are merged so the text reads as turns, not caption lines.
 */

export interface Cue {
	/** The speaker's label as written in the file, or null when the cue names nobody. */
	speaker: string | null;
	/** Start time, normalised to HH:MM:SS.mmm. */
	start: string;
	text: string;
}

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})/;
// "Dr. Lee: ..." or "Speaker 2: ...": a short label of capitalised words (name particles
// allowed). A clock time ("10:30") or a clause ("I said: no") is not a label.
const SPEAKER_PREFIX = /^\s*(?:-\s*)?(\p{Lu}[\p{L}\p{N} .'’()-]{0,39}?)\s*:\s+(\S.*)$/u;
const LABEL_WORD = /^(\p{Lu}|\p{N}|\(|van$|von$|de$|der$|den$|da$|di$|du$|la$|le$|del$|bin$|al$)/u;
const MAX_LABEL_WORDS = 4;
// WebVTT metadata blocks carry no spoken text.
const VTT_SKIPPED_BLOCKS = /^(WEBVTT|NOTE|STYLE|REGION)(\s|$)/;

export function parseVtt(text: string): Cue[] {
	return mergeCues(parseCues(text, 'vtt'));
}

export function parseSrt(text: string): Cue[] {
	return mergeCues(parseCues(text, 'srt'));
}

/** Cues as "Speaker: text" lines (plain text when nobody is named), optionally with "[HH:MM:SS]". */
export function cuesToText(cues: readonly Cue[], options: { times?: boolean } = {}): string {
	return cues
		.map((cue) => {
			const time = options.times ? `[${cue.start.slice(0, 8)}] ` : '';
			return `${time}${cue.speaker ? `${cue.speaker}: ` : ''}${cue.text}`;
		})
		.join('\n');
}

/** Words: runs of letters or digits, joined by inner apostrophes, hyphens or dots ("don't", "F41.1"). */
export function countWords(text: string): number {
	return text.match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/**
 * An ESTIMATE of the model tokens a text needs, not a tokenizer count: English averages about
 * 1.3 tokens per word, and dense text (numbers, codes, punctuation) about one token per four
 * characters; the larger of the two keeps the estimate on the safe side of a context limit.
 */
export function estimateTokens(text: string): number {
	return Math.max(Math.ceil(countWords(text) * 1.3), Math.ceil(text.trim().length / 4));
}

function parseCues(text: string, kind: 'vtt' | 'srt'): Cue[] {
	const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	const cues: Cue[] = [];
	let current: { start: string; voice: string | null; lines: string[] } | null = null;
	let skipping = false;
	const flush = () => {
		if (current) cues.push(...cueSegments(current.start, current.voice, current.lines, kind));
		current = null;
	};
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (!line.trim()) {
			flush();
			skipping = false;
			continue;
		}
		if (skipping) continue;
		const timing = TIMING.exec(line);
		if (timing) {
			flush();
			current = { start: normaliseTime(timing[1]!), voice: null, lines: [] };
			continue;
		}
		if (current) {
			current.lines.push(line);
			continue;
		}
		// Outside a cue: a block header, a cue number or identifier (the timing line follows),
		// or stray text, which belongs to the cue before it rather than being dropped.
		const startsBlock = i === 0 || !lines[i - 1]!.trim();
		if (kind === 'vtt' && startsBlock && VTT_SKIPPED_BLOCKS.test(line)) skipping = true;
		else if (TIMING.test(lines[i + 1] ?? '')) continue;
		else if (cues.length) {
			const last = cues[cues.length - 1]!;
			last.text = `${last.text} ${cleanText(line, kind).text}`.trim();
		}
	}
	flush();
	return cues;
}

/** One cue's lines, split where a line names a new speaker (a voice tag or a "Name:" prefix). */
function cueSegments(start: string, voice: string | null, lines: string[], kind: 'vtt' | 'srt'): Cue[] {
	const segments: Cue[] = [];
	let speaker = voice;
	for (const raw of lines) {
		const cleaned = cleanText(raw, kind);
		if (cleaned.voice) speaker = cleaned.voice;
		let text = cleaned.text;
		// A voice tag is explicit, so "<v Ann>Homework: walk daily" stays Ann's line.
		const prefix = cleaned.voice ? null : speakerPrefix(text);
		if (prefix) {
			speaker = prefix.speaker;
			text = prefix.text;
		}
		if (prefix || cleaned.voice || !segments.length) segments.push({ speaker, start, text: '' });
		const segment = segments[segments.length - 1]!;
		segment.text = `${segment.text} ${text}`.trim();
	}
	return segments.filter((s) => s.text);
}

function speakerPrefix(line: string): { speaker: string; text: string } | null {
	const match = SPEAKER_PREFIX.exec(line);
	const words = match?.[1]!.trim().split(/\s+/) ?? [];
	if (!match || words.length > MAX_LABEL_WORDS || !words.every((w) => LABEL_WORD.test(w))) return null;
	return { speaker: words.join(' '), text: match[2]! };
}

/** Strips markup: WebVTT tags (keeping the voice name) or the HTML-ish tags and {\an8} codes SRT players accept. */
function cleanText(line: string, kind: 'vtt' | 'srt'): { voice: string | null; text: string } {
	let voice: string | null = null;
	const tag = /<v(?:\.[^\s>]*)?\s+([^>]+)>/.exec(line);
	if (tag) voice = decodeEntities(tag[1]!).trim() || null;
	let text = line.replace(/<[^>]*>/g, '');
	if (kind === 'srt') text = text.replace(/\{\\[^}]*\}/g, '');
	text = decodeEntities(text).replace(/\s+/g, ' ').trim();
	return { voice, text };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') {
			const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return ENTITIES[name.toLowerCase()] ?? whole;
	});
}

function normaliseTime(value: string): string {
	const [clock, fraction = '0'] = value.split(/[.,]/);
	const parts = clock!.split(':').map(Number);
	while (parts.length < 3) parts.unshift(0);
	const [h, m, s] = parts.map((n) => String(n).padStart(2, '0'));
	return `${h}:${m}:${s}.${fraction.padEnd(3, '0').slice(0, 3)}`;
}

function mergeCues(cues: Cue[]): Cue[] {
	const merged: Cue[] = [];
	for (const cue of cues) {
		const last = merged[merged.length - 1];
		if (last && last.speaker === cue.speaker) last.text = `${last.text} ${cue.text}`;
		else merged.push({ ...cue });
	}
	return merged;
}
