import { DRAFT_LINE, type NoteBlock } from '$lib/domain/notes/note-document';
import { toEncodable, wrapText } from '$lib/domain/core/text-layout';

/**
 * One PDF renderer for every exported document (notes, plans, assessment summaries): the
 * documents differ only in their blocks, so they share page size, fonts and draft marks.
 * pdf-lib is imported on first use, keeping it out of the main bundle.
 */
export interface PdfOptions {
	/** The PDF's title metadata, e.g. "Progress note". */
	title: string;
	/** False prints a DRAFT watermark and draft line on every page. */
	signed: boolean;
	/** Who and what, in every footer: a printed page that comes loose must still say whose it is. */
	pageLabel: string;
}

// US Letter in points, with 0.75 inch margins.
const PAGE = { width: 612, height: 792, margin: 54, footer: 30 };

export async function blocksToPdf(blocks: NoteBlock[], options: PdfOptions): Promise<Blob> {
	const { PDFDocument, StandardFonts, degrees, rgb } = await import('pdf-lib');
	const pdf = await PDFDocument.create();
	pdf.setTitle(options.title);
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
	const { signed } = options;
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

	for (const block of blocks) {
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
	const label = safe(options.pageLabel);
	pages.forEach((p, i) => {
		const text = `${label}   Page ${i + 1} of ${pages.length}`;
		const x = (PAGE.width - regular.widthOfTextAtSize(text, 8)) / 2;
		p.drawText(text, { x, y: PAGE.margin / 2, size: 8, font: regular, color: rgb(0.3, 0.3, 0.3) });
	});
	return new Blob([new Uint8Array(await pdf.save())], { type: 'application/pdf' });
}
