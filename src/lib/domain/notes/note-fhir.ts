import { toBase64, utf8 } from '../core/encoding';
import { isSigned, noteToPlainText, type NoteDocument } from './note-document';
import { isIsoDate } from '../core/records';

/**
 * A note as FHIR R4 JSON: a Bundle of type `collection` holding a Patient and a
 * DocumentReference whose attachment is the plain-text note.
 *
 * Why `collection` and not `document`: a `document` Bundle must start with a Composition and
 * carry an identifier and a timestamp (invariants bdl-9, bdl-10, bdl-11), and it asserts that
 * the Composition's sections are the attested document. Here the attested content is the
 * plain-text attachment, described by a DocumentReference (the resource FHIR uses to index a
 * clinical note), so a `collection` states exactly what is sent without a half-built Composition.
 *
 * The system URLs below are identifiers of code systems; nothing ever fetches them.
 */
export const LOINC = 'http://loinc.org';
export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';

export interface FhirCoding {
	system: string;
	code: string;
	display: string;
}

/** Only the shapes this exporter writes; the unit test checks them against the R4 JSON schema. */
export interface FhirPatient {
	resourceType: 'Patient';
	id: string;
	meta?: { security: FhirCoding[] };
	name: { text: string }[];
	birthDate?: string;
}

export interface FhirDocumentReference {
	resourceType: 'DocumentReference';
	id: string;
	meta?: { security: FhirCoding[] };
	status: 'current';
	docStatus: 'final' | 'preliminary';
	type: { coding: FhirCoding[]; text: string };
	subject: { reference: string };
	date: string;
	author?: { display: string }[];
	authenticator?: { display: string };
	custodian?: { display: string };
	description: string;
	securityLabel?: { coding: FhirCoding[] }[];
	content: { attachment: { contentType: string; data: string; title: string; creation?: string } }[];
	context?: { period: { start: string } };
}

export interface FhirBundle {
	resourceType: 'Bundle';
	id: string;
	meta?: { security: FhirCoding[] };
	type: 'collection';
	timestamp: string;
	entry: [{ fullUrl: string; resource: FhirPatient }, { fullUrl: string; resource: FhirDocumentReference }];
}

/**
 * HL7 security labels for a 42 CFR Part 2 record: the governing law, the refrain policy
 * "no redisclosure without consent directive" that 2.32 requires of recipients, and the
 * restricted confidentiality level used for substance use disorder information.
 */
export const PART2_SECURITY: readonly FhirCoding[] = [
	{ system: ACT_CODE, code: '42CFRPart2', display: '42 CFR Part2' },
	{ system: ACT_CODE, code: 'NORDSCLCD', display: 'no redisclosure without consent directive' },
	{ system: CONFIDENTIALITY, code: 'R', display: 'restricted' }
];

export const PROGRESS_NOTE_TYPE: FhirCoding = { system: LOINC, code: '11506-3', display: 'Progress note' };

export interface FhirOptions {
	/** The export time; the Bundle timestamp, and the document date while unsigned. */
	now?: Date;
	/** New resource ids; UUIDs, so each entry's fullUrl can be a urn:uuid. */
	newId?: () => string;
}

export function noteToFhirBundle(doc: NoteDocument, options: FhirOptions = {}): FhirBundle {
	const now = (options.now ?? new Date()).toISOString();
	const newId = options.newId ?? (() => crypto.randomUUID());
	const [bundleId, patientId, documentId] = [newId(), newId(), newId()];
	const signed = isSigned(doc);
	const security = doc.client.part2 ? { meta: { security: PART2_SECURITY.map((c) => ({ ...c })) } } : {};
	const text = noteToPlainText(doc);
	const title = `${doc.format.name} progress note, ${doc.session.date}`;
	const signedAt = signed ? instant(doc.signedAt!) : null;

	const patient: FhirPatient = {
		resourceType: 'Patient',
		id: patientId,
		...security,
		name: [{ text: doc.client.name.trim() || 'Unnamed client' }],
		...(isIsoDate(doc.client.dateOfBirth) ? { birthDate: doc.client.dateOfBirth } : {})
	};

	const reference: FhirDocumentReference = {
		resourceType: 'DocumentReference',
		id: documentId,
		...security,
		status: 'current',
		docStatus: signed ? 'final' : 'preliminary',
		type: { coding: [{ ...PROGRESS_NOTE_TYPE }], text: 'Progress note' },
		subject: { reference: `urn:uuid:${patientId}` },
		date: signedAt ?? now,
		...(signed ? { author: [{ display: doc.signedBy! }], authenticator: { display: doc.signedBy! } } : {}),
		...(doc.practiceName.trim() ? { custodian: { display: doc.practiceName.trim() } } : {}),
		description: title,
		...(doc.client.part2 ? { securityLabel: PART2_SECURITY.map((c) => ({ coding: [{ ...c }] })) } : {}),
		content: [
			{
				attachment: {
					contentType: 'text/plain; charset=utf-8',
					data: toBase64(utf8(text)),
					title,
					...(signedAt ? { creation: signedAt } : {})
				}
			}
		],
		...(isIsoDate(doc.session.date) ? { context: { period: { start: doc.session.date } } } : {})
	};

	return {
		resourceType: 'Bundle',
		id: bundleId,
		...security,
		type: 'collection',
		timestamp: now,
		entry: [
			{ fullUrl: `urn:uuid:${patientId}`, resource: patient },
			{ fullUrl: `urn:uuid:${documentId}`, resource: reference }
		]
	};
}

/** FHIR `instant` needs seconds and a zone; a stored ISO string may lack either. */
function instant(iso: string): string {
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? iso : date.toISOString();
}
