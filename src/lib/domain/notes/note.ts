import { sha256 } from '@noble/hashes/sha2';
import { AppError } from '../core/app-error';
import { toHex, utf8 } from '../core/encoding';
import { durationMinutes, type Client, type ServiceType, type Session } from '../core/records';
import { NOT_DOCUMENTED, type NoteFormat } from './note-formats';

/**
 * A progress note: a draft the clinician edits freely, then signs. A signed note never
 * changes; corrections are dated addenda. The content hash recorded at signing lets anyone
 * check later that the signed text is the text that was signed.
 */
export interface Addendum {
	at: string;
	by: string;
	text: string;
}

/** What every note records besides its sections (clinical reference: fields every note carries). */
export const RISK_ASSESSMENT_STATUSES = [
	'Not documented',
	'Assessed: no risk indicators',
	'Assessed: risk identified (see findings)',
	'Not assessed'
] as const;

export interface NoteDetails {
	riskAssessment: (typeof RISK_ASSESSMENT_STATUSES)[number];
	riskFindings: string;
	/** ICD-10-CM codes from the client's diagnoses that this session addressed. */
	diagnosesAddressed: string[];
	goalsAddressed: string;
	/** Ids of the active plan's goals the clinician linked (their text is in goalsAddressed). */
	goalIds?: string[];
	nextAppointment: string;
}

/**
 * What a signed note says about its session, frozen when it is signed and hashed with its
 * text: the session record can still be opened, but the note and its exports keep these.
 */
export interface NoteHeader {
	date: string;
	startTime: string;
	endTime: string;
	serviceType: ServiceType;
	participants: string;
	/** The diagnoses the note shows: those addressed, or (none chosen) all the client's, with their descriptions. */
	diagnoses: { code: string; description: string }[];
}

/** The header a note would be signed with now: from the session and the client's diagnoses as they stand. */
export function noteHeader(note: Pick<Note, 'details'>, session: Session, client: Pick<Client, 'diagnoses'>): NoteHeader {
	const addressed = note.details.diagnosesAddressed;
	// Minimum necessary: the diagnoses this session addressed, when the clinician chose them.
	const diagnoses = addressed.length ? client.diagnoses.filter((d) => addressed.includes(d.code)) : client.diagnoses;
	return {
		date: session.date,
		startTime: session.startTime,
		endTime: session.endTime,
		serviceType: session.serviceType,
		participants: session.participants,
		diagnoses: diagnoses.map(({ code, description }) => ({ code, description }))
	};
}

export interface Note {
	id: string;
	clientId: string;
	sessionId: string;
	/** The format as it was when the note was written, so a signed note never changes shape. */
	format: NoteFormat;
	sections: Record<string, string>;
	details: NoteDetails;
	/** CPT codes the clinician confirmed. */
	cpt: string[];
	status: 'draft' | 'signed';
	signedBy: string | null;
	signedAt: string | null;
	contentHash: string | null;
	/** Set at signing (notes signed before it existed have none, and their hash covers the rest). */
	header?: NoteHeader;
	addenda: Addendum[];
	/** How the draft was produced, for the record: 'outline', a model id, or 'manual'. */
	draftedWith: string;
	/** Flagged sentences the clinician confirmed as correct (not part of the signed content). */
	acceptedFlags?: string[];
}

export function newNote(id: string, clientId: string, sessionId: string, format: NoteFormat): Note {
	const sections = Object.fromEntries(format.sections.map((s) => [s.key, NOT_DOCUMENTED]));
	return {
		id,
		clientId,
		sessionId,
		format,
		sections,
		details: { riskAssessment: 'Not documented', riskFindings: '', diagnosesAddressed: [], goalsAddressed: '', nextAppointment: '' },
		cpt: [],
		status: 'draft',
		signedBy: null,
		signedAt: null,
		contentHash: null,
		addenda: [],
		draftedWith: 'manual'
	};
}

function headerLines(h: NoteHeader): string {
	const minutes = durationMinutes(h.startTime, h.endTime);
	const times = h.startTime || h.endTime ? ` ${h.startTime}-${h.endTime}${minutes !== null ? ` (${minutes} min)` : ''}` : '';
	return [
		`Session: ${h.date}${times}, ${h.serviceType}`,
		`Participants: ${h.participants}`,
		`Diagnoses: ${h.diagnoses.map((d) => `${d.code} ${d.description}`).join('; ')}`
	].join('\n');
}

/**
 * The exact text whose hash is signed: the session header, the format, each section in the
 * format's order, then the details and CPT codes: everything the signed note shows.
 */
export function signedContent(note: Pick<Note, 'format' | 'sections' | 'cpt' | 'details' | 'header'>): string {
	const format = note.format;
	const body = format.sections.map((s) => `${s.title}\n${note.sections[s.key] ?? ''}`).join('\n\n');
	const d = note.details;
	const details = [
		`Risk assessment: ${d.riskAssessment}${d.riskFindings ? ` (${d.riskFindings})` : ''}`,
		`Diagnoses addressed: ${d.diagnosesAddressed.join(', ')}`,
		`Goals addressed: ${d.goalsAddressed}`,
		`Next appointment: ${d.nextAppointment}`
	].join('\n');
	const text = `${format.name}\n\n${body}\n\n${details}\nCPT: ${note.cpt.join(', ')}`;
	return note.header ? `${headerLines(note.header)}\n\n${text}` : text;
}

export function contentHash(note: Pick<Note, 'format' | 'sections' | 'cpt' | 'details' | 'header'>): string {
	return toHex(sha256(utf8(signedContent(note))));
}

/** Editing is for drafts only: a signed note is corrected with an addendum. */
export function editSections(note: Note, sections: Record<string, string>): Note {
	if (note.status === 'signed') throw new AppError('note/signed', { id: note.id });
	return { ...note, sections: { ...note.sections, ...sections } };
}

export function signNote(note: Note, signer: string, header: NoteHeader, now: Date = new Date()): Note {
	if (note.status === 'signed') throw new AppError('note/signed', { id: note.id });
	const signed = { ...note, header };
	return {
		...signed,
		status: 'signed',
		signedBy: signer,
		signedAt: now.toISOString(),
		contentHash: contentHash(signed)
	};
}

export function addAddendum(note: Note, text: string, by: string, now: Date = new Date()): Note {
	if (note.status !== 'signed') throw new AppError('note/not-signed', { id: note.id });
	if (!text.trim()) throw new AppError('record/invalid', { field: 'addendum' });
	return { ...note, addenda: [...note.addenda, { at: now.toISOString(), by, text: text.trim() }] };
}

/** True when a stored signed note still has exactly the content that was signed. */
export function signatureHolds(note: Note): boolean {
	return note.status === 'signed' && note.contentHash === contentHash(note);
}

/**
 * The rule storage enforces on every write: once signed, only new addenda may be appended.
 * It guards against any code path (or tab) that tries to rewrite a signed note.
 */
export function assertNoteChangeAllowed(before: Note | null, after: Note): void {
	if (!before || before.status !== 'signed') return;
	const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
	const unchanged =
		after.status === 'signed' &&
		same(before.sections, after.sections) &&
		same(before.cpt, after.cpt) &&
		same(before.details, after.details) &&
		same(before.format, after.format) &&
		same(before.header, after.header) &&
		before.signedBy === after.signedBy &&
		before.signedAt === after.signedAt &&
		before.contentHash === after.contentHash &&
		same(before.addenda, after.addenda.slice(0, before.addenda.length));
	if (!unchanged) throw new AppError('note/signed', { id: after.id });
}
