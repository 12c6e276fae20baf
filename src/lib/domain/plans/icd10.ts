import tsv from './data/icd10cm-2023-chapter5.tsv?raw';

/**
 * ICD-10-CM 2023 chapter 5 (F01-F99), shipped with the app so a diagnosis can be looked up
 * without any network request. The list is public domain (CDC/NCHS); see
 * tests/fixtures/reference/icd10cm-SOURCE.md. Only billable codes are in it, no category headers.
 */
export interface Icd10Code {
	code: string;
	description: string;
}

function parse(text: string): readonly Icd10Code[] {
	const rows = text.split('\n').slice(1).filter(Boolean);
	return Object.freeze(
		rows.map((row) => {
			const [code = '', description = ''] = row.split('\t');
			return Object.freeze({ code, description });
		})
	);
}

/** Every code, in the source's order (code order, except F68.A before F68.8). Parsed once, on first import. */
export const ICD10_CHAPTER5: readonly Icd10Code[] = parse(tsv);

let byCode: Map<string, Icd10Code> | null = null;

/** "f331", " F33.1 " -> "F33.1": upper case, with the dot after the third character. */
export function normalizeCode(code: string): string {
	const bare = code.trim().toUpperCase().replace('.', '');
	return bare.length > 3 ? `${bare.slice(0, 3)}.${bare.slice(3)}` : bare;
}

export function diagnosisByCode(code: string): Icd10Code | undefined {
	byCode ??= new Map(ICD10_CHAPTER5.map((entry) => [entry.code, entry]));
	return byCode.get(normalizeCode(code));
}

export function isChapter5Code(code: string): boolean {
	return diagnosisByCode(code) !== undefined;
}

/** Abbreviations clinicians type that the source never uses (it says "Post-traumatic stress disorder"). */
export const DIAGNOSIS_SYNONYMS: Readonly<Record<string, string>> = {
	ptsd: 'post-traumatic stress disorder',
	gad: 'generalized anxiety disorder',
	mdd: 'major depressive disorder',
	ocd: 'obsessive-compulsive disorder',
	adhd: 'attention-deficit hyperactivity disorder'
};

const CODE_QUERY = /^[A-Za-z]\d[0-9A-Za-z]?\.?[0-9A-Za-z]*$/;
const words = (text: string): string[] => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

/** Query words, with each known abbreviation replaced by the words the source uses. */
function queryWords(query: string): string[] {
	return words(query).flatMap((word) => (DIAGNOSIS_SYNONYMS[word] ? words(DIAGNOSIS_SYNONYMS[word]) : [word]));
}

let descriptionWords: Map<Icd10Code, string[]> | null = null;

/**
 * A code query ("F33", "f33.1", "F331") matches by code prefix; a word query matches the
 * descriptions that contain every word (as a word prefix, any case). Code matches come first,
 * then descriptions, shortest first (the general entry before its specific variants).
 */
export function searchDiagnoses(query: string, limit = 20): Icd10Code[] {
	const trimmed = query.trim();
	if (!trimmed || limit <= 0) return [];
	const byPrefix: Icd10Code[] = [];
	if (CODE_QUERY.test(trimmed)) {
		const prefix = trimmed.toUpperCase().replace('.', '');
		byPrefix.push(...ICD10_CHAPTER5.filter((entry) => entry.code.replace('.', '').startsWith(prefix)));
	}
	const wanted = queryWords(trimmed);
	descriptionWords ??= new Map(ICD10_CHAPTER5.map((entry) => [entry, words(entry.description)]));
	const byWords = ICD10_CHAPTER5.filter(
		(entry) =>
			!byPrefix.includes(entry) &&
			wanted.every((w) => descriptionWords!.get(entry)!.some((word) => word.startsWith(w)))
	).sort((a, b) => a.description.length - b.description.length);
	return [...byPrefix, ...byWords].slice(0, limit);
}
