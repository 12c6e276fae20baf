import { afterEach, describe, expect, it } from 'vitest';
import {
	assertClientDocumentChangeAllowed,
	clientDocumentBlocks,
	documentGaps,
	draftFrom,
	editClientDocument,
	LETTER_TEMPLATES,
	letterhead,
	newClientDocument,
	signatureHolds,
	sessionsFor,
	signClientDocument,
	withDiagnoses,
	WORKSHEET_TEMPLATES,
	type ClientDocument,
	type ClientDocumentTemplate
} from '$lib/domain/client-documents/client-document';
import { outlineDocument, outlineSimpler, type DocumentSource } from '$lib/domain/client-documents/client-document-prompts';
import { clientLanguageFlags, diagnosisFlags } from '$lib/domain/client-documents/client-language';
import { readingLevel } from '$lib/domain/client-documents/readability';
import { newClient, type Diagnosis } from '$lib/domain/core/records';
import { draftClientDocument, simplifyClientDocument } from '$lib/documents/client-documents/draft-client-document';
import { engineStatus } from '$lib/inference/engine-status.svelte';
import { ScriptedEngine, tokenize } from '../doubles/scripted-engine';
import { codeOf } from './helpers';

afterEach(() => engineStatus.unload());

const DIAGNOSES: Diagnosis[] = [
	{ code: 'F41.1', description: 'Generalized anxiety disorder' },
	{ code: 'F32.1', description: 'Major depressive disorder, single episode, moderate' }
];
const CLIENT = { ...newClient('c1'), name: 'Jordan Avery', preferredName: 'Jo', dateOfBirth: '1988-04-12', diagnoses: DIAGNOSES };
const CONTENT = [
	'Client: I have been sleeping badly and I worry about work all the time.',
	'Therapist: We practised slow breathing.',
	'Client agreed to take a short walk each day this week.',
	'Client will try to write down worries before bed.'
].join('\n');
const SESSION = { id: 's2', date: '2026-05-02', startTime: '14:30', serviceType: 'Individual psychotherapy' as const, content: CONTENT };

function source(template: ClientDocumentTemplate, overrides: Partial<DocumentSource> = {}): DocumentSource {
	return {
		template,
		client: CLIENT,
		clinician: 'Dr. Mira Okafor',
		practice: { name: 'Harbor Counseling', address: '12 Harbor Road, Portland', phone: '555-0100' },
		today: '2026-05-04',
		recipient: 'Lincoln High School',
		includeDiagnoses: false,
		session: SESSION,
		attended: [{ date: '2026-04-01', startTime: '10:00', serviceType: 'Individual psychotherapy' }, SESSION],
		next: { date: '2026-05-09', startTime: '14:30' },
		goals: ['Sleep 7 hours a night'],
		...overrides
	};
}

/** A letter drafted by the outline from the record, as the editor stores it. */
function letter(template: ClientDocumentTemplate, overrides: Partial<DocumentSource> = {}): ClientDocument {
	const draft = outlineDocument(source(template, overrides));
	return { ...newClientDocument('d1', 'c1', template, { recipient: 'Lincoln High School' }), ...draft };
}

const NOW = new Date('2026-05-04T15:00:00.000Z');

describe('a letter carries the minimum necessary', () => {
	it('starts with diagnoses off, and its draft from the record names no diagnosis for any letter', () => {
		for (const template of LETTER_TEMPLATES) {
			expect(newClientDocument('d1', 'c1', template).includeDiagnoses).toBe(false);
			const { body } = outlineDocument(source(template));
			expect(body).not.toMatch(/F41\.1|F32\.1|anxiety disorder|depressive/i);
			expect(diagnosisFlags(body, DIAGNOSES)).toEqual([]);
		}
	});

	it('adds the diagnoses from the record only when the clinician turns them on, and removes them when turned off', () => {
		const on = withDiagnoses(letter('referral'), true, DIAGNOSES);
		expect(on.includeDiagnoses).toBe(true);
		expect(on.body).toContain('Diagnoses: F41.1 Generalized anxiety disorder; F32.1 Major depressive disorder, single episode, moderate.');
		// Before the closing, not after the signature.
		expect(on.body.indexOf('Diagnoses:')).toBeLessThan(on.body.indexOf('Sincerely,'));
		const off = withDiagnoses(on, false, DIAGNOSES);
		expect(off.includeDiagnoses).toBe(false);
		expect(off.body).not.toContain('F41.1');
		expect(outlineDocument(source('referral', { includeDiagnoses: true })).body).toContain('F32.1');
	});

	it('will not be signed while it names a diagnosis the clinician did not include', () => {
		const doc = { ...letter('attendance'), body: `${letter('attendance').body}\n\nJo is treated for PTSD.` };
		expect(documentGaps(doc, DIAGNOSES).map((g) => g.field)).toEqual(['diagnosis']);
		expect(() => signClientDocument(doc, 'Dr. Mira Okafor', NOW, DIAGNOSES)).toThrow('record/invalid');
		const included = { ...doc, includeDiagnoses: true };
		expect(documentGaps(included, DIAGNOSES)).toEqual([]);
		expect(signClientDocument(included, 'Dr. Mira Okafor', NOW, DIAGNOSES).status).toBe('signed');
	});

	it('asks for the recipient and for every bracketed placeholder before signing', () => {
		const doc = letter('accommodation', { recipient: '' });
		const gaps = documentGaps({ ...doc, recipient: '' }, DIAGNOSES);
		expect(gaps.map((g) => g.field)).toEqual(['recipient', 'placeholder']);
		expect(gaps[1]!.message).toContain('[recipient]');
	});

	it('puts the practice letterhead on top, with placeholders for details settings lack', () => {
		expect(letterhead({ name: 'Harbor Counseling', address: '', phone: ' ' })).toEqual({
			name: 'Harbor Counseling',
			address: '[Practice address]',
			phone: '[Practice phone]'
		});
		const blocks = clientDocumentBlocks(letter('attendance'), { client: CLIENT, practice: null, today: '2026-05-04' });
		expect(blocks.slice(0, 4)).toEqual([
			{ kind: 'title', text: '[Practice name]' },
			{ kind: 'paragraph', text: '[Practice address]' },
			{ kind: 'paragraph', text: 'Phone: [Practice phone]' },
			{ kind: 'subheading', text: 'Letter' }
		]);
	});

	it('lists the dates attended, with time and service, for an attendance letter', () => {
		expect(outlineDocument(source('attendance')).body).toContain(
			'- Wednesday, April 1, 2026 at 10:00 a.m. (Individual psychotherapy)\n- Saturday, May 2, 2026 at 2:30 p.m. (Individual psychotherapy)'
		);
	});
});

describe('signing and immutability', () => {
	it('signs with a hash of the text, and a signed document cannot be edited or rewritten in storage', () => {
		const signed = signClientDocument(letter('attendance'), 'Dr. Mira Okafor', NOW);
		expect(signed).toMatchObject({ status: 'signed', signedBy: 'Dr. Mira Okafor', signedAt: NOW.toISOString() });
		expect(signatureHolds(signed)).toBe(true);
		expect(signatureHolds({ ...signed, body: `${signed.body} More.` })).toBe(false);
		expect(() => editClientDocument(signed, { body: 'Changed.' })).toThrow('client-document/signed');
		expect(() => assertClientDocumentChangeAllowed(signed, { ...signed, recipient: 'Someone else' })).toThrow('client-document/signed');
		expect(() => assertClientDocumentChangeAllowed(signed, signed)).not.toThrow();
		const copy = draftFrom(signed, 'd2');
		expect(copy).toMatchObject({ id: 'd2', status: 'draft', signedBy: null, contentHash: null, body: signed.body });
	});
});

describe('client-facing language', () => {
	it('flags diagnostic labels and clinical jargon, each with what to do instead', () => {
		const text = 'Major depressive disorder (F32.1) and PTSD. Denies SI/HI. Flat affect. Suicidal ideation was discussed.';
		const flags = clientLanguageFlags(text, { includeDiagnoses: false });
		expect(flags.map((f) => [f.kind, f.text])).toEqual([
			['diagnosis', 'Major depressive disorder'],
			['diagnosis', 'F32.1'],
			['diagnosis', 'PTSD'],
			['jargon', 'Denies'],
			['jargon', 'SI/HI'],
			['jargon', 'Flat affect'],
			['jargon', 'Suicidal ideation']
		]);
		expect(flags.every((f) => f.advice.length > 0)).toBe(true);
	});

	it('leaves ordinary words alone and labels alone once diagnoses are included on purpose', () => {
		expect(clientLanguageFlags('Hi Jo. Stress can affect your sleep. Add one walk a day.', { includeDiagnoses: false })).toEqual([]);
		const flags = clientLanguageFlags('Generalized anxiety disorder; suicidal ideation.', { includeDiagnoses: true });
		expect(flags.map((f) => f.text)).toEqual(['suicidal ideation']);
	});

	it('recognises the client’s own diagnoses by code and name', () => {
		const flags = diagnosisFlags('Diagnosed with major depressive disorder, single episode, moderate.', DIAGNOSES);
		expect(flags.map((f) => f.text)).toEqual(['major depressive disorder, single episode, moderate']);
	});
});

describe('worksheets', () => {
	it('reads at grade 8 or below for every worksheet template', () => {
		for (const template of WORKSHEET_TEMPLATES) {
			const level = readingLevel(outlineDocument(source(template)).body);
			expect(level.words).toBeGreaterThan(40);
			expect(level.grade, template).toBeLessThanOrEqual(8);
		}
	});

	it('summarises the session speaking to the client, with the homework agreed and the next session', () => {
		const { body } = outlineDocument(source('session-summary'));
		expect(body).toContain('our session on Saturday, May 2, 2026');
		expect(body).toContain('You said: “I have been sleeping badly and I worry about work all the time.”');
		expect(body).toContain('What you agreed to try before next time:\n- You agreed to take a short walk each day this week.\n- You will try to write down worries before bed.');
		expect(body).toContain('Our next session: Saturday, May 9, 2026 at 2:30 p.m.');
		expect(body).not.toContain('Client');
	});

	it('has the five senses in order in the grounding exercise', () => {
		const { body } = outlineDocument(source('grounding'));
		expect(body.match(/Notice \d thing/g)).toEqual(['Notice 5 thing', 'Notice 4 thing', 'Notice 3 thing', 'Notice 2 thing', 'Notice 1 thing']);
	});

	it('makes text simpler without the outline losing a fact', () => {
		const body =
			'We will utilize additional assistance regarding your sleep on May 9 at 2:30, and we will commence the plan prior to the next session; however, you should participate frequently.';
		const simpler = outlineSimpler({ title: 'Plan', body });
		expect(simpler.body).toBe(
			'We will use more help about your sleep on May 9 at 2:30. We will start the plan before the next session. But you should take part often.'
		);
		expect(readingLevel(simpler.body).grade).toBeLessThan(readingLevel(body).grade - 4);
	});

	it('chooses the next booked session for an appointment letter and the latest held one for a summary', () => {
		const sessions = [
			{ id: 'a', date: '2026-04-01', startTime: '10:00' },
			{ id: 'c', date: '2026-05-09', startTime: '14:30' },
			{ id: 'b', date: '2026-05-02', startTime: '14:30' }
		];
		expect(sessionsFor('appointment', sessions, null, '2026-05-04').session?.id).toBe('c');
		expect(sessionsFor('session-summary', sessions, null, '2026-05-04').session?.id).toBe('b');
		expect(sessionsFor('session-summary', sessions, 'a', '2026-05-04').session?.id).toBe('a');
		expect(sessionsFor('attendance', sessions, null, '2026-05-04').attended.map((s) => s.id)).toEqual(['a', 'b']);
	});
});

describe('drafting through the engine', () => {
	const modelSpec = { modelId: 'scripted', modelUrl: '', modelLibUrl: '', contextWindow: 4096, requiredFeatures: [], vramRequiredMB: 0 };
	const consenting = { ...CLIENT, aiConsent: { given: true, date: '2026-01-05' } };

	it('drafts with the outline (no AI, no consent needed) when no model is loaded', async () => {
		const result = await draftClientDocument({ client: CLIENT, source: source('thought-record'), onText: () => undefined });
		expect(result.draftedWith).toBe('outline');
		expect(result).toMatchObject(outlineDocument(source('thought-record')));
		expect(result.flagged).toEqual([]);
		const simpler = await simplifyClientDocument({ client: CLIENT, document: result, onText: () => undefined });
		expect(simpler.draftedWith).toBe('outline');
	});

	it('sends nothing to a model for a client without AI consent', async () => {
		await engineStatus.load(new ScriptedEngine({ tokens: tokenize('{"title":"T","body":"B"}'), intervalMs: 1 }), modelSpec);
		let streamed = '';
		expect(await codeOf(draftClientDocument({ client: CLIENT, source: source('grounding'), onText: (t) => (streamed = t) }))).toBe('note/no-ai-consent');
		expect(streamed).toBe('');
	});

	it('flags a date the model wrote that the record does not have', async () => {
		const answer = JSON.stringify({ title: 'Appointment confirmation', body: 'Dear Jo,\n\nYour next appointment is on June 30, 2026.' });
		await engineStatus.load(new ScriptedEngine({ tokens: tokenize(answer), intervalMs: 1 }), modelSpec);
		const result = await draftClientDocument({ client: consenting, source: source('appointment'), onText: () => undefined });
		expect(result.draftedWith).toBe('scripted');
		expect(result.flagged.map((s) => s.flags.map((f) => f.kind))).toContainEqual(expect.arrayContaining(['date']));
	});

	it('refuses a model answer without a title or text', async () => {
		await engineStatus.load(new ScriptedEngine({ tokens: tokenize('{"title":" ","body":"Text."}'), intervalMs: 1 }), modelSpec);
		expect(await codeOf(draftClientDocument({ client: consenting, source: source('grounding'), onText: () => undefined }))).toBe('inference/invalid-output');
	});
});
