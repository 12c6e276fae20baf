import { AppError } from '$lib/domain/core/app-error';
import { calendarDate } from '$lib/domain/instruments/assessment-document';
import { isPart2, type Part2Settings } from '$lib/domain/compliance/part2-notice';
import type { Client } from '$lib/domain/core/records';
import { FIXED_PROFESSIONALS, type SafetyPlan } from '$lib/domain/safety/safety-plan';
import { handoutLines, safetyPlanBlocks, type HandoutLine } from '$lib/domain/safety/safety-plan-document';
import { toEncodable, wrapText } from '$lib/domain/core/text-layout';
import type { UnlockedVault } from '$lib/vault/vault';
import { exportRecord, type DisclosureRequest, type ExportFile } from '../compliance/part2-export';
import { blocksToPdf } from '../common/pdf-blocks';

/**
 * The safety plan's two files: the client's one-page handout in large plain type, and the copy
 * for the record. Only a signed plan leaves Tacit, and every export is written to the audit
 * trail before the file exists. Nothing here logs or stores the document.
 */

export interface HandoutPdf {
	blob: Blob;
	/** False when even the smallest type needed a second page: the page should warn. */
	fits: boolean;
	fontSize: number;
	pages: number;
}

// US Letter in points; large type starts at 14 pt and shrinks in half points to 11 pt.
const PAGE = { width: 612, height: 792, margin: 48 };
const START_SIZE = 14;
const FLOOR_SIZE = 11;
const LEADING = 1.3;
const FIXED = new Set(FIXED_PROFESSIONALS.map((c) => `${c.name}: ${c.contact}`));

interface Run {
	text: string;
	bold: boolean;
	size: number;
	/** Space above the run's first line, in points. */
	before: number;
	indent: number;
	bullet: boolean;
}

function runOf(line: HandoutLine, size: number): Run {
	const run = { text: line.text, bold: false, size, before: size * 0.15, indent: 0, bullet: false };
	switch (line.kind) {
		case 'title':
			return { ...run, bold: true, size: size + 8, before: 0 };
		case 'heading':
			return { ...run, bold: true, size: size + 1, before: size * 0.8 };
		case 'item':
			return { ...run, bold: FIXED.has(line.text), indent: size * 1.2, bullet: true };
		case 'closing':
			return { ...run, bold: true, before: size };
		default:
			return run;
	}
}

/**
 * The handout PDF: the largest size from 14 pt down to 11 pt at which the whole plan fits on one
 * page. A plan too long even at 11 pt continues on a second page rather than losing a line
 * (988 must never be cut off), and `fits: false` lets the page say so.
 */
export async function handoutPdf(plan: Pick<SafetyPlan, 'steps' | 'reviewDate' | 'signedAt'>): Promise<HandoutPdf> {
	const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
	const pdf = await PDFDocument.create();
	pdf.setTitle('My safety plan');
	pdf.setCreator('Tacit');
	pdf.setProducer('Tacit');
	// Standard fonts are built into every PDF reader: nothing is embedded or fetched.
	const regular = await pdf.embedFont(StandardFonts.Helvetica);
	const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
	const encodable = new Set(regular.getCharacterSet());
	const safe = (text: string) => toEncodable(text, (cp) => encodable.has(cp));
	const lines = handoutLines(plan).map((l) => ({ ...l, text: safe(l.text) }));
	const bullet = safe('•');
	const width = PAGE.width - 2 * PAGE.margin;
	const usable = PAGE.height - 2 * PAGE.margin;

	const wrapped = (run: Run) =>
		wrapText(run.text, width - run.indent, (s) => (run.bold ? bold : regular).widthOfTextAtSize(s, run.size));
	const height = (runs: Run[]) => runs.reduce((h, r) => h + r.before + wrapped(r).length * r.size * LEADING, 0);

	let size = START_SIZE;
	let runs = lines.map((l) => runOf(l, size));
	while (height(runs) > usable && size > FLOOR_SIZE) {
		size -= 0.5;
		runs = lines.map((l) => runOf(l, size));
	}
	const fits = height(runs) <= usable;

	let page = pdf.addPage([PAGE.width, PAGE.height]);
	let y = PAGE.height - PAGE.margin;
	const black = rgb(0, 0, 0);
	for (const run of runs) {
		const font = run.bold ? bold : regular;
		const lineHeight = run.size * LEADING;
		y -= run.before;
		wrapped(run).forEach((line, i) => {
			if (y - lineHeight < PAGE.margin) {
				page = pdf.addPage([PAGE.width, PAGE.height]);
				y = PAGE.height - PAGE.margin;
			}
			y -= lineHeight;
			if (run.bullet && i === 0) page.drawText(bullet, { x: PAGE.margin + run.size * 0.2, y, size: run.size, font, color: black });
			if (line) page.drawText(line, { x: PAGE.margin + run.indent, y, size: run.size, font, color: black });
		});
	}
	const pages = pdf.getPages();
	if (pages.length > 1) {
		pages.forEach((p, i) => p.drawText(`Page ${i + 1} of ${pages.length}`, { x: PAGE.margin, y: PAGE.margin / 2, size: 10, font: regular, color: black }));
	}
	const blob = new Blob([new Uint8Array(await pdf.save())], { type: 'application/pdf' });
	return { blob, fits, fontSize: size, pages: pages.length };
}

function assertSigned(plan: SafetyPlan): void {
	if (plan.status !== 'signed' || !plan.signedBy || !plan.signedAt) throw new AppError('client-document/not-signed', { id: plan.id });
}

/** File names carry no PHI: downloads folders and recent-file lists are not private. */
export function safetyPlanFileName(plan: SafetyPlan, kind: 'handout' | 'record'): string {
	const date = plan.signedAt ? calendarDate(plan.signedAt) : 'unsigned';
	return `safety-plan-${kind}-v${plan.version}-${date}.pdf`;
}

/**
 * The handout goes to the client themselves: the subject of the record, not a third party, so
 * it is no disclosure and passes no Part 2 consent gate (a patient may always have their own
 * record). It is still recorded in the audit trail.
 */
export async function exportSafetyPlanHandout(vault: UnlockedVault, plan: SafetyPlan): Promise<ExportFile & Omit<HandoutPdf, 'blob'>> {
	assertSigned(plan);
	await vault.audit({ action: 'record.export', recordKind: 'safety-plan', recordId: plan.id, detail: 'handout-pdf' });
	const handout = await handoutPdf(plan);
	return { ...handout, fileName: safetyPlanFileName(plan, 'handout') };
}

export interface SafetyPlanRecordExport {
	plan: SafetyPlan;
	client: Pick<Client, 'id' | 'name' | 'part2'>;
	clinicianName: string;
	practice: { name: string; phone?: string } | null;
	settings: Part2Settings | null;
	today: string;
	/** A Part 2 client's copy: to whom and why, as the clinician typed it. */
	request?: DisclosureRequest;
}

/**
 * The copy for the record may leave for anyone, so it goes through the same Part 2 gate as every
 * other record. DISCLOSABLE_KINDS has no 'safety-plan' yet, so the gate and the disclosure log
 * see it as a 'document', named in full by `what`.
 */
export async function exportSafetyPlanRecord(vault: UnlockedVault, input: SafetyPlanRecordExport): Promise<ExportFile | null> {
	const { plan, client } = input;
	assertSigned(plan);
	const part2 = isPart2(client, input.settings ?? undefined);
	const what = `Safety plan version ${plan.version} (record copy PDF)`;
	const gate = { client, settings: input.settings, recordKind: 'safety-plan' as const, recordId: plan.id, what, today: input.today, request: input.request };
	return exportRecord(vault, gate, async (attachment) => {
		await vault.audit({ action: 'record.export', recordKind: 'safety-plan', recordId: plan.id, detail: 'record-pdf' });
		const blocks = safetyPlanBlocks(plan, {
			clientName: client.name,
			clinicianName: input.clinicianName,
			practice: input.practice,
			part2,
			part2Notice: attachment?.notice,
			part2Consent: attachment?.consentSummary
		});
		const pageLabel = `${client.name.trim() || 'Unnamed client'} · Safety plan v${plan.version}`;
		const blob = await blocksToPdf(blocks, { title: 'Safety plan', signed: true, pageLabel });
		return { blob, fileName: safetyPlanFileName(plan, 'record') };
	});
}
