import { describe, expect, it } from 'vitest';
import { SERVICE_CPT_CATEGORY, suggestCpt, type CptInput } from '$lib/domain/notes/cpt';
import { SERVICE_TYPES } from '$lib/domain/core/records';

// Every expectation here is pinned to tests/fixtures/reference/clinical.md, "CPT psychotherapy codes".
const codes = (input: CptInput) => suggestCpt(input).codes;
const individual = (minutes: number | null, withEM = false) => codes({ serviceType: 'Individual psychotherapy', minutes, withEM });
const crisis = (minutes: number, withEM = false) => codes({ serviceType: 'Crisis session', minutes, withEM });

describe('psychotherapy time bands', () => {
	it.each([
		[15, []],
		[16, ['90832']],
		[37, ['90832']],
		[38, ['90834']],
		[52, ['90834']],
		[53, ['90837']],
		[90, ['90837']]
	])('codes %i minutes as %j', (minutes, expected) => {
		expect(individual(minutes)).toEqual(expected);
	});

	it.each([
		[15, []],
		[16, ['90833']],
		[37, ['90833']],
		[38, ['90836']],
		[52, ['90836']],
		[53, ['90838']]
	])('with an E/M visit codes %i minutes as the add-on %j', (minutes, expected) => {
		expect(individual(minutes, true)).toEqual(expected);
	});

	it('warns that under 16 minutes is not billable as psychotherapy', () => {
		const s = suggestCpt({ serviceType: 'Individual psychotherapy', minutes: 15 });
		expect(s.warnings).toContain('Under 16 minutes is not billable as psychotherapy');
		expect(s.rule).toMatch(/Under 16 minutes is not billable as psychotherapy/);
	});

	it('quotes the band that produced the code', () => {
		expect(suggestCpt({ serviceType: 'Individual psychotherapy', minutes: 45 }).rule).toBe('90834: 38-52 minutes (45 minutes recorded).');
		expect(suggestCpt({ serviceType: 'Individual psychotherapy', minutes: 60, withEM: true }).rule).toMatch(
			/^With an E\/M visit, \+90838 uses the psychotherapy band 53 minutes or more/
		);
	});

	it('suggests nothing and asks for the times when the duration is missing', () => {
		const s = suggestCpt({ serviceType: 'Individual psychotherapy', minutes: null });
		expect(s.codes).toEqual([]);
		expect(s.warnings[0]).toMatch(/start and end times/);
		expect(individual(-5)).toEqual([]);
	});
});

describe('crisis psychotherapy', () => {
	it.each([
		[29, ['90832']],
		[30, ['90839']],
		[74, ['90839']],
		[75, ['90839', '90840']],
		[104, ['90839', '90840']],
		[105, ['90839', '90840', '90840']],
		[134, ['90839', '90840', '90840']],
		[135, ['90839', '90840', '90840', '90840']]
	])('codes a %i-minute crisis as %j', (minutes, expected) => {
		expect(crisis(minutes)).toEqual(expected);
	});

	it('codes a crisis under 30 minutes with an E/M visit as 90833', () => {
		expect(crisis(29, true)).toEqual(['90833']);
		expect(suggestCpt({ serviceType: 'Crisis session', minutes: 20 }).rule).toMatch(/^A crisis under 30 minutes is coded 90832 or 90833\./);
	});

	it('suggests nothing for a crisis under 16 minutes', () => {
		const s = suggestCpt({ serviceType: 'Crisis session', minutes: 15 });
		expect(s.codes).toEqual([]);
		expect(s.warnings).toContain('Under 16 minutes is not billable as psychotherapy');
	});

	it('names the units in the rule', () => {
		expect(suggestCpt({ serviceType: 'Crisis session', minutes: 110 }).rule).toContain('110 minutes recorded: 90839 + 90840 x2');
	});
});

describe('family therapy', () => {
	it('codes 90847 with the patient and 90846 without, from 26 minutes', () => {
		expect(codes({ serviceType: 'Family therapy', minutes: 26, patientPresent: true })).toEqual(['90847']);
		expect(codes({ serviceType: 'Family therapy', minutes: 26, patientPresent: false })).toEqual(['90846']);
		expect(codes({ serviceType: 'Family therapy', minutes: 50, patientPresent: true })).toEqual(['90847']);
	});

	it('suggests no code under 26 minutes, with a warning', () => {
		for (const patientPresent of [true, false]) {
			const s = suggestCpt({ serviceType: 'Family therapy', minutes: 25, patientPresent });
			expect(s.codes).toEqual([]);
			expect(s.warnings.join(' ')).toMatch(/26 minutes/);
		}
	});

	it('asks whether the client was present before choosing a code', () => {
		const s = suggestCpt({ serviceType: 'Family therapy', minutes: 50 });
		expect(s.codes).toEqual([]);
		expect(s.warnings.join(' ')).toMatch(/whether the client was present/);
	});
});

describe('other services', () => {
	it('codes group therapy as 90853 per member', () => {
		const s = suggestCpt({ serviceType: 'Group therapy', minutes: 90 });
		expect(s.codes).toEqual(['90853']);
		expect(s.rule).toMatch(/per member/);
	});

	it('codes an intake as 90791, or 90792 with medical services, whatever its length', () => {
		expect(codes({ serviceType: 'Intake / diagnostic evaluation', minutes: 10 })).toEqual(['90791']);
		expect(codes({ serviceType: 'Intake / diagnostic evaluation', minutes: null })).toEqual(['90791']);
		expect(codes({ serviceType: 'Intake / diagnostic evaluation', minutes: 90, withEM: true })).toEqual(['90792']);
	});

	it('suggests no code for case management or other services and says why', () => {
		for (const serviceType of ['Case management', 'Other'] as const) {
			const s = suggestCpt({ serviceType, minutes: 45 });
			expect(s.codes).toEqual([]);
			expect(s.rule).toMatch(/no (?:psychotherapy )?code|No CPT code/);
		}
	});

	it('maps every service type and always asks the clinician to confirm', () => {
		for (const serviceType of SERVICE_TYPES) {
			expect(SERVICE_CPT_CATEGORY[serviceType]).toBeDefined();
			const s = suggestCpt({ serviceType, minutes: 45, patientPresent: true });
			expect(s.confirmRequired).toBe(true);
			expect(s.rule.length).toBeGreaterThan(0);
		}
	});
});

describe('+90785 interactive complexity', () => {
	const reason = { reason: 'interpreter-or-play-equipment' as const };

	it.each([
		['an intake', { serviceType: 'Intake / diagnostic evaluation', minutes: 60 }, ['90791', '90785']],
		['an intake with medical services', { serviceType: 'Intake / diagnostic evaluation', minutes: 60, withEM: true }, ['90792', '90785']],
		['90832', { serviceType: 'Individual psychotherapy', minutes: 30 }, ['90832', '90785']],
		['90837', { serviceType: 'Individual psychotherapy', minutes: 55 }, ['90837', '90785']],
		['the E/M add-on 90836', { serviceType: 'Individual psychotherapy', minutes: 40, withEM: true }, ['90836', '90785']],
		['group therapy', { serviceType: 'Group therapy', minutes: 60 }, ['90853', '90785']]
	] as const)('is added to %s with a documented reason', (_, input, expected) => {
		const s = suggestCpt({ ...input, interactiveComplexity: reason });
		expect(s.codes).toEqual(expected);
		expect(s.rule).toContain('+90785 interactive complexity, documented reason: interpreter or play equipment.');
		expect(s.warnings).toEqual([]);
	});

	it.each([
		['crisis psychotherapy', { serviceType: 'Crisis session', minutes: 60 }, ['90839']],
		['crisis psychotherapy with 90840', { serviceType: 'Crisis session', minutes: 80 }, ['90839', '90840']],
		['family therapy without the patient', { serviceType: 'Family therapy', minutes: 50, patientPresent: false }, ['90846']],
		['family therapy with the patient', { serviceType: 'Family therapy', minutes: 50, patientPresent: true }, ['90847']]
	] as const)('is refused with %s', (_, input, expected) => {
		const s = suggestCpt({ ...input, interactiveComplexity: reason });
		expect(s.codes).toEqual(expected);
		expect(s.warnings.join(' ')).toMatch(/\+90785 interactive complexity is not billed with/);
	});

	it('is never suggested alone', () => {
		for (const input of [
			{ serviceType: 'Individual psychotherapy', minutes: 10 },
			{ serviceType: 'Case management', minutes: 30 }
		] as const) {
			const s = suggestCpt({ ...input, interactiveComplexity: reason });
			expect(s.codes).toEqual([]);
			expect(s.warnings.join(' ')).toMatch(/never billed alone/);
		}
	});

	it('is not added without a documented reason', () => {
		for (const complexity of [{ reason: null }, { reason: 'felt hard' as never }]) {
			const s = suggestCpt({ serviceType: 'Individual psychotherapy', minutes: 45, interactiveComplexity: complexity });
			expect(s.codes).toEqual(['90834']);
			expect(s.warnings.join(' ')).toMatch(/needs a documented reason/);
		}
	});

	it('accepts each of the four documented reasons', () => {
		for (const r of ['maladaptive-communication', 'caregiver-interference', 'sentinel-event', 'interpreter-or-play-equipment'] as const) {
			expect(codes({ serviceType: 'Individual psychotherapy', minutes: 45, interactiveComplexity: { reason: r } })).toEqual(['90834', '90785']);
		}
	});

	it('is not considered when interactive complexity is not claimed', () => {
		expect(codes({ serviceType: 'Individual psychotherapy', minutes: 45, interactiveComplexity: null })).toEqual(['90834']);
	});
});
