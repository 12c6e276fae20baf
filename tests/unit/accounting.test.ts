import { describe, expect, it } from 'vitest';
import { accountingBlocks, accountingOfDisclosures, accountingStart, accountingToPlainText, type AccountingDocument } from '$lib/domain/compliance/accounting';
import { newConsent, type Disclosure } from '$lib/domain/compliance/consent';

const NOW = new Date('2026-06-15T12:00:00.000Z');

function disclosure(id: string, at: string, overrides: Partial<Disclosure> = {}): Disclosure {
	return {
		id,
		clientId: 'c1',
		at,
		recipient: 'Dr. Lee',
		purpose: 'Treatment',
		what: 'Progress note of 2026-05-02, PDF',
		recordKind: 'note',
		recordId: 'n1',
		consentId: 'k1',
		noticeStatement: 1,
		...overrides
	};
}

const ids = (list: Disclosure[]) => list.map((d) => d.id);

describe('the accounting window', () => {
	it('includes a disclosure made exactly three years ago and leaves out one made a day earlier', () => {
		const log = [disclosure('edge', '2023-06-15T12:00:00.000Z'), disclosure('older', '2023-06-14T12:00:00.000Z')];
		expect(ids(accountingOfDisclosures(log, 'c1', NOW))).toEqual(['edge']);
	});

	it('lists only this client’s disclosures, newest first', () => {
		const log = [
			disclosure('a', '2025-01-10T09:00:00Z'),
			disclosure('other', '2026-01-01T09:00:00Z', { clientId: 'c2' }),
			disclosure('b', '2026-06-01T09:00:00Z'),
			disclosure('c', '2024-03-03T09:00:00Z')
		];
		expect(ids(accountingOfDisclosures(log, 'c1', NOW))).toEqual(['b', 'a', 'c']);
	});

	it('starts three years before a leap day on 28 February, never later', () => {
		expect(accountingStart(new Date('2028-02-29T10:00:00Z')).toISOString()).toBe('2025-02-28T10:00:00.000Z');
	});
});

describe('the accounting report', () => {
	const doc = (disclosures: Disclosure[]): AccountingDocument => ({
		client: { id: 'c1', name: 'Sam Rivera', dateOfBirth: '1979-11-30' },
		disclosures,
		consents: [{ ...newConsent('k1', 'c1', 'disclosure', { clientName: 'Sam Rivera', practiceName: 'Harbor' }), signedOn: '2026-01-05' }],
		now: NOW,
		practiceName: 'Harbor Counseling'
	});

	it('has a title, the client, the period and one entry per disclosure with its consent date', () => {
		const text = accountingToPlainText(doc([disclosure('a', '2026-02-01T10:30:00Z'), disclosure('b', '2026-06-01T08:00:00Z', { recipient: 'County Clinic', purpose: 'Payment' })]));
		expect(text.split('\n')[0]).toBe('ACCOUNTING OF DISCLOSURES');
		expect(text).toContain('Client: Sam Rivera');
		expect(text).toContain('Period: 2023-06-15 12:00 UTC to 2026-06-15 12:00 UTC');
		expect(text).toContain(`1. 2026-06-01 08:00 UTC
Recipient: County Clinic
Purpose: Payment
What: Progress note of 2026-05-02, PDF
Consent: Signed 2026-01-05`);
		expect(text.indexOf('2026-06-01 08:00 UTC')).toBeLessThan(text.indexOf('2026-02-01 10:30 UTC'));
		expect(text).not.toContain('No disclosures');
	});

	it('says there were no disclosures when the log is empty for the period', () => {
		const blocks = accountingBlocks(doc([disclosure('old', '2020-01-01T00:00:00Z')]));
		expect(blocks.at(-1)).toEqual({ kind: 'paragraph', text: 'No disclosures in this period.' });
		expect(blocks.filter((b) => b.kind === 'subheading')).toEqual([]);
	});

	it('still lists a disclosure whose consent is no longer on this device', () => {
		const text = accountingToPlainText(doc([disclosure('a', '2026-02-01T10:30:00Z', { consentId: 'gone-1234-5678' })]));
		expect(text).toContain('Consent: Not on this device (consent gone-123)');
	});
});
