import { calendarDate, assessmentSummaryBlocks, assessmentSummaryToPlainText, chronological, type AssessmentSummaryDocument } from '$lib/domain/instruments/assessment-document';
import { isIsoDate } from '$lib/domain/core/records';
import { isPlanSigned, planBlocks, planToPlainText } from '$lib/domain/plans/plan-document';
import { assessmentsToFhirBundle, planToFhirBundle, type PlanFhirInput } from '$lib/domain/plans/plan-fhir';
import type { UnlockedVault } from '$lib/vault/vault';
import { blocksToPdf } from '../common/pdf-blocks';

/**
 * Treatment plan and assessment summary exports. Like notes, every export is an explicit
 * action written to the audit trail (which record, which format) before the file exists.
 * Everything is generated in this tab; nothing here logs or stores the document.
 */
export type PlanExportKind = 'pdf' | 'json' | 'txt';

export interface ExportedFile {
	blob: Blob;
	fileName: string;
}

export async function exportPlan(vault: UnlockedVault, doc: PlanFhirInput, kind: PlanExportKind): Promise<ExportedFile> {
	await vault.audit({ action: 'record.export', recordKind: 'plan', recordId: doc.plan.id, detail: kind });
	const blob =
		kind === 'pdf'
			? await blocksToPdf(planBlocks(doc), { title: 'Treatment plan', signed: isPlanSigned(doc.plan), pageLabel: planPageLabel(doc) })
			: kind === 'json'
				? fhirJson(planToFhirBundle(doc))
				: new Blob([planToPlainText(doc)], { type: 'text/plain' });
	return { blob, fileName: planFileName(doc, kind) };
}

export async function exportAssessmentSummary(
	vault: UnlockedVault,
	doc: AssessmentSummaryDocument,
	kind: PlanExportKind
): Promise<ExportedFile> {
	const ids = chronological(doc.administrations).map((a) => a.id);
	// One entry naming every administration that leaves, for the accounting of disclosures.
	await vault.audit({ action: 'record.export', recordKind: 'assessment', recordId: ids.at(-1), recordIds: ids, detail: kind });
	const blob =
		kind === 'pdf'
			? await blocksToPdf(assessmentSummaryBlocks(doc), {
					title: 'Assessment summary',
					signed: Boolean(doc.reviewedBy?.trim()),
					pageLabel: `${clientLabel(doc.client.name)} · ${doc.instrument.name} summary`
				})
			: kind === 'json'
				? fhirJson(assessmentsToFhirBundle(doc))
				: new Blob([assessmentSummaryToPlainText(doc)], { type: 'text/plain' });
	return { blob, fileName: assessmentSummaryFileName(doc, kind) };
}

/** File names carry no PHI: downloads folders and recent-file lists are not private. */
export function planFileName(doc: Pick<PlanFhirInput, 'plan'>, kind: PlanExportKind): string {
	const { plan } = doc;
	// The day it was signed (versions share a start date); a draft goes by its start date.
	const date = isPlanSigned(plan) ? calendarDate(plan.signedAt!) : plan.startDate;
	return `treatment-plan-v${plan.version}-${isIsoDate(date) ? date : 'undated'}${extension(kind)}`;
}

export function assessmentSummaryFileName(doc: Pick<AssessmentSummaryDocument, 'instrument' | 'administrations'>, kind: PlanExportKind): string {
	const latest = calendarDate(chronological(doc.administrations).at(-1)?.date ?? '');
	return `assessment-summary-${doc.instrument.id}-${isIsoDate(latest) ? latest : 'undated'}${extension(kind)}`;
}

function extension(kind: PlanExportKind): string {
	return kind === 'json' ? '.fhir.json' : `.${kind}`;
}

function fhirJson(bundle: object): Blob {
	return new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/fhir+json' });
}

function clientLabel(name: string): string {
	return name.trim() || 'Unnamed client';
}

/** Whose plan and which version, on every page. */
function planPageLabel(doc: PlanFhirInput): string {
	return `${clientLabel(doc.client.name)} · Treatment plan v${doc.plan.version}`;
}
