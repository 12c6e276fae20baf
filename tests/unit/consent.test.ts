import { describe, expect, it } from 'vitest';
import { squash } from '../export-readers';
import { referenceText } from '../fixtures/reference/reference';
import { assertConsentChangeAllowed, consentGaps, consentStatus, consentSummary, newConsent, revokeConsent, type Part2Consent } from '$lib/domain/compliance/consent';
import { AppError } from '$lib/domain/core/app-error';
import { PART2_NOTICE } from '$lib/domain/notes/note-document';
import { PART2_STATEMENT_1, PART2_STATEMENT_2, isPart2, noticeStatement, noticeText } from '$lib/domain/compliance/part2-notice';

/** A complete consent, signed 2026-01-05, valid until 2027-01-05. */
function consent(overrides: Partial<Part2Consent> = {}): Part2Consent {
	return {
		...newConsent('k1', 'c1', 'disclosure', { clientName: 'Sam Rivera', practiceName: 'Harbor Counseling' }),
		information: 'Progress notes and treatment plans from 2026',
		recipients: ['Dr. Lee'],
		purposes: ['Treatment'],
		expiresOn: '2027-01-05',
		signature: 'Sam Rivera',
		signedOn: '2026-01-05',
		...overrides
	};
}

const gapFields = (c: Part2Consent) => consentGaps(c).map((g) => g.field);
const gapFor = (c: Part2Consent, field: string) => consentGaps(c).find((g) => g.field === field)?.message;

describe('the elements 42 CFR 2.31 requires', () => {
	it('finds nothing missing in a complete consent', () => {
		expect(consentGaps(consent())).toEqual([]);
	});

	it('asks for the patient’s name', () => {
		expect(gapFields(consent({ patientName: '  ' }))).toEqual(['patientName']);
		expect(gapFor(consent({ patientName: '' }), 'patientName')).toMatch(/patient’s name/);
	});

	it('asks who may make the disclosure', () => {
		expect(gapFields(consent({ discloser: '' }))).toEqual(['discloser']);
		expect(gapFor(consent({ discloser: '' }), 'discloser')).toMatch(/who may make the disclosure/);
	});

	it('asks for a description of the information', () => {
		expect(gapFields(consent({ information: '' }))).toEqual(['information']);
		expect(gapFor(consent({ information: '' }), 'information')).toMatch(/information/);
	});

	it('asks for at least one recipient, ignoring blank lines', () => {
		expect(gapFields(consent({ recipients: ['', '  '] }))).toEqual(['recipients']);
		expect(gapFor(consent({ recipients: [] }), 'recipients')).toBe('Name at least one recipient.');
	});

	it('asks for at least one purpose', () => {
		expect(gapFields(consent({ purposes: [] }))).toEqual(['purposes']);
		expect(gapFor(consent({ purposes: [' '] }), 'purposes')).toMatch(/at least one purpose/);
	});

	it('asks for the statement of the right to revoke', () => {
		expect(gapFields(consent({ revocation: '' }))).toEqual(['revocation']);
		expect(gapFor(consent({ revocation: '' }), 'revocation')).toMatch(/right to revoke/);
	});

	it('asks for an expiry date or an expiry event, and accepts either alone', () => {
		expect(gapFields(consent({ expiresOn: '', expiryEvent: '' }))).toEqual(['expiry']);
		expect(gapFor(consent({ expiresOn: '', expiryEvent: '' }), 'expiry')).toMatch(/expiry date or an event/);
		expect(consentGaps(consent({ expiresOn: '', expiryEvent: 'When treatment at Harbor Counseling ends' }))).toEqual([]);
		expect(gapFields(consent({ expiresOn: '2027-02-30' }))).toEqual(['expiresOn']);
	});

	it('asks for the signature', () => {
		expect(gapFields(consent({ signature: '' }))).toEqual(['signature']);
		expect(gapFor(consent({ signature: '' }), 'signature')).toMatch(/who signed/);
	});

	it('asks for the date signed as a real date', () => {
		expect(gapFields(consent({ signedOn: '' }))).toEqual(['signedOn']);
		expect(gapFields(consent({ signedOn: '2026-13-01' }))).toEqual(['signedOn']);
		expect(gapFor(consent({ signedOn: '5 Jan' }), 'signedOn')).toMatch(/date the consent was signed/);
	});

	it('flags an expiry date before the date signed', () => {
		expect(gapFields(consent({ expiresOn: '2025-12-31' }))).toEqual(['expiresOn']);
	});
});

describe('a new consent', () => {
	it('is prefilled with the client, the practice as discloser and a revocation sentence naming the practice', () => {
		const fresh = newConsent('k9', 'c1', 'counseling-notes', { clientName: ' Sam Rivera ', practiceName: 'Harbor Counseling' });
		expect(fresh).toMatchObject({ id: 'k9', clientId: 'c1', kind: 'counseling-notes', patientName: 'Sam Rivera', discloser: 'Harbor Counseling', revokedOn: null });
		expect(fresh.revocation).toMatch(/^You may revoke this consent at any time, in writing or orally, except to the extent that action has already been taken in reliance on it\. To revoke, tell Harbor Counseling /);
		// Only what is specific to this consent is left to fill.
		expect(gapFields(fresh)).toEqual(['information', 'recipients', 'purposes', 'expiry', 'signature', 'signedOn']);
	});
});

describe('consent status', () => {
	const today = '2026-06-01';

	it('is valid when complete, signed and not expired, including on its expiry date', () => {
		expect(consentStatus(consent(), today)).toBe('valid');
		expect(consentStatus(consent({ expiresOn: today }), today)).toBe('valid');
	});

	it('is expired when the expiry date is before today', () => {
		expect(consentStatus(consent({ expiresOn: '2026-05-31' }), today)).toBe('expired');
	});

	it('is revoked once revoked, whatever else is true, and keeps the first revocation date', () => {
		const revoked = revokeConsent(consent(), '2026-03-01');
		expect(consentStatus(revoked, today)).toBe('revoked');
		expect(revokeConsent(revoked, '2026-04-01').revokedOn).toBe('2026-03-01');
		expect(consentStatus(consent({ expiresOn: '2026-02-01', revokedOn: '2026-01-20' }), today)).toBe('revoked');
	});

	it('treats an expiry event as valid, since code cannot tell whether it happened, and shows the event', () => {
		const byEvent = consent({ expiresOn: '', expiryEvent: 'Discharge from the outpatient program' });
		expect(consentStatus(byEvent, '2035-01-01')).toBe('valid');
		expect(consentSummary(byEvent)).toContain('Expires when this happens: Discharge from the outpatient program.');
	});

	it('is not yet signed without a signature or with a signing date after today', () => {
		expect(consentStatus(consent({ signature: '' }), today)).toBe('not-yet-signed');
		expect(consentStatus(consent({ signedOn: '2026-06-02' }), today)).toBe('not-yet-signed');
	});

	it('cannot be edited or un-revoked once revoked, though rewriting it unchanged is allowed', () => {
		const revoked = revokeConsent(consent(), '2026-03-01');
		expect(() => assertConsentChangeAllowed(revoked, { ...revoked, revokedOn: null })).toThrow(AppError);
		expect(() => assertConsentChangeAllowed(revoked, { ...revoked, recipients: ['Dr. Patel'] })).toThrow(AppError);
		const reordered = Object.fromEntries(Object.entries(revoked).reverse()) as unknown as Part2Consent;
		expect(() => assertConsentChangeAllowed(revoked, reordered)).not.toThrow();
		expect(() => assertConsentChangeAllowed(consent(), { ...consent(), purposes: ['Payment'] })).not.toThrow();
		expect(() => assertConsentChangeAllowed(null, revoked)).not.toThrow();
	});

	it('is incomplete when signed but missing another element', () => {
		expect(consentStatus(consent({ purposes: [] }), today)).toBe('incomplete');
	});
});

describe('the consent summary sent with a disclosure', () => {
	it('names the kind, patient, discloser, information, every recipient and purpose, expiry, signature date and revocation right', () => {
		const summary = consentSummary(consent({ recipients: ['Dr. Lee', 'County Clinic'], purposes: ['Treatment', 'Payment'] }));
		expect(summary).toContain('Consent to disclose records protected by 42 CFR part 2.');
		expect(summary).toContain('Patient: Sam Rivera.');
		expect(summary).toContain('Who may disclose: Harbor Counseling.');
		expect(summary).toContain('Information: Progress notes and treatment plans from 2026.');
		expect(summary).toContain('Recipients: Dr. Lee; County Clinic.');
		expect(summary).toContain('Purposes: Treatment; Payment.');
		expect(summary).toContain('Expires on 2027-01-05.');
		expect(summary).toContain('Signed by Sam Rivera on 2026-01-05.');
		expect(summary).toMatch(/You may revoke this consent at any time/);
		expect(summary).not.toContain('\n');
	});

	it('says when a consent is a separate one for counseling notes', () => {
		expect(consentSummary(consent({ kind: 'counseling-notes' }))).toMatch(/^Separate consent to disclose substance use disorder counseling notes/);
	});
});

describe('the 42 CFR 2.32 notice', () => {
	const edited = { statement: 1 as const, statement1: '', statement2: '' };

	it('is statement 1, the regulation’s full text, by default', () => {
		const reference = referenceText('regulatory.md');
		expect(PART2_STATEMENT_1).toBe(PART2_NOTICE);
		expect(noticeText()).toBe(squash(/Statement 1: "([\s\S]+?)"\n/.exec(reference)![1]!));
		expect(noticeText({ part2Notice: edited })).toBe(PART2_NOTICE);
		expect(noticeStatement({})).toBe(1);
	});

	it('is statement 2, exactly as in the reference, when the practice chose the short form', () => {
		const reference = referenceText('regulatory.md');
		expect(PART2_STATEMENT_2).toBe(squash(/Statement 2 \(short form\): "([\s\S]+?)"/.exec(reference)![1]!));
		const settings = { part2Notice: { ...edited, statement: 2 as const } };
		expect(noticeText(settings)).toBe('42 CFR part 2 prohibits unauthorized use or disclosure of these records.');
		expect(noticeStatement(settings)).toBe(2);
	});

	it('uses the administrator’s edited text of the chosen statement', () => {
		const settings = { part2Notice: { statement: 2 as const, statement1: 'Edited long form.', statement2: ' Edited short form. ' } };
		expect(noticeText(settings)).toBe('Edited short form.');
		expect(noticeText({ part2Notice: { ...settings.part2Notice, statement: 1 } })).toBe('Edited long form.');
	});

	it('applies to a Part 2 client, or to every client of a Part 2 program', () => {
		expect(isPart2({ part2: true }, {})).toBe(true);
		expect(isPart2({ part2: false }, { part2Program: true })).toBe(true);
		expect(isPart2({ part2: false }, { part2Program: false })).toBe(false);
		expect(isPart2({ part2: false })).toBe(false);
	});
});
