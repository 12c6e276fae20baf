import { afterEach, describe, expect, it } from 'vitest';
import { newClient } from '$lib/domain/records';
import { draftNote, draftRequest } from '$lib/documents/draft-note';
import { engineStatus } from '$lib/inference/engine-status.svelte';
import { NOTE_FORMATS } from '$lib/domain/note-formats';
import { ScriptedEngine, tokenize } from '../doubles/scripted-engine';
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
		expect(await codeOf(draftNote({ client, content, format: 'DAP', onText: (t) => (streamed = t) }))).toBe('note/no-ai-consent');
		expect(streamed).toBe('');
	});

	it('drafts through the model for a consenting client, streaming the JSON as it arrives', async () => {
		await engineStatus.load(new ScriptedEngine({ tokens: tokenize(answer), intervalMs: 1 }), modelSpec);
		const seen: string[] = [];
		const client = { ...newClient('c2'), name: 'Consented', aiConsent: { given: true, date: '2026-11-01' } };
		const result = await draftNote({ client, content, format: 'DAP', onText: (t) => seen.push(t) });
		expect(result.sections.data).toBe('Client reported better sleep.');
		expect(result.draftedWith).toBe('scripted');
		expect(seen.length).toBeGreaterThan(3);
	});

	it('falls back to the outline (no AI, no consent needed) when no engine is loaded', async () => {
		const client = { ...newClient('c3'), name: 'Outline' };
		const result = await draftNote({ client, content, format: 'DAP', onText: () => undefined });
		expect(result.draftedWith).toBe('outline');
		expect(Object.values(result.sections).join(' ')).toContain('I slept better this week.');
	});

	it('asks the model for every section of the format and forbids assumed-normal findings', () => {
		for (const format of Object.values(NOTE_FORMATS)) {
			const request = draftRequest({ content, format: format.id });
			expect(Object.keys((request.jsonSchema as { properties: object }).properties)).toEqual(format.sections.map((s) => s.key));
			expect(request.system).toContain('Not documented');
			expect(request.system).toContain('no "denies SI/HI" unless the content says so');
			expect(request.prompt).toContain(content);
		}
	});
});
