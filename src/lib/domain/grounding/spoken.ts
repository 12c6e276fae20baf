/**
 * Speech written the way a note writes it, for reading a transcript: "one O two point six" is
 * 102.6, "nineteen eighty three" 1983, "seven fifty milligrams" 750 milligrams, "January
 * eighteenth" January 18th, "forty M G" 40 mg and "B U N" BUN. The grounding check reads the
 * session content in this form, so a note's digits meet the words that were said.
 */

const UNITS: Readonly<Record<string, number>> = {
	zero: 0, oh: 0, o: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
	ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
	eighteen: 18, nineteen: 19
};
const TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1000, million: 1_000_000 };
const ORDINALS: Readonly<Record<string, number>> = {
	first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
	eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
	eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30
};
/** "her sixties" is her 60s. */
const DECADES: Readonly<Record<string, number>> = { twenties: 20, thirties: 30, forties: 40, fifties: 50, sixties: 60, seventies: 70, eighties: 80, nineties: 90 };

const NUMBER_WORD = new RegExp(
	String.raw`^(?:${[...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), ...Object.keys(ORDINALS), ...Object.keys(DECADES)].join('|')})$`,
	'i'
);

interface Word {
	text: string;
	lower: string;
	start: number;
	end: number;
}

/** A run of number words read as digits, with the other readings a listener might mean. */
interface Reading {
	start: number;
	end: number;
	written: string;
	/** Every value the run could stand for ("nineteen ninety" is 1990, or 19 and 90). */
	values: number[];
}

/** Group values of a run: "twenty six" is one group (26), "nineteen eighty three" two (19, 83). */
function groups(words: readonly string[]): number[] | null {
	const out: number[] = [];
	for (const w of words) {
		const unit = UNITS[w];
		const ten = TENS[w];
		const last = out.length - 1;
		if (unit !== undefined && unit < 10 && last >= 0 && out[last]! % 10 === 0 && out[last]! >= 20 && out[last]! < 100 && w !== 'o' && w !== 'oh') {
			out[last] = out[last]! + unit; // "twenty" + "six"
		} else if (unit !== undefined) out.push(unit);
		else if (ten !== undefined) out.push(ten);
		else return null;
	}
	return out;
}

/** The values a run of plain number words (no "point", no ordinal) can have. */
function readInteger(words: readonly string[]): number[] {
	const clean = words.filter((w) => w !== 'and' && w !== 'a' && w !== 'an');
	if (clean.length === 0) return [];
	if (clean.some((w) => SCALES[w] !== undefined)) {
		// "two thousand and four", "twenty five hundred", "one hundred twenty".
		let total = 0;
		let current = 0;
		for (const w of clean) {
			const scale = SCALES[w];
			if (scale === undefined) {
				const g = groups([w]);
				if (!g) return [];
				current += g[0]!;
			} else if (scale === 100) current = (current || 1) * 100;
			else {
				total += (current || 1) * scale;
				current = 0;
			}
		}
		return [total + current];
	}
	// "O eight" after a date: the year 2008, or just 8.
	if ((clean[0] === 'o' || clean[0] === 'oh') && clean.length === 2 && (UNITS[clean[1]!] ?? 10) < 10) return [UNITS[clean[1]!]!, 2000 + UNITS[clean[1]!]!];
	const g = groups(clean);
	if (!g) return [];
	if (g.length === 1) return g;
	// "one O two": digits said one by one.
	if (clean.some((w) => w === 'o' || w === 'oh') || g.every((v) => v < 10)) {
		const digits = Number(g.map(String).join(''));
		return [digits, ...g];
	}
	// "nineteen eighty three", "seven fifty": hundreds said in pairs; or two numbers.
	if (g.length === 2 && g[0]! >= 1 && g[1]! >= 10 && g[1]! < 100) return [g[0]! * 100 + g[1]!, ...g];
	return g;
}

function read(words: readonly Word[]): Reading | null {
	const lower = words.map((w) => w.lower);
	const start = words[0]!.start;
	const end = words[words.length - 1]!.end;
	const last = lower[lower.length - 1]!;
	if (DECADES[last] !== undefined && lower.length === 1) return { start, end, written: `${DECADES[last]}s`, values: [DECADES[last]!] };
	if (ORDINALS[last] !== undefined) {
		// "thirty first" is 31st.
		const before = readInteger(lower.slice(0, -1));
		const value = (before[0] ?? 0) + ORDINALS[last]!;
		if (lower.length > 1 && before.length === 0) return null;
		return { start, end, written: `${value}${suffix(value)}`, values: [value] };
	}
	const point = lower.indexOf('point');
	if (point >= 0) {
		const whole = point === 0 ? [0] : readInteger(lower.slice(0, point));
		const decimals = lower.slice(point + 1).map((w) => UNITS[w]);
		if (whole.length === 0 || decimals.length === 0 || decimals.some((d) => d === undefined || d > 9)) return null;
		const value = Number(`${whole[0]}.${decimals.join('')}`);
		return { start, end, written: String(value), values: [value] };
	}
	const values = readInteger(lower);
	if (values.length === 0) return null;
	return { start, end, written: String(values[0]), values };
}

function suffix(n: number): string {
	if (n % 100 >= 11 && n % 100 <= 13) return 'th';
	return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

const CONNECTOR = /^(and|point|a|an)$/;

/** Runs of number words ("and", "point", "a hundred" inside them), each read. */
function readings(text: string): Reading[] {
	const words: Word[] = [...text.matchAll(/[A-Za-z]+/g)].map((m) => ({ text: m[0], lower: m[0].toLowerCase(), start: m.index!, end: m.index! + m[0].length }));
	const found: Reading[] = [];
	let run: Word[] = [];
	const flush = () => {
		// A run never ends on a connector ("two and" is two).
		while (run.length && CONNECTOR.test(run[run.length - 1]!.lower)) run.pop();
		while (run.length && CONNECTOR.test(run[0]!.lower) && !(run[1] && SCALES[run[1].lower])) run.shift();
		// "O" alone is a letter; "one" alone stays a word (the checker has its own rules for it) worth 1.
		if (run.length === 1 && run[0]!.lower === 'one') found.push({ start: run[0]!.start, end: run[0]!.end, written: run[0]!.text, values: [1] });
		else if (run.length && !(run.length === 1 && /^(o|oh|a|an)$/.test(run[0]!.lower))) {
			const r = read(run);
			if (r) found.push(r);
		}
		run = [];
	};
	for (let i = 0; i < words.length; i++) {
		const w = words[i]!;
		const gap = run.length ? text.slice(run[run.length - 1]!.end, w.start) : ' ';
		const adjacent = /^[\s-]+$/.test(gap);
		const numeric = NUMBER_WORD.test(w.lower) && !(w.lower === 'o' && w.text !== 'O' && w.text !== 'o') && !(w.lower === 'second' && !run.length);
		const connector = CONNECTOR.test(w.lower) && (run.length > 0 || /^(a|an)$/.test(w.lower));
		if (!adjacent) flush();
		if (numeric || (connector && NUMBER_WORD.test(words[i + 1]?.lower ?? ''))) run.push(w);
		else flush();
		// An ordinal ends its number: "January eighteenth two thousand eight" is 18th, then 2008.
		if (ORDINALS[w.lower] !== undefined || DECADES[w.lower] !== undefined) flush();
	}
	flush();
	return found;
}

export interface WrittenForm {
	/** The text with number words as digits and spelled-out letters joined. */
	text: string;
	/** Every numeric value the speech could stand for, including the ones the text does not show. */
	values: number[];
}

/** Spelled-out letters, "M G" or "B U N", as one word. */
const SPELLED = /\b[A-Z](?: [A-Z]\b)+/g;

/** The session's words as a note would write them; see the file comment. */
export function writtenForm(text: string): WrittenForm {
	const joined = text.replace(SPELLED, (letters) => {
		const word = letters.replace(/ /g, '');
		return /^(MG|ML|CC|CM|MM|KG|MCG)$/.test(word) ? word.toLowerCase() : word;
	});
	// "a week" is 1 week, "a couple of days" 2 days.
	const counted = joined
		.replace(/\b(?:a|an)\s+(?=(?:minute|hour|day|night|week|month|year)s?\b)/gi, '1 ')
		.replace(/\ba\s+couple\s+(?:of\s+)?(?=\w)/gi, '2 ');
	const found = readings(counted);
	let out = counted;
	for (const r of [...found].reverse()) {
		// "three times" keeps a space before the unit; "thirty first" becomes "31st".
		out = out.slice(0, r.start) + r.written + out.slice(r.end);
	}
	return { text: out, values: found.flatMap((r) => r.values) };
}
