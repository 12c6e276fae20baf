/// <reference lib="webworker" />
// A stand-in for workers/llm.worker.ts with the same Comlink API, for end-to-end tests only:
// it "loads" at once and streams a scripted answer. The test serves it in place of the real
// worker script, so the production bundle itself is unchanged.
import * as Comlink from 'comlink';
import type { LlmWorkerApi, RawProgress, WorkerGenerateRequest, WorkerGenerateResult } from '../../workers/llm.worker';
import type { ModelSpec } from '../../src/lib/inference/engine';

// Replaced by the test before the script is served: JSON of { answer, delayMs }.
const SCRIPT: string = '__SCRIPT__';
const cancelled = new Set<number>();

const api: LlmWorkerApi = {
	async load(_spec: ModelSpec, onProgress: (report: RawProgress) => void): Promise<void> {
		await onProgress({ progress: 1, text: 'Finish loading on WebGPU' });
	},
	async generate(id: number, _request: WorkerGenerateRequest, onDelta: (text: string) => void): Promise<WorkerGenerateResult> {
		const { answer, delayMs } = JSON.parse(SCRIPT) as { answer: string; delayMs: number };
		const tokens = answer.match(/.{1,6}/gs) ?? [];
		let text = '';
		for (const token of tokens) {
			if (cancelled.has(id)) throw { code: 'inference/cancelled', details: {} };
			text += token;
			await onDelta(token);
			await new Promise((r) => setTimeout(r, delayMs));
		}
		return { text, promptTokens: 100, completionTokens: tokens.length, finishReason: 'stop' };
	},
	async interrupt(id: number): Promise<void> {
		cancelled.add(id);
	},
	async unload(): Promise<void> {},
	async hasModelInCache(): Promise<boolean> {
		return true;
	}
};

Comlink.expose(api);
