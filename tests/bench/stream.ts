/**
 * Benchmark phase "stream-long-tasks": model output streamed into the page the way the app
 * renders it (appended to an element's textContent, one delta at a time, never as HTML) must
 * not block the main thread. A scripted engine stands in for the model, so the figure measures
 * the page's own work per token, at a faster token rate than a real model on a laptop GPU.
 */
import { NOTE_FORMATS } from '$lib/domain/notes/note-formats';
import { noteSchema } from '$lib/domain/notes/note-schema';
import type { StructuredRequest } from '$lib/inference/engine';
import { ScriptedEngine, tokenize } from '../doubles/scripted-engine';

export const STREAM_TOKENS = 2000;
/** Between tokens; the browser clamps chained timers to about 4 ms, so roughly 250 tokens/s. */
const INTERVAL_MS = 0;
/** A long task is, by definition, one over 50 ms. */
export const LONG_TASK_MS = 50;

const WORDS = ['client', 'reported', 'sleeping', 'better', 'and', 'practiced', 'breathing', 'before', 'bed', 'each', 'evening,'];

/** A SOAP answer as exactly `count` tokens of valid JSON, the long text in the plan. */
function scriptedAnswer(count: number): string[] {
	const head = tokenize('{"subjective":"Reports stress.","objective":"Calm.","assessment":"Improving.","plan":"');
	const tokens = [...head];
	for (let i = 0; tokens.length < count - 1; i++) tokens.push(` ${WORDS[i % WORDS.length]}`);
	tokens.push('"}');
	return tokens;
}

export async function benchStreamLongTasks(log: (message: string) => void) {
	const supported = PerformanceObserver.supportedEntryTypes.includes('longtask');
	const entries: PerformanceEntry[] = [];
	const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
	if (supported) observer.observe({ type: 'longtask', buffered: true });

	const output = document.createElement('pre');
	output.style.cssText = 'white-space: pre-wrap; width: 40em; font: 14px system-ui';
	document.body.append(output);

	const tokens = scriptedAnswer(STREAM_TOKENS);
	log(`Stream: ${tokens.length} tokens into textContent, long tasks ${supported ? 'observed' : 'NOT observable in this browser'}`);
	const engine = new ScriptedEngine({ tokens, intervalMs: INTERVAL_MS });
	const request: StructuredRequest<Record<string, string>> = { system: '', prompt: '', ...noteSchema(NOTE_FORMATS.SOAP) };
	let deltas = 0;
	let streamed = '';
	const t0 = performance.now();
	const result = await engine.generate(request, (delta) => {
		// How the app renders model output: as text, appended per delta.
		output.textContent += delta;
		streamed += delta;
		deltas++;
	});
	const durationMs = performance.now() - t0;
	// Let the last frame paint and the observer deliver what it saw.
	await new Promise((resolve) => setTimeout(resolve, 200));
	entries.push(...observer.takeRecords());
	observer.disconnect();
	const textMatches = output.textContent === streamed && streamed === result.text;
	output.remove();

	// `buffered: true` also replays earlier phases' long tasks: keep only this phase's.
	const during = entries.filter((e) => e.startTime >= t0 && e.startTime <= t0 + durationMs + 200);
	const durations = during.map((e) => e.duration);
	const maxMs = durations.length ? Math.max(...durations) : 0;
	const round = (n: number) => Math.round(n * 100) / 100;
	log(`  ${deltas} deltas in ${durationMs.toFixed(0)} ms; ${during.length} long tasks, max ${maxMs.toFixed(0)} ms`);
	return {
		tokens: tokens.length,
		deltas,
		characters: streamed.length,
		intervalMs: INTERVAL_MS,
		durationMs: round(durationMs),
		tokensPerSecond: round((deltas / durationMs) * 1000),
		textMatches,
		longTaskObservable: supported,
		longTasks: { count: during.length, maxMs: round(maxMs), totalMs: round(durations.reduce((a, b) => a + b, 0)) }
	};
}
