import { describe, expect, it } from 'vitest';
import { AppError } from '$lib/domain/core/app-error';
import { fromWorkerFailure, isWorkerFailure, mapWebLLMError } from '$lib/inference/webllm-errors';
import { progressTranslator } from '$lib/inference/webllm-engine';

/** An error shaped like WebLLM's: its own class name in `name` (what survives minification). */
function webllmError(name: string, message = ''): Error {
	const error = new Error(message);
	error.name = name;
	return error;
}

describe('WebLLM error mapping', () => {
	it.each([
		['WebGPUNotAvailableError', 'WebGPU is not supported in your current environment', 'inference/no-webgpu'],
		['WebGPUNotFoundError', 'Cannot find WebGPU in the environment', 'inference/no-webgpu'],
		[
			'DeviceLostError',
			'The WebGPU device was lost while loading the model. This issue often occurs due to running out of memory (OOM).',
			'inference/gpu-lost'
		],
		['IntegrityError', 'Integrity verification failed for https://x/params_shard_0.bin', 'inference/integrity-mismatch'],
		['ShaderF16SupportError', 'This model requires WebGPU extension shader-f16, which is not enabled in this browser.', 'inference/load-failed'],
		['FeatureSupportError', 'This model requires feature subgroups, which is not yet supported by this browser.', 'inference/load-failed'],
		['ModelNotLoadedError', 'Model not loaded before trying to complete ChatCompletionRequest.', 'inference/not-loaded'],
		['QuotaExceededError', 'The quota has been exceeded.', 'inference/storage-insufficient'],
		['AbortError', 'The user aborted a request.', 'inference/cancelled']
	])('maps %s to its code', (name, message, code) => {
		expect(mapWebLLMError(webllmError(name, message)).code).toBe(code);
	});

	it('maps by class name even when the message says something else (device loss mentions OOM)', () => {
		expect(mapWebLLMError(webllmError('DeviceLostError', 'out of memory')).code).toBe('inference/gpu-lost');
		expect(mapWebLLMError(webllmError('IntegrityError', 'Failed to fetch')).code).toBe('inference/integrity-mismatch');
	});

	it.each([
		['Failed to execute \'add\' on \'Cache\': Request failed', 'inference/model-not-found'],
		['ArtifactOPFSCache: Unable to fetch https://p/m/resolve/main/tensor-cache.json, received status 404', 'inference/model-not-found'],
		['Cache got basic response with bad status 404 while trying to add request', 'inference/model-not-found'],
		['WebAssembly.instantiate(): expected magic word 00 61 73 6d, found 3c 21 64 6f', 'inference/model-not-found'],
		['Failed to fetch', 'inference/network'],
		['NetworkError when attempting to fetch resource.', 'inference/network'],
		['Load failed', 'inference/network'],
		['GPUOutOfMemoryError: Out of memory while creating buffer', 'inference/out-of-memory'],
		['Array buffer allocation failed', 'inference/out-of-memory'],
		['Device was lost. This can happen due to insufficient memory', 'inference/gpu-lost'],
		['Cannot initialize runtime because of requested maxBufferSize exceeds limit. requested=256MB', 'inference/model-too-large'],
		['Quota exceeded while writing to the cache', 'inference/storage-insufficient'],
		['Something nobody anticipated', 'inference/load-failed']
	])('maps the message "%s" to %s', (message, code) => {
		expect(mapWebLLMError(new Error(message)).code).toBe(code);
		expect(mapWebLLMError(new TypeError(message)).code).toBe(code);
	});

	it.each([
		['DeviceLostError: The WebGPU device was lost while loading the model.', 'inference/gpu-lost'],
		['WebGPUNotAvailableError: WebGPU is not supported', 'inference/no-webgpu'],
		['Failed to fetch', 'inference/network'],
		['Cannot fetch https://p/m/resolve/main/params_shard_3.bin', 'inference/model-not-found'],
		['Aborted(OOM). Build with -sASSERTIONS for more info.', 'inference/out-of-memory'],
		['', 'inference/load-failed']
	])('maps the string "%s" to %s', (text, code) => {
		expect(mapWebLLMError(text).code).toBe(code);
	});

	it('maps values that are neither errors nor strings to load-failed', () => {
		expect(mapWebLLMError(undefined).code).toBe('inference/load-failed');
		expect(mapWebLLMError(42).code).toBe('inference/load-failed');
		expect(mapWebLLMError({ unexpected: true }).code).toBe('inference/load-failed');
	});

	it('finds a quota error wrapped as the cause of another error', () => {
		const quota = webllmError('QuotaExceededError');
		expect(mapWebLLMError(new Error('write failed', { cause: quota })).code).toBe('inference/storage-insufficient');
	});

	it('keeps only the class name and safe facts in details, never the message', () => {
		const secret = 'Client disclosed something private';
		const mapped = mapWebLLMError(webllmError('UserMessageContentErrorForNonVLM', `received: ${secret}`));
		expect(mapped).toEqual({ code: 'inference/load-failed', details: { name: 'UserMessageContentErrorForNonVLM' } });
		expect(JSON.stringify(mapWebLLMError(secret))).not.toContain('private');
		expect(mapWebLLMError(webllmError('Bad name with spaces', '')).details).toEqual({});
	});

	it('names the missing GPU feature and the prompt size where WebLLM reports them', () => {
		const f16 = webllmError('ShaderF16SupportError', 'This model requires WebGPU extension shader-f16, which is not enabled');
		expect(mapWebLLMError(f16).details).toMatchObject({ reason: 'feature-unsupported', feature: 'shader-f16' });
		const long = webllmError(
			'ContextWindowSizeExceededError',
			'Prompt tokens exceed context window size: number of prompt tokens: 5000; context window size: 4096'
		);
		expect(mapWebLLMError(long).details).toMatchObject({ reason: 'context-window-exceeded', promptTokens: 5000, contextWindow: 4096 });
		expect(mapWebLLMError(new Error('Unable to fetch x, received status 404')).details).toMatchObject({ status: 404 });
	});

	it('passes AppErrors and worker failures through unchanged', () => {
		expect(mapWebLLMError(new AppError('inference/cancelled', { characters: 3 }))).toEqual({
			code: 'inference/cancelled',
			details: { characters: 3 }
		});
		expect(mapWebLLMError({ code: 'inference/busy-elsewhere', details: {} }).code).toBe('inference/busy-elsewhere');
	});
});

describe('worker failures on the main thread', () => {
	it('become AppErrors with the same code and details', () => {
		const error = fromWorkerFailure({ code: 'inference/gpu-lost', details: { name: 'DeviceLostError' } });
		expect(error).toBeInstanceOf(AppError);
		expect(error.toJSON()).toEqual({ code: 'inference/gpu-lost', details: { name: 'DeviceLostError' } });
	});

	it('does not trust an object with an unknown code', () => {
		expect(isWorkerFailure({ code: 'made/up', details: {} })).toBe(false);
		expect(isWorkerFailure({ code: 'inference/gpu-lost' })).toBe(false);
		expect(fromWorkerFailure({ code: 'made/up', details: {} }).code).toBe('inference/load-failed');
	});

	it('maps anything else that crosses the boundary, including bare strings', () => {
		expect(fromWorkerFailure('Failed to fetch').code).toBe('inference/network');
		expect(fromWorkerFailure(new Error('The WebGPU device was lost')).code).toBe('inference/gpu-lost');
	});
});

describe('model loading progress', () => {
	it('rises from 0 to 1 across WebLLM phases that each restart at 0, in plain words', () => {
		const translate = progressTranslator();
		const seen = [
			{ progress: 0, text: 'Start to fetch params' },
			{ progress: 0.5, text: 'Fetching param cache[10/20]: 300MB fetched. 50% completed' },
			{ progress: 1, text: 'Fetching param cache[20/20]: 600MB fetched. 100% completed' },
			{ progress: 0, text: 'Loading model from cache[0/20]: 0MB loaded. 0% completed' },
			{ progress: 1, text: 'Loading model from cache[20/20]: 600MB loaded. 100% completed' },
			{ progress: 0.5, text: 'Loading GPU shader modules[40/80]: 50% completed' },
			{ progress: 1, text: 'Finish loading on WebGPU - nvidia' }
		].map(translate);
		const fractions = seen.map((p) => p.fraction);
		expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
		expect(fractions[0]).toBe(0);
		expect(fractions.at(-1)).toBe(1);
		expect(seen[1]!.stage).toBe('Downloading the model to this device');
		expect(seen.every((p) => !/MB|cache|\[/.test(p.stage))).toBe(true);
	});
});
