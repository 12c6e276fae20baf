import { describe, expect, it } from 'vitest';
import { newConsent, type ConsentKind, type Part2Consent } from '$lib/domain/compliance/consent';
import { checkDisclosure, isLegalPurpose, type DisclosureRequest } from '$lib/domain/compliance/disclosure-gate';

const TODAY = '2026-06-15';

function consent(overrides: Partial<Part2Consent> = {}, kind: ConsentKind = 'disclosure'): Part2Consent {
	return {
		...newConsent(overrides.id ?? 'k1', 'c1', kind, { clientName: 'Sam Rivera', practiceName: 'Harbor Counseling' }),
		information: 'Progress notes from 2026',
		recipients: ['Dr. Lee'],
		purposes: ['Treatment'],
		expiresOn: '2027-01-05',
		signature: 'Sam Rivera',
		signedOn: '2026-01-05',
		...overrides
	};
}

function check(consents: Part2Consent[], request: Partial<DisclosureRequest> = {}) {
	return checkDisclosure({ recordKind: 'note', recipient: 'Dr. Lee', purpose: 'Treatment', consents, today: TODAY, ...request });
}

function refusal(decision: ReturnType<typeof check>) {
	if (decision.allowed) throw new Error('expected a refusal');
	return decision;
}

describe('the disclosure gate', () => {
	it('allows a disclosure a valid consent covers, matching recipient and purpose whatever the case and spacing', () => {
		const valid = consent();
		const decision = check([valid], { recipient: '  dr.   LEE ', purpose: 'treatment' });
		expect(decision).toEqual({ allowed: true, consent: valid });
	});

	it('refuses a recipient the consent does not name, saying whom it names', () => {
		const decision = refusal(check([consent()], { recipient: 'Dr. Patel' }));
		expect(decision.code).toBe('wrong-recipient');
		expect(decision.reason).toContain('names Dr. Lee, not Dr. Patel');
		expect(decision.reason).toMatch(/record a new consent that names Dr\. Patel/);
	});

	it('refuses a purpose the consent does not cover, saying what it covers', () => {
		const decision = refusal(check([consent()], { purpose: 'Research' }));
		expect(decision.code).toBe('wrong-purpose');
		expect(decision.reason).toBe(
			'The consent of 2026-01-05 naming Dr. Lee covers Treatment, not Research. Choose a purpose the consent names, or record a new consent for this purpose on the client’s page.'
		);
	});

	it('refuses under a revoked consent, with the dates', () => {
		const decision = refusal(check([consent({ revokedOn: '2026-06-01' })]));
		expect(decision.code).toBe('revoked');
		expect(decision.reason).toMatch(/^The consent of 2026-01-05 naming Dr\. Lee was revoked on 2026-06-01\. /);
	});

	it('refuses under an expired consent, with the expiry date', () => {
		const decision = refusal(check([consent({ expiresOn: '2026-06-14' })]));
		expect(decision.code).toBe('expired');
		expect(decision.reason).toMatch(/^The consent of 2026-01-05 naming Dr\. Lee expired on 2026-06-14\. Record a new consent/);
	});

	it('refuses under an incomplete consent and names what is missing', () => {
		const decision = refusal(check([consent({ expiresOn: '', expiryEvent: '' })]));
		expect(decision.code).toBe('incomplete');
		expect(decision.reason).toContain('Give an expiry date or an event that ends the consent.');
		const unsigned = refusal(check([consent({ signature: '' })]));
		expect(unsigned.code).toBe('incomplete');
		expect(unsigned.reason).toMatch(/not signed yet/);
	});

	it('refuses when the client has no consent at all', () => {
		const decision = refusal(check([]));
		expect(decision.code).toBe('no-consent');
		expect(decision.reason).toMatch(/Record the client’s signed consent on the client’s page/);
	});

	it('refuses SUD counseling notes without a separate counseling-notes consent, and allows them with one', () => {
		const general = consent();
		const decision = refusal(check([general], { recordKind: 'counseling-note' }));
		expect(decision.code).toBe('needs-separate-consent');
		expect(decision.reason).toMatch(/SUD counseling notes need a consent of their own/);
		const separate = consent({ id: 'k2' }, 'counseling-notes');
		expect(check([general, separate], { recordKind: 'counseling-note' })).toEqual({ allowed: true, consent: separate });
	});

	it('refuses use in legal proceedings without a separate consent, even when a general consent names the court', () => {
		const general = consent({ recipients: ['County Court'], purposes: ['Court proceedings'] });
		const decision = refusal(check([general], { recipient: 'County Court', purpose: 'Court proceedings' }));
		expect(decision.code).toBe('needs-separate-consent');
		expect(decision.reason).toMatch(/legal proceedings/);
		const legal = consent({ id: 'k3', recipients: ['County Court'], purposes: ['Court proceedings'] }, 'legal-proceedings');
		expect(check([general, legal], { recipient: 'County Court', purpose: 'Court proceedings' })).toEqual({ allowed: true, consent: legal });
	});

	it('recognises legal purposes by court, legal, litigation or subpoena, but not a courtesy copy', () => {
		for (const purpose of ['Response to subpoena', 'Litigation', 'Legal defence', 'Family court hearing', 'court-ordered evaluation']) {
			expect(isLegalPurpose(purpose), purpose).toBe(true);
		}
		expect(isLegalPurpose('Courtesy copy for treatment')).toBe(false);
		expect(isLegalPurpose('Treatment')).toBe(false);
	});

	it('lets one consent for treatment, payment and health care operations cover each of them', () => {
		const tpo = consent({ recipients: ['Blue Shield'], purposes: ['Treatment, payment and health care operations'] });
		for (const purpose of ['Payment', 'treatment', 'Health care operations', 'healthcare operations']) {
			expect(check([tpo], { recipient: 'Blue Shield', purpose }).allowed, purpose).toBe(true);
		}
		const short = consent({ recipients: ['Blue Shield'], purposes: ['TPO'] });
		expect(check([short], { recipient: 'Blue Shield', purpose: 'Payment' }).allowed).toBe(true);
		expect(refusal(check([tpo], { recipient: 'Blue Shield', purpose: 'Research' })).code).toBe('wrong-purpose');
	});

	it('uses a valid consent when an older one for the same recipient was revoked', () => {
		const old = consent({ id: 'old', revokedOn: '2026-02-01' });
		const renewed = consent({ id: 'new', signedOn: '2026-03-01' });
		expect(check([old, renewed])).toEqual({ allowed: true, consent: renewed });
	});

	it('explains the refusal from the consent closest to the request', () => {
		const otherRecipient = consent({ id: 'a', recipients: ['Dr. Patel'] });
		const revokedForLee = consent({ id: 'b', revokedOn: '2026-06-01' });
		expect(refusal(check([otherRecipient, revokedForLee])).code).toBe('revoked');
	});

	it('asks for a recipient and a purpose when either is blank', () => {
		expect(refusal(check([consent()], { recipient: ' ' })).code).toBe('wrong-recipient');
		expect(refusal(check([consent()], { purpose: '' })).code).toBe('wrong-purpose');
	});

	it('never names the client in a reason', () => {
		const cases: Partial<DisclosureRequest>[] = [{ recipient: 'Dr. Patel' }, { purpose: 'Research' }, { recordKind: 'counseling-note' }];
		for (const request of cases) expect(refusal(check([consent({ revokedOn: null })], request)).reason).not.toContain('Sam');
		expect(refusal(check([consent({ revokedOn: '2026-06-01' })])).reason).not.toContain('Sam');
	});
});
