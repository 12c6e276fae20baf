import { isSigned, noteBlocks, noteToPlainText, DRAFT_LINE, type NoteBlock, type NoteDocument } from '$lib/domain/note-document';
import { noteToFhirBundle, type FhirOptions } from '$lib/domain/note-fhir';
import { toEncodable, wrapText } from '$lib/domain/text-layout';

/**
 * Note exports: plain text, FHIR JSON, DOCX and PDF, all built from the same blocks so they
 * carry the same content. Everything is generated in this tab. The DOCX and PDF libraries are
 * imported on first use, keeping them out of the main bundle. The caller records each export
 * in the audit trail; nothing here logs or stores the note.
 */
export { noteToPlainText, noteToFhirBundle };

export type ExportKind = 'txt' | 'json' | 'docx' | 'pdf';

/** A file name without PHI: downloads folders and recent-file lists are not private. */
export function exportFileName(doc: Pick<NoteDocument, 'session'>, kind: ExportKind): string {
	return `progress-note-${doc.session.date || 'undated'}${kind === 'json' ? '.fhir' : ''}.${kind}`;
}

export function noteToFhirJson(doc: NoteDocument, options?: FhirOptions): Blob {
	return new Blob([JSON.stringify(noteToFhirBundle(doc, options), null, 2)], { type: 'application/fhir+json' });
}

// Characters XML 1.0 forbids (control codes, lone surrogates) would make Word refuse the file.
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const xmlSafe = (text: string) => text.replace(XML_INVALID, '');
const DRAFT_COLOUR = 'B00020';

export async function noteToDocx(doc: NoteDocument): Promise<Blob> {
	const { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } = await import('docx');
	const run = (text: string, style: { bold?: boolean; size?: number; color?: string } = {}) => new TextRun({ text: xmlSafe(text), ...style });
	const lines = (text: string, size?: number) => text.split('\n').map((line) => new Paragraph({ children: [run(line, { size })] }));

	const render = (block: NoteBlock): InstanceType<typeof Paragraph>[] => {
		switch (block.kind) {
			case 'title':
				return [new Paragraph({ heading: HeadingLevel.TITLE, children: [run(block.text)] })];
			case 'draft':
				return [new Paragraph({ children: [run(block.text, { bold: true, color: DRAFT_COLOUR })] })];
			case 'field':
				return [new Paragraph({ children: [run(`${block.label}: `, { bold: true }), run(block.value)] })];
			case 'heading':
				return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(block.text)] })];
			case 'subheading':
				return [new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(block.text)] })];
			case 'paragraph':
				return lines(block.text);
			case 'signature':
				return [new Paragraph({ spacing: { before: 240 }, children: [run(block.text, { bold: !isSigned(doc) })] })];
			case 'notice':
				// 9 pt (sizes are half-points): the notice is long and must not crowd out the note.
				return lines(block.text, 18);
		}
	};

	const draftHeader = new Header({
		children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(DRAFT_LINE, { bold: true, color: DRAFT_COLOUR })] })]
	});
	const footer = new Footer({
		children: [
			new Paragraph({
				alignment: AlignmentType.CENTER,
				children: [new TextRun({ size: 16, children: [xmlSafe(pageLabel(doc)), '   Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })]
			})
		]
	});
	const document = new Document({
		creator: 'Tacit',
		title: 'Progress note',
		sections: [
			{
				...(isSigned(doc) ? {} : { headers: { default: draftHeader } }),
				footers: { default: footer },
				children: noteBlocks(doc).flatMap(render)
			}
		]
	});
	return Packer.toBlob(document);
}

/** Who and when, on every page: a printed page that comes loose must still say whose it is. */
function pageLabel(doc: NoteDocument): string {
	return `${doc.client.name.trim() || 'Unnamed client'} · ${doc.session.date}`;
}

// US Letter in points, with 0.75 inch margins.
const PAGE = { width: 612, height: 792, margin: 54, footer: 30 };

export async function noteToPdf(doc: NoteDocument): Promise<Blob> {
	const { PDFDocument, StandardFonts, degrees, rgb } = await import('pdf-lib');
	const pdf = await PDFDocument.create();
	pdf.setTitle('Progress note');
	pdf.setCreator('Tacit');
	pdf.setProducer('Tacit');
	// The standard fonts are built into every PDF reader: nothing is embedded or fetched.
	const regular = await pdf.embedFont(StandardFonts.Helvetica);
	const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
	const encodable = new Set(regular.getCharacterSet());
	const safe = (text: string) => toEncodable(text, (cp) => encodable.has(cp));
	type Font = typeof regular;
	const black = rgb(0, 0, 0);
	const red = rgb(0.69, 0, 0.13);
	const signed = isSigned(doc);
	const width = PAGE.width - 2 * PAGE.margin;

	let page = pdf.addPage([PAGE.width, PAGE.height]);
	let y = 0;
	const newPage = (first: boolean) => {
		if (!first) page = pdf.addPage([PAGE.width, PAGE.height]);
		y = PAGE.height - PAGE.margin;
		if (signed) return;
		page.drawText('DRAFT', { x: 150, y: 260, size: 120, font: bold, color: rgb(0.75, 0.75, 0.75), opacity: 0.3, rotate: degrees(45) });
		page.drawText(safe(DRAFT_LINE), { x: PAGE.margin, y: PAGE.height - PAGE.margin / 2 - 4, size: 9, font: bold, color: red });
	};
	newPage(true);

	const write = (text: string, font: Font, size: number, options: { before?: number; indent?: number; color?: typeof black } = {}) => {
		const indent = options.indent ?? 0;
		const lineHeight = size * 1.35;
		y -= options.before ?? 0;
		for (const line of wrapText(safe(text), width - indent, (s) => font.widthOfTextAtSize(s, size))) {
			if (y - lineHeight < PAGE.margin + PAGE.footer) newPage(false);
			y -= lineHeight;
			if (line) page.drawText(line, { x: PAGE.margin + indent, y, size, font, color: options.color ?? black });
		}
	};

	for (const block of noteBlocks(doc)) {
		switch (block.kind) {
			case 'title':
				write(block.text, bold, 16);
				break;
			case 'draft':
				write(block.text, bold, 11, { before: 4, color: red });
				break;
			case 'field': {
				// Label in bold, value in a hanging column beside it.
				const label = safe(`${block.label}: `);
				const labelWidth = Math.min(bold.widthOfTextAtSize(label, 10), width / 3);
				if (y - 13.5 < PAGE.margin + PAGE.footer) newPage(false);
				page.drawText(label, { x: PAGE.margin, y: y - 13.5, size: 10, font: bold, color: black });
				write(block.value, regular, 10, { indent: labelWidth });
				break;
			}
			case 'heading':
				write(block.text, bold, 12, { before: 12 });
				break;
			case 'subheading':
				write(block.text, bold, 10, { before: 6 });
				break;
			case 'paragraph':
				write(block.text, regular, 10, { before: 2 });
				break;
			case 'signature':
				write(block.text, signed ? regular : bold, 10, { before: 10, color: signed ? black : red });
				break;
			case 'notice':
				write(block.text, regular, 8, { before: 2 });
				break;
		}
	}

	const pages = pdf.getPages();
	const label = safe(pageLabel(doc));
	pages.forEach((p, i) => {
		const text = `${label}   Page ${i + 1} of ${pages.length}`;
		const x = (PAGE.width - regular.widthOfTextAtSize(text, 8)) / 2;
		p.drawText(text, { x, y: PAGE.margin / 2, size: 8, font: regular, color: rgb(0.3, 0.3, 0.3) });
	});
	return new Blob([new Uint8Array(await pdf.save())], { type: 'application/pdf' });
}
