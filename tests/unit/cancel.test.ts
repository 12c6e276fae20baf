import { describe, expect, it } from 'vitest';
import { AppError } from '$lib/domain/core/app-error';
import { NOTE_FORMATS, NOT_DOCUMENTED } from '$lib/domain/notes/note-formats';
import { noteSchema } from '$lib/domain/notes/note-schema';
import type { StructuredRequest } from '$lib/inference/engine';
import { outlineEngine, outlineRequest } from '$lib/inference/outline-engine';
import { ScriptedEngine, tokenize } from '../doubles/scripted-engine';
import { codeOf } from './helpers';

const PLAN = 'Client will keep a thought record each evening and bring it to the next session. '.repeat(20);
const ANSWER = JSON.stringify({ goals: 'Sleep', intervention: 'CBT-I', response: 'Engaged', plan: PLAN });
const request: StructuredRequest<Record<string, string>> = {
	system: 'test',
	prompt: 'session content',
	...noteSchema(NOTE_FORMATS.GIRP)
};

describe('cancelling a generation', () => {
	it('splits the scripted answer into tokens that join back to it exactly', () => {
		const tokens = tokenize(ANSWER);
		expect(tokens.length).toBeGreaterThan(200);
		expect(tokens.join('')).toBe(ANSWER);
	});

	it('stops the deltas within 200 ms of the abort, rejects as cancelled and keeps the text streamed so far', async () => {
		const engine = new ScriptedEngine({ tokens: tokenize(ANSWER), intervalMs: 5 });
		const controller = new AbortController();
		const deltas: { text: string; at: number }[] = [];
		let abortedAt = Infinity;
		const generation = engine.generate(request, (text) => deltas.push({ text, at: performance.now() }), controller.signal);
		// The Stop button: an abort from outside, mid-stream.
		setTimeout(() => {
			abortedAt = performance.now();
			controller.abort();
		}, 80);
		const rejection = generation.then(
			() => null,
			(error: unknown) => ({ error, at: performance.now() })
		);
		const settled = await rejection;
		// Wait well past several token intervals: a leaking timer would keep delivering.
		await new Promise((resolve) => setTimeout(resolve, 100));

		expect(settled).not.toBeNull();
		expect(settled!.error).toBeInstanceOf(AppError);
		expect((settled!.error as AppError).code).toBe('inference/cancelled');
		expect(settled!.at - abortedAt).toBeLessThan(200);
		// Mid-stream: some tokens arrived, not all, and none after the abort.
		expect(deltas.length).toBeGreaterThan(0);
		expect(deltas.length).toBeLessThan(tokenize(ANSWER).length);
		expect(deltas.every((d) => d.at <= abortedAt)).toBe(true);
		const kept = deltas.map((d) => d.text).join('');
		expect(ANSWER.startsWith(kept)).toBe(true);
		expect((settled!.error as AppError).details).toEqual({ characters: kept.length });
	});

	it('rejects at once, with no delta, when the signal is already aborted', async () => {
		const engine = new ScriptedEngine({ tokens: tokenize(ANSWER), intervalMs: 1 });
		const deltas: string[] = [];
		expect(await codeOf(engine.generate(request, (t) => deltas.push(t), AbortSignal.abort()))).toBe('inference/cancelled');
		expect(deltas).toEqual([]);
	});

	it('without an abort, streams the whole answer and resolves with the validated value', async () => {
		const engine = new ScriptedEngine({ tokens: tokenize(ANSWER), intervalMs: 0 });
		let streamed = '';
		const result = await engine.generate(request, (t) => (streamed += t), new AbortController().signal);
		expect(streamed).toBe(ANSWER);
		expect(result.text).toBe(ANSWER);
		expect(result.value.plan).toBe(PLAN);
	});

	it('rejects an answer that does not fit the schema as invalid output', async () => {
		const engine = new ScriptedEngine({ tokens: tokenize('{"goals":"only one"}'), intervalMs: 0 });
		expect(await codeOf(engine.generate(request, () => {}))).toBe('inference/invalid-output');
	});
});

describe('the outline engine through Engine.generate', () => {
	const content = 'Client: I slept badly all week.\nTherapist: We practiced a wind-down routine.\nHomework: no screens after 10 pm.';

	it('streams JSON deltas that join to its text and resolves with the validated sections', async () => {
		const deltas: string[] = [];
		const result = await outlineEngine.generate(outlineRequest(content, NOTE_FORMATS.BIRP), (t) => deltas.push(t));
		expect(deltas.length).toBe(NOTE_FORMATS.BIRP.sections.length + 1);
		expect(deltas.join('')).toBe(result.text);
		expect(JSON.parse(result.text)).toEqual(result.value);
		expect(result.value).toEqual({
			behavior: 'Client: I slept badly all week.',
			intervention: 'Therapist: We practiced a wind-down routine.',
			response: NOT_DOCUMENTED,
			plan: 'Homework: no screens after 10 pm.'
		});
	});

	it('is ready at once and stops between sections when aborted', async () => {
		const progress: number[] = [];
		await outlineEngine.load({} as never, (p) => progress.push(p.fraction));
		expect(progress).toEqual([1]);
		const controller = new AbortController();
		const deltas: string[] = [];
		const pending = outlineEngine.generate(
			outlineRequest(content, NOTE_FORMATS.SOAP),
			(t) => {
				deltas.push(t);
				controller.abort();
			},
			controller.signal
		);
		expect(await codeOf(pending)).toBe('inference/cancelled');
		expect(deltas).toHaveLength(1);
	});
});
