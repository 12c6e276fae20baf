import { afterEach, describe, expect, it } from 'vitest';
import { newClient } from '$lib/domain/core/records';
import { draftNote, draftRequest } from '$lib/documents/notes/draft-note';
import { engineStatus } from '$lib/inference/engine-status.svelte';
import { NOTE_FORMATS } from '$lib/domain/notes/note-formats';
import { ScriptedEngine, tokenize } from '../doubles/scripted-engine';
import { EchoEngine } from '../doubles/echo-engine';
import { estimateTokens } from '$lib/domain/notes/transcript';
import { codeOf } from './helpers';

const content = 'Client: I slept better this week. Therapist: We practised breathing.';
const answer = JSON.stringify({ data: 'Client reported better sleep.', assessment: 'Improving.', plan: 'Not documented' });
const modelSpec = { modelId: 'scripted', modelUrl: '', modelLibUrl: '', contextWindow: 4096, requiredFeatures: [], vramRequiredMB: 0 };

afterEach(() => engineStatus.unload());

describe('drafting a note', () => {
	it('refuses to send session content to a model for a client without AI consent', async () => {
		const engine = new ScriptedEngine({ tokens: tokenize(answer), intervalMs: 1 });
		await engineStatus.load(engine, modelSpec);
		let streamed = '';
		const client = { ...newClient('c1'), name: 'No Consent' };
		expect(await codeOf(draftNote({ client, content, format: NOTE_FORMATS.DAP, onText: (t) => (streamed = t) }))).toBe('note/no-ai-consent');
		expect(streamed).toBe('');
	});

	it('drafts through the model for a consenting client, streaming the JSON as it arrives', async () => {
		await engineStatus.load(new ScriptedEngine({ tokens: tokenize(answer), intervalMs: 1 }), modelSpec);
		const seen: string[] = [];
		const client = { ...newClient('c2'), name: 'Consented', aiConsent: { given: true, date: '2026-11-01' } };
		const result = await draftNote({ client, content, format: NOTE_FORMATS.DAP, onText: (t) => seen.push(t) });
		expect(result.sections.data).toBe('Client reported better sleep.');
		expect(result.draftedWith).toBe('scripted');
		expect(seen.length).toBeGreaterThan(3);
	});

	it('falls back to the outline (no AI, no consent needed) when no engine is loaded', async () => {
		const client = { ...newClient('c3'), name: 'Outline' };
		const result = await draftNote({ client, content, format: NOTE_FORMATS.DAP, onText: () => undefined });
		expect(result.draftedWith).toBe('outline');
		expect(Object.values(result.sections).join(' ')).toContain('I slept better this week.');
	});

	it('asks the model for every section of the format and forbids assumed-normal findings', () => {
		for (const format of Object.values(NOTE_FORMATS)) {
			const request = draftRequest({ content, format });
			expect(Object.keys((request.jsonSchema as { properties: object }).properties)).toEqual(format.sections.map((s) => s.key));
			expect(request.system).toContain('Not documented');
			expect(request.system).toContain('no "denies SI/HI" unless the content says so');
			expect(request.prompt).toContain(content);
		}
	});
});

describe('drafting a long session', () => {
	it('reads a 10,000-word transcript part by part within the context window and composes from every part', async () => {
		const lines: string[] = [];
		for (let i = 0, words = 0; words < 10_000; i++) {
			const line = `${i % 2 ? 'Client' : 'Therapist'}: marker${i} we talked about sleep, work, family and the breathing homework today.`;
			lines.push(line);
			words += line.split(/\s+/).length;
		}
		const engine = new EchoEngine();
		await engineStatus.load(engine, modelSpec);
		const parts: string[] = [];
		const content = lines.join('\n');
		let facts: { text: string; start: number; end: number }[] = [];
		const client = { ...newClient('c9'), name: 'Long Session', aiConsent: { given: true, date: '2026-11-01' } };
		const result = await draftNote({
			client,
			content,
			onFacts: (f) => (facts = f),
			format: NOTE_FORMATS.SOAP,
			contextWindow: 4096,
			onText: () => undefined,
			onPart: (k, n) => parts.push(`${k + 1}/${n}`)
		});
		const factRequests = engine.requests.slice(0, -1);
		expect(factRequests.length).toBeGreaterThan(3);
		expect(parts).toEqual(factRequests.map((_, i) => `${i + 1}/${factRequests.length}`));
		for (const request of engine.requests.slice(0, -1)) {
			expect(estimateTokens(request.system) + estimateTokens(request.prompt) + (request.maxTokens ?? 0)).toBeLessThanOrEqual(4096);
		}
		const compose = engine.requests.at(-1)!;
		expect(compose.prompt).toContain('marker0 ');
		expect(compose.prompt).toContain(`marker${lines.length - 1} `);
		expect(result.sections.subjective).toBe('Composed subjective.');
		// Every fact points back to the span of content it was read from.
		expect(facts.length).toBeGreaterThan(100);
		for (const fact of facts.filter((_, i) => i % 25 === 0)) {
			expect(content.slice(fact.start, fact.end)).toContain(fact.text.split(' ').slice(1, 2).join(' '));
		}
	});
});
