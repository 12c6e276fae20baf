import { describe, expect, it } from 'vitest';
import { chunkContent } from '$lib/domain/notes/chunking';

function transcript(words: number): string {
	const lines: string[] = [];
	let count = 0;
	for (let i = 0; count < words; i++) {
		const line = `${i % 2 ? 'Client' : 'Therapist'}: This is sentence ${i} about sleep, work and the breathing homework we discussed today.`;
		lines.push(line);
		count += line.split(/\s+/).length;
	}
	return lines.join('\n');
}

describe('chunking long session content', () => {
	it('keeps every chunk of a 10,000-word transcript within the token budget', () => {
		const content = transcript(10_000);
		const chunks = chunkContent(content, 1500);
		expect(chunks.length).toBeGreaterThan(5);
		for (const chunk of chunks) expect(chunk.tokens).toBeLessThanOrEqual(1500);
	});

	it('covers the whole content in order, so nothing is silently dropped', () => {
		const content = transcript(3_000);
		const chunks = chunkContent(content, 700);
		expect(chunks.map((c) => c.text).join('')).toBe(content.slice(chunks[0]!.start, chunks.at(-1)!.end));
		expect(content.slice(0, chunks[0]!.start).trim()).toBe('');
		for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.start).toBe(chunks[i - 1]!.end);
		for (const c of chunks) expect(content.slice(c.start, c.end)).toBe(c.text);
	});

	it('never cuts inside a sentence and keeps speaker labels at line starts', () => {
		const chunks = chunkContent(transcript(2_000), 400);
		for (const c of chunks.slice(1)) expect(c.text).toMatch(/^(Client|Therapist): /);
	});

	it('splits one enormous sentence at word gaps rather than dropping it', () => {
		for (const long of [Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' '), 'a '.repeat(4000)]) {
			const chunks = chunkContent(long, 500);
			expect(chunks.length).toBeGreaterThan(3);
			expect(chunks.map((c) => c.text).join('')).toBe(long);
			for (const c of chunks) expect(c.tokens).toBeLessThanOrEqual(500);
		}
	});
});
