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
