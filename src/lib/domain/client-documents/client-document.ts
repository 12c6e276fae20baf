import { sha256 } from '@noble/hashes/sha2';
import { AppError } from '../core/app-error';
import { diagnosisFlags } from './client-language';
import { today } from '../core/dates';
import { toHex, utf8 } from '../core/encoding';
import { cleanText, consentBlocks, DRAFT_LINE, formatInstant, PART2_HEADING, type NoteBlock } from '../notes/note-document';
import type { Client, Diagnosis, Session } from '../core/records';

/**
 * Client-facing writing: between-session resources (worksheets, summaries) and letters. Always
 * a draft until the clinician signs it; never exported unsigned. Every field is PHI.
 */
export const WORKSHEET_TEMPLATES = ['thought-record', 'behavioural-activation', 'grounding', 'session-summary'] as const;
export const LETTER_TEMPLATES = ['appointment', 'attendance', 'accommodation', 'referral'] as const;
export type WorksheetTemplate = (typeof WORKSHEET_TEMPLATES)[number];
export type LetterTemplate = (typeof LETTER_TEMPLATES)[number];

export interface ClientDocument {
	id: string;
	clientId: string;
	/** The session it draws on, when there is one. */
	sessionId: string | null;
	kind: 'worksheet' | 'letter';
	template: WorksheetTemplate | LetterTemplate;
	title: string;
	/** Plain text; paragraphs separated by blank lines. */
	body: string;
	/** Letters: who it is addressed to (a school, an employer, a provider, the client). */
	recipient: string;
	/** Minimum necessary: diagnoses appear only when the clinician adds them on purpose. */
	includeDiagnoses: boolean;
	draftedWith: string;
	status: 'draft' | 'signed';
	signedBy: string | null;
	signedAt: string | null;
	contentHash: string | null;
}

export type ClientDocumentTemplate = ClientDocument['template'];

/** The names the clinician chooses from. */
export const TEMPLATE_LABELS: Readonly<Record<ClientDocumentTemplate, string>> = {
	'thought-record': 'Thought record',
	'behavioural-activation': 'Behavioural activation plan',
	grounding: 'Grounding exercise (5-4-3-2-1)',
	'session-summary': 'Session summary and homework',
	appointment: 'Appointment letter',
	attendance: 'Attendance letter',
	accommodation: 'Accommodation letter (school or employer)',
	referral: 'Referral letter'
};

/** What a letter is for, as the disclosure log records it unless the clinician says otherwise. */
export const LETTER_PURPOSES: Readonly<Record<LetterTemplate, string>> = {
	appointment: 'Appointment confirmation',
	attendance: 'Confirmation of attendance',
	accommodation: 'Accommodation request',
	referral: 'Referral for care'
};

/** How every client-facing document is marked, on screen and on paper. */
export const CLIENT_FACING_LABEL = 'For the client';
export const LETTER_LABEL = 'Letter';

export function isLetterTemplate(template: string): template is LetterTemplate {
	return (LETTER_TEMPLATES as readonly string[]).includes(template);
}

export function documentLabel(doc: Pick<ClientDocument, 'kind'>): string {
	return doc.kind === 'letter' ? LETTER_LABEL : CLIENT_FACING_LABEL;
}

/** A new draft: empty text (drafted from the record on request) and, by default, no diagnoses. */
export function newClientDocument(
	id: string,
	clientId: string,
	template: ClientDocumentTemplate,
	options: { sessionId?: string | null; recipient?: string } = {}
): ClientDocument {
	return {
		id,
		clientId,
		sessionId: options.sessionId ?? null,
		kind: isLetterTemplate(template) ? 'letter' : 'worksheet',
		template,
		title: TEMPLATE_LABELS[template].replace(/ \(.*\)$/, ''),
		body: '',
		recipient: options.recipient ?? '',
		includeDiagnoses: false,
		draftedWith: 'manual',
		status: 'draft',
		signedBy: null,
		signedAt: null,
		contentHash: null
	};
}

/** A signed document never changes; a correction starts a new draft from its text. */
export function draftFrom(doc: ClientDocument, id: string): ClientDocument {
	return { ...doc, id, status: 'draft', signedBy: null, signedAt: null, contentHash: null, draftedWith: 'manual' };
}

// ---- Which sessions a template draws on ------------------------------------------------

const USES_SESSION: ReadonlySet<ClientDocumentTemplate> = new Set(['appointment', 'session-summary', 'behavioural-activation', 'thought-record']);

/** Whether the editor offers a choice of session for this template. */
export function usesSession(template: ClientDocumentTemplate): boolean {
	return USES_SESSION.has(template);
}

/**
 * The sessions a template draws on: the chosen one (by default the next booked session for an
 * appointment letter, the latest one held for a worksheet), those held up to today, and the next.
 */
export function sessionsFor<S extends Pick<Session, 'id' | 'date' | 'startTime'>>(
	template: ClientDocumentTemplate,
	sessions: readonly S[],
	chosenId: string | null,
	onDate: string
): { session: S | null; attended: S[]; next: S | null } {
	const sorted = [...sessions].sort((a, b) => (a.date + a.startTime).localeCompare(b.date + b.startTime));
	const attended = sorted.filter((s) => s.date <= onDate);
	const next = sorted.find((s) => s.date > onDate) ?? null;
	const chosen = chosenId ? (sorted.find((s) => s.id === chosenId) ?? null) : null;
	const fallback = !USES_SESSION.has(template) ? null : template === 'appointment' ? next : (attended.at(-1) ?? null);
	return { session: chosen ?? fallback, attended, next };
}

// ---- Letterhead ------------------------------------------------------------------------

export interface PracticeDetails {
	name: string;
	address: string;
	phone: string;
}

/** The practice's details from settings; a missing one is a bracketed placeholder, never left blank. */
export function letterhead(practice: Partial<PracticeDetails> | null | undefined): PracticeDetails {
	return {
		name: practice?.name?.trim() || '[Practice name]',
		address: practice?.address?.trim() || '[Practice address]',
		phone: practice?.phone?.trim() || '[Practice phone]'
	};
}

export function letterheadBlocks(practice: Partial<PracticeDetails> | null | undefined): NoteBlock[] {
	const head = letterhead(practice);
	return [
		{ kind: 'title', text: head.name },
		{ kind: 'paragraph', text: head.address },
		{ kind: 'paragraph', text: `Phone: ${head.phone}` }
	];
}

// ---- Diagnoses, only on purpose -------------------------------------------------------

export const DIAGNOSES_PREFIX = 'Diagnoses: ';

export function diagnosesParagraph(diagnoses: readonly Diagnosis[]): string {
	const list = diagnoses.map((d) => `${d.code} ${d.description}`.trim()).join('; ');
	return `${DIAGNOSES_PREFIX}${list || '[no diagnosis recorded]'}.`;
}

/**
 * Turning diagnoses on adds one "Diagnoses: …" paragraph from the record (before the closing
 * "Sincerely," when there is one); turning them off removes it again.
 */
export function withDiagnoses(doc: ClientDocument, include: boolean, diagnoses: readonly Diagnosis[]): ClientDocument {
	assertDraft(doc);
	const paragraphs = splitParagraphs(doc.body).filter((p) => !p.startsWith(DIAGNOSES_PREFIX));
	if (include) {
		const closing = paragraphs.findIndex((p) => /^(?:sincerely|kind regards|best regards|yours)/i.test(p));
		paragraphs.splice(closing < 0 ? paragraphs.length : closing, 0, diagnosesParagraph(diagnoses));
	}
	return { ...doc, includeDiagnoses: include, body: paragraphs.join('\n\n') };
}

export function splitParagraphs(body: string): string[] {
	return cleanText(body)
		.split(/\n\s*\n/)
		.map((p) => p.trim())
		.filter(Boolean);
}

// ---- Gaps, signing, and the rule storage enforces -------------------------------------

export interface DocumentGap {
	field: 'title' | 'body' | 'recipient' | 'placeholder' | 'diagnosis';
	message: string;
}

const PLACEHOLDER = /\[[^\]\n]{1,80}\]/;

/** What stops signing: a draft with any of these is not ready to leave. */
export function documentGaps(doc: ClientDocument, diagnoses: readonly Diagnosis[] = []): DocumentGap[] {
	const gaps: DocumentGap[] = [];
	if (!doc.title.trim()) gaps.push({ field: 'title', message: 'Give the document a title.' });
	if (!doc.body.trim()) gaps.push({ field: 'body', message: 'Write the text, or draft it from the record.' });
	if (doc.kind === 'letter' && !doc.recipient.trim()) gaps.push({ field: 'recipient', message: 'Say who the letter is for.' });
	const placeholder = PLACEHOLDER.exec(`${doc.title}\n${doc.recipient}\n${doc.body}`);
	if (placeholder) {
		gaps.push({ field: 'placeholder', message: `Fill in or remove the parts in square brackets, such as “${placeholder[0]}”.` });
	}
	if (doc.kind === 'letter' && !doc.includeDiagnoses) {
		const label = diagnosisFlags(`${doc.title}\n${doc.body}`, diagnoses)[0];
		if (label) {
			gaps.push({
				field: 'diagnosis',
				message: `The letter names a diagnosis (“${label.text}”). Remove it, or tick “Include diagnoses (only if needed)” if this letter needs it.`
			});
		}
	}
	return gaps;
}

/** The exact text whose hash is signed. */
export function signedContent(doc: ClientDocument): string {
	return [
		`${doc.kind}: ${doc.template}`,
		`Title: ${doc.title}`,
		`To: ${doc.recipient}`,
		`Session: ${doc.sessionId ?? ''}`,
		`Diagnoses included: ${doc.includeDiagnoses ? 'yes' : 'no'}`,
		'',
		doc.body
	].join('\n');
}

export function clientDocumentHash(doc: ClientDocument): string {
	return toHex(sha256(utf8(signedContent(doc))));
}

function assertDraft(doc: ClientDocument): void {
	if (doc.status === 'signed') throw new AppError('client-document/signed', { id: doc.id });
}

export function editClientDocument(doc: ClientDocument, patch: Partial<Pick<ClientDocument, 'title' | 'body' | 'recipient' | 'sessionId'>>): ClientDocument {
	assertDraft(doc);
	return { ...doc, ...patch };
}

/** Signing is the review: a document with gaps (blank parts, placeholders, unchosen diagnoses) is refused. */
export function signClientDocument(doc: ClientDocument, signer: string, now = new Date(), diagnoses: readonly Diagnosis[] = []): ClientDocument {
	assertDraft(doc);
	const gaps = documentGaps(doc, diagnoses);
	if (gaps.length) throw new AppError('record/invalid', { field: gaps[0]!.field, gaps: gaps.length });
	if (!signer.trim()) throw new AppError('record/invalid', { field: 'signer' });
	return { ...doc, status: 'signed', signedBy: signer, signedAt: now.toISOString(), contentHash: clientDocumentHash(doc) };
}

export function signatureHolds(doc: ClientDocument): boolean {
	return doc.status === 'signed' && doc.contentHash === clientDocumentHash(doc);
}

/** Storage refuses any rewrite of a signed document, from any code path or tab. */
export function assertClientDocumentChangeAllowed(before: ClientDocument | null, after: ClientDocument): void {
	if (!before || before.status !== 'signed') return;
	if (JSON.stringify(before) !== JSON.stringify({ ...before, ...after })) throw new AppError('client-document/signed', { id: after.id });
}

// ---- The document as blocks (PDF, DOCX) -----------------------------------------------

export interface DocumentContext {
	client: Pick<Client, 'name' | 'preferredName'>;
	practice: Partial<PracticeDetails> | null | undefined;
	/** The date a draft shows; a signed document shows the day it was signed. */
	today: string;
	/** A disclosure of a Part 2 record: the 2.32 notice and the consent's scope. */
	part2?: { notice: string; consentSummary: string } | null;
}

export function clientDocumentBlocks(doc: ClientDocument, context: DocumentContext): NoteBlock[] {
	const signed = doc.status === 'signed' && Boolean(doc.signedBy && doc.signedAt);
	const date = signed ? today(new Date(doc.signedAt!)) : context.today;
	const blocks: NoteBlock[] = [];
	if (doc.kind === 'letter') {
		blocks.push(...letterheadBlocks(context.practice), { kind: 'subheading', text: LETTER_LABEL });
		if (!signed) blocks.push({ kind: 'draft', text: DRAFT_LINE });
		blocks.push({ kind: 'field', label: 'Date', value: date }, { kind: 'field', label: 'To', value: doc.recipient.trim() });
		blocks.push({ kind: 'heading', text: doc.title.trim() });
	} else {
		blocks.push({ kind: 'title', text: doc.title.trim() }, { kind: 'subheading', text: CLIENT_FACING_LABEL });
		if (!signed) blocks.push({ kind: 'draft', text: DRAFT_LINE });
		blocks.push({ kind: 'field', label: 'For', value: context.client.preferredName.trim() || context.client.name.trim() });
		blocks.push({ kind: 'field', label: 'Date', value: date });
		const practice = context.practice?.name?.trim();
		if (practice) blocks.push({ kind: 'field', label: 'From', value: practice });
	}
	for (const paragraph of splitParagraphs(doc.body)) blocks.push({ kind: 'paragraph', text: paragraph });
	if (!signed) blocks.push({ kind: 'signature', text: DRAFT_LINE });
	else if (doc.kind === 'letter') blocks.push({ kind: 'signature', text: `Electronically signed by ${doc.signedBy} on ${formatInstant(doc.signedAt!)}` });
	else blocks.push({ kind: 'signature', text: `Reviewed and signed by ${doc.signedBy} on ${date}` });
	if (context.part2) {
		blocks.push({ kind: 'heading', text: PART2_HEADING }, { kind: 'notice', text: context.part2.notice });
		blocks.push(...consentBlocks(context.part2.consentSummary));
	}
	return blocks;
}
