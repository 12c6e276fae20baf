import { durationMinutes, type Client, type Session } from '../core/records';
import { NOT_DOCUMENTED, type NoteFormat } from './note-formats';

/**
 * What an export contains. Built from a progress note, its client and its session by the
 * caller. HIPAA psychotherapy notes have no field here on purpose: they are never exported.
 */
export interface NoteDocument {
	client: Pick<Client, 'name' | 'dateOfBirth' | 'part2' | 'id'>;
	session: Pick<Session, 'date' | 'startTime' | 'endTime' | 'serviceType' | 'participants'>;
	format: NoteFormat;
	sections: Record<string, string>;
	signedBy: string | null;
	/** ISO timestamp. */
	signedAt: string | null;
	contentHash: string | null;
	addenda: { at: string; by: string; text: string }[];
	cpt: string[];
	diagnoses: { code: string; description: string }[];
	practiceName: string;
	/** Risk assessment, goals and next appointment, when the note records them. */
	details?: { riskAssessment: string; riskFindings: string; goalsAddressed: string; nextAppointment: string };
	/** The practice administrator's edited 42 CFR 2.32 statement; statement 1 when absent. */
	part2Notice?: string;
	/** On a disclosure, the consent's scope in words (2.32 asks for it beside the notice). */
	part2Consent?: string;
}

/** 42 CFR 2.32 statement 1, the default notice on every disclosure of a Part 2 record. */
export const PART2_NOTICE =
	'This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2). ' +
	'These rules prohibit you from using or disclosing this record, or testimony that describes the information ' +
	'contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, ' +
	'State, or local authority, against the patient, unless authorized by the consent of the patient, except as ' +
	'provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, ' +
	'the Federal rules prohibit you from making any other use or disclosure of this record unless at least one of ' +
	'the following applies: (i) Further use or disclosure is expressly permitted by the written consent of the ' +
	'individual whose information is being disclosed in this record or as otherwise permitted by 42 CFR part 2. ' +
	'(ii) You are a covered entity or business associate and have received the record for treatment, payment, or ' +
	'health care operations, or (iii) You have received the record from a covered entity or business associate as ' +
	'permitted by 45 CFR part 164, subparts A and E. A general authorization for the release of medical or other ' +
	'information is NOT sufficient to meet the required elements of written consent to further use or redisclose ' +
	'the record (see 42 CFR 2.31).';

export const PART2_HEADING = 'NOTICE: 42 CFR PART 2';
export const PART2_CONSENT_HEADING = 'Consent';
export const DRAFT_LINE = 'DRAFT — not signed';

/**
 * The note as an ordered list of blocks. Plain text, DOCX and PDF all render these blocks, so
 * every format carries the same content in the same order.
 */
export type NoteBlock =
	| { kind: 'title'; text: string }
	| { kind: 'draft'; text: string }
	| { kind: 'field'; label: string; value: string }
	| { kind: 'heading'; text: string }
	| { kind: 'subheading'; text: string }
	| { kind: 'paragraph'; text: string }
	| { kind: 'signature'; text: string }
	| { kind: 'notice'; text: string };

export function isSigned(doc: Pick<NoteDocument, 'signedBy' | 'signedAt'>): boolean {
	return Boolean(doc.signedBy && doc.signedAt);
}

export function noteBlocks(doc: NoteDocument): NoteBlock[] {
	const { client, session } = doc;
	const signed = isSigned(doc);
	const blocks: NoteBlock[] = [{ kind: 'title', text: `PROGRESS NOTE (${doc.format.name})` }];
	if (doc.practiceName.trim()) blocks.push({ kind: 'field', label: 'Practice', value: doc.practiceName.trim() });
	if (!signed) blocks.push({ kind: 'draft', text: DRAFT_LINE });

	const field = (label: string, value: string) => blocks.push({ kind: 'field', label, value: value.trim() || NOT_DOCUMENTED });
	field('Client', client.name);
	field('Date of birth', client.dateOfBirth);
	field('Session date', session.date);
	const time = sessionTime(session.startTime, session.endTime);
	if (time) field('Time', time);
	field('Service', session.serviceType);
	field('Participants', session.participants);
	field('Diagnoses', doc.diagnoses.map((d) => `${d.code} ${d.description}`.trim()).join('; '));
	field('CPT', doc.cpt.join(', '));
	if (doc.details) {
		const d = doc.details;
		field('Risk assessment', d.riskFindings.trim() ? `${d.riskAssessment}: ${d.riskFindings.trim()}` : d.riskAssessment);
		field('Goals addressed', d.goalsAddressed);
		field('Next appointment', d.nextAppointment);
	}

	// Only the format's own sections, in its order: a stray key can never leak into an export.
	for (const section of doc.format.sections) {
		blocks.push({ kind: 'heading', text: section.title.toUpperCase() });
		blocks.push({ kind: 'paragraph', text: cleanText(doc.sections[section.key] ?? '') || NOT_DOCUMENTED });
	}

	if (doc.addenda.length) {
		blocks.push({ kind: 'heading', text: 'ADDENDA' });
		for (const addendum of doc.addenda) {
			blocks.push({ kind: 'subheading', text: `Addendum, ${formatInstant(addendum.at)}, by ${addendum.by}` });
			blocks.push({ kind: 'paragraph', text: cleanText(addendum.text) || NOT_DOCUMENTED });
		}
	}

	if (signed) {
		blocks.push({ kind: 'signature', text: `Electronically signed by ${doc.signedBy} on ${formatInstant(doc.signedAt!)}` });
		if (doc.contentHash) blocks.push({ kind: 'signature', text: `Content hash (SHA-256): ${doc.contentHash}` });
	} else {
		blocks.push({ kind: 'signature', text: DRAFT_LINE });
	}

	if (client.part2) {
		blocks.push({ kind: 'heading', text: PART2_HEADING });
		blocks.push({ kind: 'notice', text: doc.part2Notice?.trim() || PART2_NOTICE });
		blocks.push(...consentBlocks(doc.part2Consent));
	}
	return blocks;
}

/** The consent a disclosure relies on, after the notice; nothing when the export is not a disclosure. */
export function consentBlocks(summary: string | undefined): NoteBlock[] {
	const text = cleanText(summary ?? '');
	return text ? [{ kind: 'subheading', text: PART2_CONSENT_HEADING }, { kind: 'paragraph', text }] : [];
}

/** Plain text for pasting into an EHR: capitalised headings, blank lines between parts. */
export function noteToPlainText(doc: NoteDocument): string {
	const lines: string[] = [];
	let previous: NoteBlock['kind'] | null = null;
	for (const block of noteBlocks(doc)) {
		const startsPart =
			block.kind === 'heading' ||
			(block.kind === 'signature' && previous !== 'signature') ||
			(block.kind === 'subheading' && previous !== 'heading') ||
			(block.kind === 'field' && previous !== 'field' && previous !== 'title');
		if (startsPart && lines.length) lines.push('');
		lines.push(block.kind === 'field' ? `${block.label}: ${block.value}` : block.text);
		previous = block.kind;
	}
	return `${lines.join('\n')}\n`;
}

/** "2024-05-02 14:03 UTC": unambiguous in any EHR whatever the reader's time zone. */
export function formatInstant(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function sessionTime(start: string, end: string): string {
	if (!start) return '';
	if (!end) return start;
	const minutes = durationMinutes(start, end);
	return minutes === null ? `${start}–${end}` : `${start}–${end} (${minutes} min)`;
}

/** Text as a document shows it: one kind of line break, no trailing spaces, trimmed. */
export function cleanText(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((line) => line.trimEnd())
		.join('\n')
		.trim();
}
