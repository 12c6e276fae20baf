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
}
