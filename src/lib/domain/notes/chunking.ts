import { estimateTokens } from './transcript';

/**
 * Long sessions: content that does not fit the model's context is split into chunks on line
 * and sentence boundaries (never mid-sentence, speaker labels kept), each with its character
 * span in the original, so facts drawn from a chunk can point back to their source. Nothing is
 * dropped: the chunks cover the whole content in order.
 */
export interface ContentChunk {
	index: number;
	start: number;
	end: number;
	text: string;
	tokens: number;
}

/** Pieces of text ending at a line break or a sentence end, with their offsets. */
function pieces(content: string): { start: number; end: number }[] {
	const out: { start: number; end: number }[] = [];
	const re = /[^\n.!?]*(?:[.!?]+["”’)]*|\n|$)/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(content)) !== null) {
		if (m[0].length === 0) {
			if (re.lastIndex >= content.length) break;
			re.lastIndex++;
			continue;
		}
		out.push({ start: m.index, end: m.index + m[0].length });
	}
	return out;
}

export function chunkContent(content: string, maxTokens: number): ContentChunk[] {
	const chunks: ContentChunk[] = [];
	let start = -1;
	let end = -1;
	const flush = () => {
		if (start < 0) return;
		const text = content.slice(start, end);
		if (text.trim()) chunks.push({ index: chunks.length, start, end, text, tokens: estimateTokens(text) });
		start = -1;
	};
	for (const piece of pieces(content)) {
		const candidate = start < 0 ? content.slice(piece.start, piece.end) : content.slice(start, piece.end);
		if (start >= 0 && estimateTokens(candidate) > maxTokens) flush();
		if (start < 0) start = piece.start;
		end = piece.end;
		// A single sentence longer than a chunk becomes a chunk of its own, cut at word gaps.
		if (estimateTokens(content.slice(start, end)) > maxTokens) {
			for (const part of splitLong(content, start, end, maxTokens)) chunks.push({ ...part, index: chunks.length });
			start = -1;
		}
	}
	flush();
	return chunks;
}

function splitLong(content: string, from: number, to: number, maxTokens: number): Omit<ContentChunk, 'index'>[] {
	const parts: Omit<ContentChunk, 'index'>[] = [];
	const words = /\S+\s*/g;
	words.lastIndex = from;
	let start = from;
	let end = from;
	let m: RegExpExecArray | null;
	const push = () => {
		const text = content.slice(start, end);
		if (text) parts.push({ start, end, text, tokens: estimateTokens(text) });
		start = end;
	};
	while ((m = words.exec(content)) !== null && m.index < to) {
		const next = Math.min(to, m.index + m[0].length);
		if (end > start && estimateTokens(content.slice(start, next)) > maxTokens) push();
		end = next;
	}
	end = to;
	push();
	return parts;
}

/** Whether a prompt (instructions and content) plus room for the answer fits the context window. */
export function fitsContext(promptTokens: number, answerTokens: number, contextWindow: number): boolean {
	return promptTokens + answerTokens <= contextWindow;
}
