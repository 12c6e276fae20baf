import { beforeAll, describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { referenceText } from '../fixtures/reference/reference';
import { docxText as readDocx, fhirR4Validator, pdfText as readPdf, squash } from '../export-readers';
import { NOTE_FORMATS } from '$lib/domain/notes/note-formats';
import { PART2_NOTICE, noteToPlainText, type NoteDocument } from '$lib/domain/notes/note-document';
import { noteToFhirBundle } from '$lib/domain/notes/note-fhir';
import { exportFileName, noteToDocx, noteToFhirJson, noteToPdf } from '$lib/documents/notes/export-note';

const SECRET = 'PRIVATE PROCESS NOTE';

function note(overrides: Partial<NoteDocument> = {}): NoteDocument {
	return {
		client: { id: 'c-1', name: 'Jordan Avery', dateOfBirth: '1988-04-12', part2: false },
		session: { date: '2025-03-04', startTime: '10:00', endTime: '10:53', serviceType: 'Individual psychotherapy', participants: 'Client' },
		format: NOTE_FORMATS.SOAP,
		sections: {
			subjective: 'Client reports sleeping 5 hours a night.\r\nWorries about work deadlines.',
			objective: 'Alert and oriented; affect anxious. PHQ-9 ≥ 10.',
			assessment: '',
			plan: 'Continue CBT weekly; keep a sleep diary.',
			// Not a SOAP section: must never reach an export.
			processNotes: SECRET
		},
		signedBy: 'Dr. Mira Okafor, PsyD',
		signedAt: '2025-03-04T16:20:00.000Z',
		contentHash: 'ab'.repeat(32),
		addenda: [{ at: '2025-03-05T09:00:00Z', by: 'Dr. Mira Okafor, PsyD', text: 'Client called to confirm the next appointment.' }],
		cpt: ['90837'],
		diagnoses: [{ code: 'F41.1', description: 'Generalized anxiety disorder' }],
		practiceName: 'Harbor Counseling',
		...overrides
	};
}
const unsigned = () => note({ signedBy: null, signedAt: null, contentHash: null, addenda: [] });
const part2 = () => note({ client: { id: 'c-2', name: 'Sam Rivera', dateOfBirth: '1979-11-30', part2: true } });

describe('plain text export', () => {
	it('lists the header, the format’s sections in order with capital headings, dated addenda and the signature', () => {
		expect(noteToPlainText(note())).toBe(`PROGRESS NOTE (SOAP)
Practice: Harbor Counseling
Client: Jordan Avery
Date of birth: 1988-04-12
Session date: 2025-03-04
Time: 10:00–10:53 (53 min)
Service: Individual psychotherapy
Participants: Client
Diagnoses: F41.1 Generalized anxiety disorder
CPT: 90837

SUBJECTIVE
Client reports sleeping 5 hours a night.
Worries about work deadlines.

OBJECTIVE
Alert and oriented; affect anxious. PHQ-9 ≥ 10.

ASSESSMENT
Not documented

PLAN
Continue CBT weekly; keep a sleep diary.

ADDENDA
Addendum, 2025-03-05 09:00 UTC, by Dr. Mira Okafor, PsyD
Client called to confirm the next appointment.

Electronically signed by Dr. Mira Okafor, PsyD on 2025-03-04 16:20 UTC
Content hash (SHA-256): ${'ab'.repeat(32)}
`);
	});

	it('marks an unsigned note as a draft at the top and in place of the signature', () => {
		const text = noteToPlainText(unsigned());
		expect(text.split('\n').slice(0, 3)).toEqual(['PROGRESS NOTE (SOAP)', 'Practice: Harbor Counseling', 'DRAFT — not signed']);
		expect(text.trimEnd().endsWith('DRAFT — not signed')).toBe(true);
		expect(text).not.toContain('Electronically signed');
	});

	it('appends the exact 42 CFR 2.32 statement 1 only when the client is Part 2, or the practice’s own text', () => {
		const reference = referenceText('regulatory.md');
		const statement1 = /Statement 1: "([\s\S]+?)"\n/.exec(reference)?.[1];
		expect(statement1 && squash(statement1)).toBe(PART2_NOTICE);

		const protectedText = noteToPlainText(part2());
		expect(protectedText.trimEnd().endsWith(`NOTICE: 42 CFR PART 2\n${PART2_NOTICE}`)).toBe(true);
		expect(noteToPlainText(note())).not.toContain('42 CFR');
		const custom = noteToPlainText({ ...part2(), part2Notice: 'Edited notice.' });
		expect(custom).toContain('Edited notice.');
		expect(custom).not.toContain(PART2_NOTICE);
	});

	it('never includes keys outside the format’s sections', () => {
		expect(noteToPlainText(note())).not.toContain(SECRET);
	});

	it('names files without PHI', () => {
		expect(exportFileName(note(), 'pdf')).toBe('progress-note-2025-03-04.pdf');
		expect(exportFileName(note(), 'json')).toBe('progress-note-2025-03-04.fhir.json');
	});
});

describe('FHIR R4 export', () => {
	let validate: ValidateFunction;
	beforeAll(() => {
		validate = fhirR4Validator();
	}, 60_000);
	const errors = () => JSON.stringify(validate.errors?.slice(0, 5));

	it('produces bundles that the R4 JSON schema accepts, signed, unsigned and Part 2', () => {
		for (const doc of [note(), unsigned(), part2()]) {
			const bundle = noteToFhirBundle(doc);
			expect(validate(bundle), errors()).toBe(true);
		}
	});

	it('is checked by a schema that really rejects invalid resources', () => {
		const bundle = noteToFhirBundle(note());
		const badStatus = structuredClone(bundle) as unknown as { entry: { resource: Record<string, unknown> }[] };
		badStatus.entry[1]!.resource.status = 'draft';
		expect(validate(badStatus)).toBe(false);
		const extraField = structuredClone(bundle) as unknown as { entry: { resource: Record<string, unknown> }[] };
		extraField.entry[0]!.resource.ssn = '000-00-0000';
		expect(validate(extraField)).toBe(false);
		const badDate = structuredClone(bundle) as unknown as { timestamp: string };
		badDate.timestamp = '2025-03-04 16:20';
		expect(validate(badDate)).toBe(false);
	});

	it('carries the plain text as base64, a LOINC progress note type and a subject that resolves in the bundle', () => {
		const doc = note();
		const bundle = noteToFhirBundle(doc, { now: new Date('2025-03-06T12:00:00Z') });
		const [patientEntry, referenceEntry] = bundle.entry;
		const reference = referenceEntry.resource;
		expect(bundle.type).toBe('collection');
		expect(bundle.timestamp).toBe('2025-03-06T12:00:00.000Z');
		expect(patientEntry.resource).toMatchObject({ name: [{ text: 'Jordan Avery' }], birthDate: '1988-04-12' });
		expect(reference.subject.reference).toBe(patientEntry.fullUrl);
		expect(patientEntry.fullUrl).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
		expect(reference.type.coding).toEqual([{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }]);
		expect(reference).toMatchObject({ status: 'current', docStatus: 'final', date: '2025-03-04T16:20:00.000Z' });
		const attachment = reference.content[0]!.attachment;
		expect(attachment.contentType).toMatch(/^text\/plain/);
		expect(Buffer.from(attachment.data, 'base64').toString('utf8')).toBe(noteToPlainText(doc));
		expect(JSON.stringify(bundle)).not.toContain(SECRET);
	});

	it('marks an unsigned note preliminary, dated at export time', () => {
		const reference = noteToFhirBundle(unsigned(), { now: new Date('2025-03-06T12:00:00Z') }).entry[1].resource;
		expect(reference).toMatchObject({ docStatus: 'preliminary', date: '2025-03-06T12:00:00.000Z' });
		expect(reference.authenticator).toBeUndefined();
	});

	it('labels a Part 2 record 42CFRPart2, NORDSCLCD and restricted on every resource, and nothing else', async () => {
		const bundle = noteToFhirBundle(part2());
		const codes = (security?: { code: string }[]) => security?.map((c) => c.code);
		for (const item of [bundle, bundle.entry[0].resource, bundle.entry[1].resource]) {
			expect(codes(item.meta?.security)).toEqual(['42CFRPart2', 'NORDSCLCD', 'R']);
		}
		expect(bundle.entry[1].resource.securityLabel?.map((l) => l.coding[0]!.code)).toEqual(['42CFRPart2', 'NORDSCLCD', 'R']);
		expect(bundle.entry[1].resource.meta?.security[0]!.system).toBe('http://terminology.hl7.org/CodeSystem/v3-ActCode');
		const plain = noteToFhirBundle(note());
		expect(plain.meta).toBeUndefined();
		expect(plain.entry[1].resource.securityLabel).toBeUndefined();
		const blob = noteToFhirJson(part2());
		expect(blob.type).toBe('application/fhir+json');
		expect(JSON.parse(await blob.text()).entry[1].resource.meta.security[0].code).toBe('42CFRPart2');
	});
});

async function docxText(blob: Blob): Promise<string> {
	return readDocx(new Uint8Array(await blob.arrayBuffer()));
}

async function pdfText(blob: Blob): Promise<{ pages: number; text: string }> {
	return readPdf(new Uint8Array(await blob.arrayBuffer()));
}

describe('DOCX export', () => {
	it('writes a Word file that mammoth reads back with every section, the addendum and the signature', async () => {
		const blob = await noteToDocx(note());
		expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		const text = await docxText(blob);
		for (const line of noteToPlainText(note()).split('\n').filter(Boolean)) expect(text).toContain(line);
		expect(text).not.toContain(SECRET);
		expect(text).not.toContain('DRAFT');
	});

	it('shows a draft line when unsigned and the Part 2 notice when the client is Part 2', async () => {
		expect(await docxText(await noteToDocx(unsigned()))).toContain('DRAFT — not signed');
		const text = await docxText(await noteToDocx(part2()));
		expect(text).toContain(PART2_NOTICE);
		expect(await docxText(await noteToDocx(note()))).not.toContain('42 CFR');
	});

	it('drops characters that XML forbids instead of writing a file Word refuses', async () => {
		const text = await docxText(await noteToDocx(note({ sections: { ...note().sections, plan: 'Plan <b>&\u0007 more' } })));
		expect(text).toContain('Plan <b>& more');
	});
});

describe('PDF export', () => {
	it('writes a PDF whose extracted text holds every line of the note', async () => {
		const blob = await noteToPdf(note());
		const bytes = new Uint8Array(await blob.arrayBuffer());
		expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
		const { pages, text } = await pdfText(blob);
		expect(pages).toBe(1);
		// Helvetica (WinAnsi) has no "≥": the PDF says ">=" rather than dropping or garbling it.
		const expected = noteToPlainText(note()).replace('≥', '>=');
		for (const line of expected.split('\n').filter(Boolean)) expect(text).toContain(squash(line));
		expect(text).toContain('Jordan Avery · 2025-03-04 Page 1 of 1');
		expect(text).not.toContain(SECRET);
		expect(text).not.toContain('DRAFT');
	});

	it('wraps long sections over several pages, with the draft marks and the Part 2 notice', async () => {
		const long = Array.from({ length: 120 }, (_, i) => `Sentence ${i + 1} of a long assessment.`).join(' ');
		const doc = { ...part2(), sections: { ...note().sections, assessment: long }, signedBy: null, signedAt: null };
		const { pages, text } = await pdfText(await noteToPdf(doc));
		expect(pages).toBeGreaterThan(1);
		// Page furniture (footer, then the next page's watermark and draft line) sits between pages.
		const body = text.replace(/ Sam Rivera · 2025-03-04 Page \d+ of \d+ DRAFT DRAFT — not signed/g, '');
		expect(body).toContain(long);
		expect(text).toContain(PART2_NOTICE);
		expect(text.split('DRAFT — not signed').length - 1).toBeGreaterThanOrEqual(pages + 2);
		expect(text).toContain(`Page ${pages} of ${pages}`);
	});

	it('replaces characters the built-in font cannot encode instead of failing', async () => {
		const doc = note({ sections: { ...note().sections, plan: 'Łódź → next week, 日本 ok, ő\ttab' } });
		const { text } = await pdfText(await noteToPdf(doc));
		expect(text).toContain('Lódz -> next week, ?? ok, o tab');
	});
});
