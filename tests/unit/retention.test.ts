import { describe, expect, it } from 'vitest';
import { deletionVerdict, MIN_RETENTION_YEARS, retentionEndsOn, retentionYears } from '$lib/domain/compliance/retention';

describe('record retention', () => {
	it('never keeps records for less than six years, whatever the setting says', () => {
		expect(MIN_RETENTION_YEARS).toBe(6);
		expect(retentionYears(undefined)).toBe(6);
		expect(retentionYears(2)).toBe(6);
		expect(retentionYears(6.5)).toBe(6);
		expect(retentionYears(10)).toBe(10);
	});

	it('ends the period on the anniversary of discharge (29 February rolls to 1 March)', () => {
		expect(retentionEndsOn('2020-06-15', 6)).toBe('2026-06-15');
		expect(retentionEndsOn('2020-02-29', 7)).toBe('2027-03-01');
	});

	it('allows deletion only for a discharged client, from the first day after the period', () => {
		const discharge = { on: '2020-06-15', reason: '', by: 'Dr. Lee' };
		expect(deletionVerdict({}, 6, '2030-01-01')).toEqual({ allowed: false, reason: 'not-discharged' });
		expect(deletionVerdict({ discharge }, 6, '2026-06-14')).toEqual({ allowed: false, reason: 'retention', until: '2026-06-15' });
		expect(deletionVerdict({ discharge }, 6, '2026-06-15')).toEqual({ allowed: true });
		expect(deletionVerdict({ discharge }, 8, '2026-06-15')).toEqual({ allowed: false, reason: 'retention', until: '2028-06-15' });
	});
});
