import { AppError } from '$lib/domain/core/app-error';
import { countWords, cuesToText, parseSrt, parseVtt } from '$lib/domain/notes/transcript';

/**
 * Session content from a file the clinician picks: plain text, a Word document or a
 * transcript (WebVTT from Teams or Zoom, SubRip). Everything is read in this tab; nothing is
 * uploaded. Word support loads only when a .docx is imported, so the main bundle stays small.
 */
export type ImportKind = 'txt' | 'docx' | 'vtt' | 'srt';

export interface ImportedContent {
	text: string;
	kind: ImportKind;
	words: number;
}

// A session transcript is a few hundred kilobytes; anything far larger is the wrong file and
// would freeze the tab while it is parsed.
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const EXTENSIONS: Record<string, ImportKind> = { txt: 'txt', text: 'txt', docx: 'docx', vtt: 'vtt', srt: 'srt' };
const MIME_TYPES: Record<string, ImportKind> = {
	'text/plain': 'txt',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
	'text/vtt': 'vtt',
	'application/x-subrip': 'srt',
	'text/srt': 'srt'
};

/** The kind from the file name's extension, else from its MIME type; null when unsupported. */
export function importKind(name: string, type: string): ImportKind | null {
	const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
	if (extension) return EXTENSIONS[extension] ?? null;
	return MIME_TYPES[type.split(';')[0]!.trim().toLowerCase()] ?? null;
}

export async function importFile(file: File): Promise<ImportedContent> {
	const kind = importKind(file.name, file.type);
	if (!kind) throw new AppError('import/unsupported-file');
	if (file.size > MAX_IMPORT_BYTES) {
		throw new AppError('import/too-large', { maxBytes: MAX_IMPORT_BYTES });
	}
	const bytes = await file.arrayBuffer();
	const text = kind === 'docx' ? await docxText(bytes) : fromTranscript(kind, decodeText(bytes));
	return { text, kind, words: countWords(text) };
}

function fromTranscript(kind: Exclude<ImportKind, 'docx'>, raw: string): string {
	if (kind === 'txt') return raw.replace(/\r\n?/g, '\n').trim();
	const cues = kind === 'vtt' ? parseVtt(raw) : parseSrt(raw);
	// A "transcript" with text but no cue timings is not one: say so rather than import nothing.
	if (!cues.length && raw.trim() && !/^\uFEFF?WEBVTT\s*$/.test(raw.trim())) {
		throw new AppError('import/unreadable', { kind });
	}
	return cuesToText(cues);
}

/** UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 (older Windows editors). */
export function decodeText(bytes: ArrayBuffer): string {
	const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
	if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
	if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// Mapped by hand: some runtimes (Node 20) decode windows-1252 as Latin-1, losing curly quotes.
		return Array.from(new Uint8Array(bytes), (b) => (b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80] : String.fromCharCode(b))).join('');
	}
}

// Windows-1252 0x80-0x9F; the five unassigned bytes keep their C1 code points.
const CP1252 = [...'€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'];

async function docxText(bytes: ArrayBuffer): Promise<string> {
	// mammoth is CommonJS: both Vite and Node expose its exports as the default export.
	const { extractRawText } = (await import('mammoth')).default;
	try {
		// The browser build of mammoth reads `arrayBuffer`, the Node build (unit tests) `buffer`;
		// both hand it to JSZip, which accepts an ArrayBuffer.
		const input = { arrayBuffer: bytes, buffer: bytes } as unknown as Parameters<typeof extractRawText>[0];
		const result = await extractRawText(input);
		// mammoth ends every paragraph with a blank line; keep paragraphs, drop the extra gaps.
		return result.value.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
	} catch (cause) {
		throw new AppError('import/unreadable', { kind: 'docx' }, { cause });
	}
}
