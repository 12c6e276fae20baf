/**
 * Text layout for generated documents (the PDF export). Pure: the caller supplies how wide a
 * string is and which characters its font can encode.
 */

/** Greedy word wrap. Newlines are kept as line breaks; a word wider than a line is split. */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		for (const word of paragraph.split(/ +/).filter(Boolean)) {
			const candidate = line ? `${line} ${word}` : word;
			if (measure(candidate) <= maxWidth) {
				line = candidate;
				continue;
			}
			if (line) lines.push(line);
			line = '';
			for (const piece of splitWord(word, maxWidth, measure)) {
				if (line) lines.push(line);
				line = piece;
			}
		}
		lines.push(line);
	}
	return lines;
}

function splitWord(word: string, maxWidth: number, measure: (text: string) => number): string[] {
	const pieces: string[] = [];
	let piece = '';
	for (const char of word) {
		if (piece && measure(piece + char) > maxWidth) {
			pieces.push(piece);
			piece = '';
		}
		piece += char;
	}
	if (piece) pieces.push(piece);
	return pieces;
}

// Look-alikes for characters common in clinical text that the PDF standard fonts (WinAnsi)
// lack; keeping meaning ("≥ 2" stays ">= 2") matters more than the exact glyph.
const REPLACEMENTS: Record<string, string> = {
	'\t': '    ',
	'≥': '>=',
	'≤': '<=',
	'≠': '!=',
	'≈': '~',
	'→': '->',
	'←': '<-',
	'↔': '<->',
	'↑': '^',
	'↓': 'v',
	'−': '-',
	'‐': '-',
	'‑': '-',
	'‒': '-',
	'―': '-',
	'′': "'",
	'″': '"',
	'✓': 'v',
	'✔': 'v',
	'✗': 'x',
	'ł': 'l',
	'Ł': 'L',
	'đ': 'd',
	'Đ': 'D',
	'ı': 'i',
	'\u2007': ' ',
	'\u2009': ' ',
	'\u200a': ' ',
	'\u202f': ' ',
	'\u200b': '',
	'\u200e': '',
	'\u200f': '',
	'\ufeff': ''
};

/**
 * Text the font can encode: each other character becomes a look-alike, else the letter without
 * its accent ("ő" -> "o"), else "?". Never throws, so an odd character cannot block an export.
 */
export function toEncodable(text: string, canEncode: (codePoint: number) => boolean): string {
	let out = '';
	for (const char of text) {
		if (char === '\n' || canEncode(char.codePointAt(0)!)) {
			out += char;
			continue;
		}
		const replacement = REPLACEMENTS[char];
		if (replacement !== undefined) {
			out += replacement;
			continue;
		}
		const stripped = char.normalize('NFKD').replace(/\p{M}/gu, '');
		const encodable = stripped && [...stripped].every((c) => canEncode(c.codePointAt(0)!));
		out += encodable ? stripped : '?';
	}
	return out;
}
