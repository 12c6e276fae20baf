import { sha256 } from '@noble/hashes/sha2';
import { AppError } from '../core/app-error';
import { toHex, utf8 } from '../core/encoding';
import { cleanText, DRAFT_LINE, formatInstant, type NoteBlock } from '../notes/note-document';

/**
 * The practice's compliance documents (the 42 CFR 2.22 patient notice, a Part 2 consent form,
 * the practice's summary of how Tacit protects records): drafted from practice settings, edited,
 * and signed like notes. They hold no client information.
 */
export const COMPLIANCE_DOCUMENT_KINDS = ['part2-patient-notice', 'part2-consent-form', 'privacy-summary'] as const;
export type ComplianceDocumentKind = (typeof COMPLIANCE_DOCUMENT_KINDS)[number];

export interface ComplianceDocument {
	id: string;
	kind: ComplianceDocumentKind;
	title: string;
	/** Plain text; paragraphs separated by blank lines. */
	body: string;
	status: 'draft' | 'signed';
	signedBy: string | null;
	signedAt: string | null;
	contentHash: string | null;
	/** YYYY-MM-DD the draft was started (absent on documents stored before it was recorded). */
	draftedOn?: string;
}

/** The practice details a template fills in (the shape of the practice settings). */
export interface PracticeDetails {
	name: string;
	address: string;
	phone: string;
	privacyOfficer: string;
}

/** What the templates read from the practice settings. */
export interface TemplateSettings {
	practice?: Partial<PracticeDetails>;
	autoLockMinutes?: number;
}

export const COMPLIANCE_DOCUMENT_LABELS: Readonly<Record<ComplianceDocumentKind, string>> = {
	'part2-patient-notice': 'Part 2 patient notice',
	'part2-consent-form': 'Part 2 consent form',
	'privacy-summary': 'Privacy summary'
};

/** Shown where a setting is empty, so a gap is visible on the page and blocks signing. */
export const PRACTICE_PLACEHOLDERS: Readonly<Record<keyof PracticeDetails, string>> = {
	name: '[practice name]',
	address: '[practice address]',
	phone: '[practice phone]',
	privacyOfficer: '[privacy officer]'
};
const AUTO_LOCK_PLACEHOLDER = '[auto-lock minutes]';
const TEMPLATE_NOTE_START = '[TEMPLATE, NOT LEGAL ADVICE:';
const BLANK = '____________________';

const LEGAL_NOTE = (section: string) =>
	`${TEMPLATE_NOTE_START} check this text against the current 42 CFR part 2 (${section}) in the eCFR at ecfr.gov, and against your state's law, before using it. Edit it to fit the practice, then delete this paragraph.]`;

function practiceFields(settings: TemplateSettings): PracticeDetails {
	const p = settings.practice ?? {};
	const pick = (key: keyof PracticeDetails) => p[key]?.trim() || PRACTICE_PLACEHOLDERS[key];
	return { name: pick('name'), address: pick('address'), phone: pick('phone'), privacyOfficer: pick('privacyOfficer') };
}

/** A new draft of `kind`, filled from the practice settings and dated `today` (YYYY-MM-DD). */
export function newComplianceDocument(
	id: string,
	kind: ComplianceDocumentKind,
	settings: TemplateSettings,
	today: string
): ComplianceDocument {
	const { title, body } = documentTemplate(kind, settings, today);
	return { id, kind, title, body, status: 'draft', signedBy: null, signedAt: null, contentHash: null, draftedOn: today };
}

/** A signed document is replaced by a new draft with its text, never edited. */
export function redraftDocument(doc: ComplianceDocument, id: string, today: string): ComplianceDocument {
	return { id, kind: doc.kind, title: doc.title, body: doc.body, status: 'draft', signedBy: null, signedAt: null, contentHash: null, draftedOn: today };
}

export function documentTemplate(kind: ComplianceDocumentKind, settings: TemplateSettings, today: string): { title: string; body: string } {
	const p = practiceFields(settings);
	switch (kind) {
		case 'part2-patient-notice':
			return { title: 'Notice to patients: confidentiality of substance use disorder records', body: patientNotice(p, today) };
		case 'part2-consent-form':
			return { title: 'Consent to use and disclose substance use disorder records (42 CFR part 2)', body: consentForm(p) };
		case 'privacy-summary':
			return { title: `How ${p.name} protects client records in Tacit`, body: privacySummary(p, settings, today) };
	}
}

// 42 CFR 2.22: a plain-language summary given to each patient at admission.
function patientNotice(p: PracticeDetails, today: string): string {
	return [
		LEGAL_NOTE('section 2.22'),
		`${p.name}\n${p.address}\nPhone: ${p.phone}\nEffective date: ${today}`,
		'HOW FEDERAL LAW PROTECTS YOUR RECORDS',
		`Federal law and regulations (42 U.S.C. 290dd-2 and 42 CFR part 2) protect the confidentiality of substance use disorder records kept by ${p.name}. In general we may not tell anyone outside the program that you are a patient here, or disclose any information that identifies you as having a substance use disorder, unless you agree in writing or the law allows the disclosure without your consent.`,
		'WHEN INFORMATION MAY BE DISCLOSED WITHOUT YOUR CONSENT',
		[
			'The law allows a disclosure without your written consent only in limited cases:',
			'- to medical personnel, to the extent needed to meet a genuine medical emergency;',
			'- for scientific research, and for audits or program evaluations, within the limits the regulations set;',
			'- when a court order issued under 42 CFR part 2 authorizes it;',
			'- to report suspected child abuse or neglect to the state or local authorities, as state law requires;',
			'- about a crime you commit or threaten to commit on the program premises or against program personnel;',
			'- within the program, to staff who need the information to provide your care, and to a qualified service organization that works for the program under a written agreement.'
		].join('\n'),
		'USES AND DISCLOSURES WITH YOUR CONSENT',
		'Any other use or disclosure needs your written consent. You may give one consent for all future uses and disclosures for treatment, payment and health care operations. Your records, or testimony about them, may not be used in civil, criminal, administrative or legislative proceedings against you without your separate written consent or a court order under 42 CFR part 2.',
		'YOUR RIGHTS',
		[
			`- You may revoke a consent at any time, except where we have already acted on it. To revoke, tell ${p.privacyOfficer} in writing.`,
			'- You may ask for a list of the disclosures we made with your consent in the past three years (an accounting of disclosures).',
			'- You may ask us to restrict uses and disclosures of your records, including for treatment, payment and health care operations. We must agree not to disclose to your health plan a service you paid for in full yourself.',
			'- You may ask for a paper or electronic copy of this notice.',
			'- We will tell you if a breach of your records occurs.'
		].join('\n'),
		'REPORTING A VIOLATION',
		[
			'A suspected violation of these rules may be reported:',
			'- to the United States Attorney for the judicial district in which the violation occurred;',
			"- if the program is an opioid treatment program, also to SAMHSA's opioid treatment program authority;",
			'- as a complaint to the Secretary of the U.S. Department of Health and Human Services (HHS Office for Civil Rights);',
			`- to us, through our privacy officer, ${p.privacyOfficer}, at ${p.phone}.`,
			'We will not retaliate against you for making a report or a complaint.'
		].join('\n'),
		'QUESTIONS',
		`Contact our privacy officer, ${p.privacyOfficer}, at ${p.name}, ${p.address}, phone ${p.phone}.`
	].join('\n\n');
}

// 42 CFR 2.31: every required element, with blanks for the patient and the clinician to fill.
function consentForm(p: PracticeDetails): string {
	return [
		LEGAL_NOTE('section 2.31'),
		`${p.name}\n${p.address}\nPhone: ${p.phone}`,
		'Use a separate consent for SUD counseling notes, and a separate consent for use or disclosure in civil, criminal, administrative or legislative proceedings. A general authorization for the release of medical information does not meet these requirements.',
		`1. PATIENT'S NAME: ${BLANK}`,
		`2. WHO MAY MAKE THE DISCLOSURE (name or general designation of the program, entity or person): ${p.name}`,
		`3. INFORMATION TO BE DISCLOSED (a specific description of what and how much): ${BLANK}`,
		`4. RECIPIENTS (the name of each person or organization; for treatment, payment and health care operations a general designation is allowed): ${BLANK}`,
		`5. PURPOSE OF EACH DISCLOSURE: ${BLANK}`,
		`6. RIGHT TO REVOKE: I understand that I may revoke this consent at any time, except to the extent that it has already been acted on. To revoke, I give or send a written revocation to ${p.privacyOfficer}, ${p.name}, ${p.address}.`,
		`7. EXPIRATION DATE OR EVENT: This consent expires on ${BLANK} (date) or when ${BLANK} (event), whichever comes first.`,
		'8. REDISCLOSURE: I understand that information disclosed under this consent to a recipient covered by HIPAA may be redisclosed by that recipient as HIPAA allows, and may then no longer be protected by 42 CFR part 2.',
		`9. I understand that ${p.name} may not make my treatment depend on whether I sign this consent, except where the regulations allow.`,
		`10. SIGNATURE OF PATIENT: ${BLANK}   DATE SIGNED: ${BLANK}`,
		`SIGNATURE OF AUTHORIZED REPRESENTATIVE (if any): ${BLANK}   AUTHORITY TO SIGN: ${BLANK}   DATE SIGNED: ${BLANK}`
	].join('\n\n');
}

function privacySummary(p: PracticeDetails, settings: TemplateSettings, today: string): string {
	const minutes = settings.autoLockMinutes ? String(settings.autoLockMinutes) : AUTO_LOCK_PLACEHOLDER;
	return [
		`${TEMPLATE_NOTE_START} check this summary against how the practice uses Tacit, for example where backup files are kept, then delete this paragraph.]`,
		`${p.name}\n${p.address}\nPhone: ${p.phone}\nPrivacy officer: ${p.privacyOfficer}\nEffective date: ${today}`,
		'WHERE RECORDS ARE KEPT',
		'Client records written in Tacit are kept in an encrypted vault in the web browser on the device where they were written. They are not stored on any server.',
		'ENCRYPTION',
		'Every record is encrypted with AES-GCM using a 256-bit key before it is stored. That key is protected by the clinician\'s passphrase through Argon2id, a deliberately slow key derivation that makes guessing passphrases expensive, and by a printed recovery key kept for emergencies. Without one of them the records cannot be read.',
		'NO THIRD-PARTY PROCESSING',
		"The AI that helps draft notes runs inside the browser tab on this device. Client information is not sent to any third party. The only network traffic is the app itself and the AI model files, both from the practice's own server.",
		'AUDIT TRAIL',
		'Tacit records every unlock, failed unlock, lock, record change, signature and export in an audit trail. Each entry is chained to the one before it by a hash, so a removed or altered entry is detected. Entries hold no client information. The privacy officer reviews the trail and can export it.',
		'AUTOMATIC LOCK',
		`The vault locks itself after ${minutes} minutes without activity, and at once with the Lock button. Locking removes the key and every decrypted record from memory.`,
		'BACKUPS',
		'Backup files are encrypted like the vault and cannot be read without the passphrase or the recovery key.',
		'EXPORTS',
		'Records leave Tacit only when a clinician chooses to export or disclose them. Every export is recorded in the audit trail.',
		'42 CFR PART 2',
		'Records of substance use disorder treatment are labelled as protected by 42 CFR part 2. Every disclosure of such a record carries the notice 42 CFR 2.32 requires and is logged for the accounting of disclosures.'
	].join('\n\n');
}

/** Placeholders and template notes still in the text: a document is not signed with them. */
export function unfilledPlaceholders(doc: Pick<ComplianceDocument, 'title' | 'body'>): string[] {
	const text = `${doc.title}\n${doc.body}`;
	const found = [...Object.values(PRACTICE_PLACEHOLDERS), AUTO_LOCK_PLACEHOLDER].filter((p) => text.includes(p));
	if (text.includes(TEMPLATE_NOTE_START)) found.push('the template note (check the text, then delete it)');
	return found;
}

/** The exact text whose hash is signed: the kind, the title, then the body as stored. */
export function documentSignedContent(doc: Pick<ComplianceDocument, 'kind' | 'title' | 'body'>): string {
	return `${doc.kind}\n${doc.title}\n\n${doc.body}`;
}

export function documentContentHash(doc: Pick<ComplianceDocument, 'kind' | 'title' | 'body'>): string {
	return toHex(sha256(utf8(documentSignedContent(doc))));
}

/** Editing is for drafts only: a signed document is replaced by a new draft. */
export function editDocument(doc: ComplianceDocument, patch: Partial<Pick<ComplianceDocument, 'title' | 'body'>>): ComplianceDocument {
	if (doc.status === 'signed') throw new AppError('document/signed', { field: 'status', id: doc.id });
	return { ...doc, ...patch };
}

export function signDocument(doc: ComplianceDocument, signer: string, now: Date = new Date()): ComplianceDocument {
	if (doc.status === 'signed') throw new AppError('document/signed', { field: 'status', id: doc.id });
	if (!doc.title.trim()) throw new AppError('record/invalid', { field: 'title' });
	if (!doc.body.trim()) throw new AppError('record/invalid', { field: 'body' });
	if (!signer.trim()) throw new AppError('record/invalid', { field: 'signer' });
	const left = unfilledPlaceholders(doc).length;
	if (left) throw new AppError('record/invalid', { field: 'placeholders', count: left });
	return { ...doc, status: 'signed', signedBy: signer.trim(), signedAt: now.toISOString(), contentHash: documentContentHash(doc) };
}

/** True when a stored signed document still has exactly the content that was signed. */
export function documentSignatureHolds(doc: ComplianceDocument): boolean {
	return doc.status === 'signed' && doc.contentHash === documentContentHash(doc);
}

/**
 * The rule storage enforces on every write: a signed document never changes, and a write that
 * marks a document signed must carry the hash of its content. It stops any code path (or another
 * tab, or a tampered restore) from rewriting the text under a signature.
 */
export function assertDocumentChangeAllowed(before: ComplianceDocument | null, after: ComplianceDocument): void {
	if (before?.status === 'signed' && canonical(before) !== canonical(after)) {
		throw new AppError('document/signed', { field: 'status', id: after.id });
	}
	if (after.status === 'signed' && (!after.signedBy || !after.signedAt || !documentSignatureHolds(after))) {
		throw new AppError('record/invalid', { field: 'contentHash', id: after.id });
	}
}

/** JSON with sorted keys, so two equal records compare equal whatever their key order. */
function canonical(doc: ComplianceDocument): string {
	const record = doc as unknown as Record<string, unknown>;
	const keys = Object.keys(record).filter((k) => record[k] !== undefined);
	return JSON.stringify(keys.sort().map((k) => [k, record[k]]));
}

/** A short single line in capitals (no blanks to fill) is a heading; other paragraphs stay as written. */
function bodyBlocks(body: string): NoteBlock[] {
	const isHeading = (part: string) => part.length <= 80 && !/[\n_]/.test(part) && /[A-Z]/.test(part) && part === part.toUpperCase();
	return cleanText(body)
		.split(/\n\s*\n/)
		.map((part) => part.trim())
		.filter(Boolean)
		.map((part): NoteBlock => (isHeading(part) ? { kind: 'heading', text: part } : { kind: 'paragraph', text: part }));
}

/** The document as blocks for the PDF: marked as a draft until it is signed. */
export function documentBlocks(doc: ComplianceDocument, practiceName: string): NoteBlock[] {
	const signed = doc.status === 'signed' && Boolean(doc.signedBy && doc.signedAt);
	const blocks: NoteBlock[] = [{ kind: 'title', text: doc.title.trim() || COMPLIANCE_DOCUMENT_LABELS[doc.kind] }];
	if (practiceName.trim()) blocks.push({ kind: 'field', label: 'Practice', value: practiceName.trim() });
	if (!signed) blocks.push({ kind: 'draft', text: DRAFT_LINE });
	blocks.push(...bodyBlocks(doc.body));
	if (signed) {
		blocks.push({ kind: 'signature', text: `Electronically signed by ${doc.signedBy} on ${formatInstant(doc.signedAt!)}` });
		if (doc.contentHash) blocks.push({ kind: 'signature', text: `Content hash (SHA-256): ${doc.contentHash}` });
	} else {
		blocks.push({ kind: 'signature', text: DRAFT_LINE });
	}
	return blocks;
}

/** The kind and date only: file names carry nothing else. */
export function documentFileName(doc: ComplianceDocument): string {
	const date = doc.signedAt?.slice(0, 10) || doc.draftedOn || 'undated';
	return `${doc.kind}-${date}${doc.status === 'signed' ? '' : '-draft'}.pdf`;
}
