import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { referenceBytes } from '../fixtures/reference/reference';
import { describe, expect, it } from 'vitest';
import { diagnosisByCode, ICD10_CHAPTER5, isChapter5Code, searchDiagnoses } from '$lib/domain/plans/icd10';

const codes = (query: string, limit?: number) => searchDiagnoses(query, limit).map((d) => d.code);

describe('the ICD-10-CM chapter 5 list shipped with the app', () => {
	it('is byte-for-byte the pinned reference copy of the CDC 2023 list', () => {
		const shipped = readFileSync(resolve('src/lib/domain/plans/data/icd10cm-2023-chapter5.tsv'));
		const reference = referenceBytes('icd10cm-2023-chapter5.tsv');
		expect(shipped.equals(reference)).toBe(true);
	});

	it('holds all 849 codes, from F01.50 to F99, in the source order', () => {
		expect(ICD10_CHAPTER5).toHaveLength(849);
		expect(ICD10_CHAPTER5[0]!.code).toBe('F01.50');
		expect(ICD10_CHAPTER5.at(-1)).toEqual({ code: 'F99', description: 'Mental disorder, not otherwise specified' });
		expect(new Set(ICD10_CHAPTER5.map((d) => d.code)).size).toBe(849);
		expect(ICD10_CHAPTER5.every((d) => /^F\d\d(\.[0-9A-Z]{1,4})?$/.test(d.code) && d.description.length > 0)).toBe(true);
	});

	it('has the lettered codes with their exact descriptions', () => {
		expect(diagnosisByCode('F32.A')?.description).toBe('Depression, unspecified');
		expect(diagnosisByCode('F68.A')?.description).toBe('Factitious disorder imposed on another');
	});

	it('looks codes up however they are typed, and knows which are in chapter 5', () => {
		expect(diagnosisByCode('f331')?.description).toBe('Major depressive disorder, recurrent, moderate');
		expect(isChapter5Code(' F41.1 ')).toBe(true);
		// Category headers are not billable codes and are not in the list.
		expect(isChapter5Code('F32')).toBe(false);
		expect(isChapter5Code('Z63.0')).toBe(false);
	});
});

describe('searching diagnoses', () => {
	it('finds F33.1 first by code with or without the dot, in any case, or by its words', () => {
		expect(codes('F33.1')[0]).toBe('F33.1');
		expect(codes('f331')[0]).toBe('F33.1');
		expect(codes('major depressive recurrent moderate')[0]).toBe('F33.1');
	});

	it('matches a code prefix to every code under it, in code order', () => {
		expect(codes('F33')).toEqual(['F33.0', 'F33.1', 'F33.2', 'F33.3', 'F33.40', 'F33.41', 'F33.42', 'F33.8', 'F33.9']);
	});

	it('matches words as word prefixes, all of them, shortest description first', () => {
		const found = searchDiagnoses('depress recur');
		expect(found.length).toBeGreaterThan(3);
		expect(found.every((d) => /depress/i.test(d.description) && /recur/i.test(d.description))).toBe(true);
		const lengths = found.map((d) => d.description.length);
		expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
		// "press" is inside "depressive" but starts no word.
		expect(codes('press recur')).toEqual([]);
	});

	it('understands the abbreviations clinicians type', () => {
		// The source says "Post-traumatic stress disorder"; shortest description first.
		expect(codes('PTSD')).toEqual(['F43.11', 'F43.12', 'F43.10']);
		expect(codes('ptsd chronic')).toEqual(['F43.12']);
		expect(codes('GAD')).toEqual(['F41.1']);
		expect(codes('MDD recurrent moderate')[0]).toBe('F33.1');
		expect(codes('OCD')).toContain('F42.9');
		expect(codes('ADHD combined')).toEqual(['F90.2']);
	});

	it('returns nothing for an empty query and respects the limit', () => {
		expect(searchDiagnoses('   ')).toEqual([]);
		expect(searchDiagnoses('disorder')).toHaveLength(20);
		expect(searchDiagnoses('disorder', 5)).toHaveLength(5);
	});
});
