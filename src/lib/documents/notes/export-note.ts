import { isSigned, noteBlocks, noteToPlainText, DRAFT_LINE, type NoteBlock, type NoteDocument } from '$lib/domain/notes/note-document';
import { noteToFhirBundle, type FhirOptions } from '$lib/domain/notes/note-fhir';
import { blocksToPdf } from '../common/pdf-blocks';

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

/** What a Word file needs besides its blocks; the same options as the PDF renderer. */
export interface DocxOptions {
	/** The document's title metadata, e.g. "Progress note". */
	title: string;
	/** False puts a draft line in the header and the signature in bold. */
	signed: boolean;
	/** Who and what, in every footer. */
	pageLabel: string;
}

export function noteToDocx(doc: NoteDocument): Promise<Blob> {
	return blocksToDocx(noteBlocks(doc), { title: 'Progress note', signed: isSigned(doc), pageLabel: pageLabel(doc) });
}

/** One Word renderer for every exported document: documents differ only in their blocks. */
export async function blocksToDocx(blocks: NoteBlock[], options: DocxOptions): Promise<Blob> {
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
				return [new Paragraph({ spacing: { before: 240 }, children: [run(block.text, { bold: !options.signed })] })];
			case 'notice':
				// 9 pt (sizes are half-points): the notice is long and must not crowd out the document.
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
				children: [new TextRun({ size: 16, children: [xmlSafe(options.pageLabel), '   Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })]
			})
		]
	});
	const document = new Document({
		creator: 'Tacit',
		title: options.title,
		sections: [
			{
				...(options.signed ? {} : { headers: { default: draftHeader } }),
				footers: { default: footer },
				children: blocks.flatMap(render)
			}
		]
	});
	return Packer.toBlob(document);
}

/** Who and when, on every page: a printed page that comes loose must still say whose it is. */
function pageLabel(doc: NoteDocument): string {
	return `${doc.client.name.trim() || 'Unnamed client'} · ${doc.session.date}`;
}

export function noteToPdf(doc: NoteDocument): Promise<Blob> {
	return blocksToPdf(noteBlocks(doc), { title: 'Progress note', signed: isSigned(doc), pageLabel: pageLabel(doc) });
}
