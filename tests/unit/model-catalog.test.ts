import { describe, expect, it } from 'vitest';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';
import { MODEL_CATALOG, TIER_ORDER, WEBLLM_PUBLIC_HUB, catalogEntry, type CatalogEntry } from '$lib/domain/models/model-catalog';
import {
	assessCatalog,
	recommend,
	toModelSpec,
	WEBLLM_MIN_STORAGE_BUFFER_BINDING_SIZE,
	type DeviceProfile
} from '$lib/domain/models/model-recommendation';
import { describeDevice } from '$lib/inference/device-check';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

function profile(overrides: Partial<DeviceProfile> = {}): DeviceProfile {
	return {
		webgpu: true,
		features: ['shader-f16'],
		maxBufferSize: 4 * GiB,
		maxStorageBufferBindingSize: 2 * GiB,
		deviceMemoryGB: 8,
		adapter: { vendor: 'intel', architecture: 'xe', description: '', isFallbackAdapter: false },
		isMobileLike: false,
		...overrides
	};
}

/** What headless Chromium reports with SwiftShader: software, no shader-f16. */
const swiftShader = profile({
	features: [],
	maxBufferSize: 2 * GiB,
	maxStorageBufferBindingSize: 2 * GiB,
	adapter: { vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader Device (Subzero)', isFallbackAdapter: true }
});

describe('the model catalog', () => {
	const prebuilt = new Map(prebuiltAppConfig.model_list.map((record) => [record.model_id, record]));

	it('lists every model id once, and each exists in WebLLM’s prebuilt list', () => {
		const ids = MODEL_CATALOG.map((entry) => entry.modelId);
		expect(new Set(ids).size).toBe(ids.length);
		for (const id of ids) expect(prebuilt.has(id), id).toBe(true);
	});

	it('matches WebLLM’s library file, hub path, memory estimate and context window for each model', () => {
		for (const entry of MODEL_CATALOG) {
			const record = prebuilt.get(entry.modelId)!;
			expect(record.model_lib).toBe(`${WEBLLM_PUBLIC_HUB.hubLibBaseUrl}/${entry.libraryFile}`);
			expect(record.model).toBe(`${WEBLLM_PUBLIC_HUB.hubBaseUrl}/${entry.hubRepo}`);
			expect(entry.vramRequiredMB).toBe(record.vram_required_MB);
			expect(entry.contextWindow).toBe(record.overrides?.context_window_size);
			expect(entry.bufferSizeRequiredBytes).toBe(record.buffer_size_required_bytes);
		}
	});

	it('requires shader-f16 for every q4f16 build and nothing for q4f32 builds', () => {
		for (const entry of MODEL_CATALOG) {
			if (entry.quantization === 'q4f16_1') expect(entry.requiredFeatures).toContain('shader-f16');
			else expect(entry.requiredFeatures).not.toContain('shader-f16');
			expect(entry.modelId).toContain(entry.quantization);
		}
	});

	it('offers both a q4f16 and a q4f32 build in every tier', () => {
		for (const tier of TIER_ORDER) {
			const builds = new Set(MODEL_CATALOG.filter((entry) => entry.tier === tier).map((entry) => entry.quantization));
			expect([...builds].sort(), tier).toEqual(['q4f16_1', 'q4f32_1']);
		}
	});

	it('states a licence and an attribution for every model, with Built with Llama for Llama models', () => {
		for (const entry of MODEL_CATALOG) {
			expect(entry.licence.name).not.toBe('');
			expect(entry.licence.attribution).not.toBe('');
			if (entry.family.startsWith('Llama')) expect(entry.licence.attribution).toMatch(/^Built with Llama\./);
		}
	});

	it('finds an entry by model id and returns undefined for an unknown one', () => {
		expect(catalogEntry('Llama-3.2-1B-Instruct-q4f32_1-MLC')?.tier).toBe('compact');
		expect(catalogEntry('not-a-model')).toBeUndefined();
	});
});

describe('model recommendation', () => {
	it('recommends a q4f32 build on SwiftShader without shader-f16, and rules out every f16 build', () => {
		const recommended = recommend(swiftShader);
		expect(recommended?.quantization).toBe('q4f32_1');
		expect(recommended?.tier).toBe('compact');
		for (const a of assessCatalog(swiftShader).filter((a) => a.entry.quantization === 'q4f16_1')) {
			expect(a.canRun).toBe(false);
			expect(a.reasons.join(' ')).toMatch(/shader-f16/);
		}
	});

	it('recommends a large q4f16 build when shader-f16 and 16 GB of memory are present', () => {
		const recommended = recommend(profile({ deviceMemoryGB: 16 }));
		expect(recommended?.tier).toBe('large');
		expect(recommended?.quantization).toBe('q4f16_1');
	});

	it('recommends the standard tier on an integrated 8 GB laptop, since half its memory is planned for', () => {
		expect(recommend(profile())?.tier).toBe('standard');
		const large = assessCatalog(profile()).filter((a) => a.entry.tier === 'large');
		expect(large.every((a) => !a.canRun && a.reasons.some((r) => /graphics memory/.test(r)))).toBe(true);
	});

	it('assumes a mid-range laptop when the browser does not report memory', () => {
		expect(recommend(profile({ deviceMemoryGB: null }))?.tier).toBe('standard');
	});

	it('allows the large tier on a dedicated graphics card even though the browser caps memory at 8 GB', () => {
		const nvidia = profile({ adapter: { vendor: 'nvidia', architecture: 'ampere', description: '', isFallbackAdapter: false } });
		expect(recommend(nvidia)?.modelId).toBe('Llama-3.1-8B-Instruct-q4f16_1-MLC');
	});

	it('recommends only the compact tier on a tablet, even one with plenty of memory', () => {
		expect(recommend(profile({ isMobileLike: true, deviceMemoryGB: 16 }))?.tier).toBe('compact');
	});

	it('recommends nothing without WebGPU, and every entry says why', () => {
		const noGpu = profile({ webgpu: false, features: [], maxBufferSize: 0, maxStorageBufferBindingSize: 0, adapter: null });
		expect(recommend(noGpu)).toBeNull();
		for (const a of assessCatalog(noGpu)) {
			expect(a.canRun).toBe(false);
			expect(a.reasons.join(' ')).toMatch(/WebGPU/);
		}
	});

	it('rules out models whose buffers exceed a small storage-buffer limit, and keeps those that fit', () => {
		const small = profile({ deviceMemoryGB: 16, maxStorageBufferBindingSize: WEBLLM_MIN_STORAGE_BUFFER_BINDING_SIZE });
		const byId = new Map(assessCatalog(small).map((a) => [a.entry.modelId, a]));
		expect(byId.get('Llama-3.2-1B-Instruct-q4f16_1-MLC')?.canRun).toBe(true);
		const threeB = byId.get('Llama-3.2-3B-Instruct-q4f16_1-MLC')!;
		expect(threeB.canRun).toBe(false);
		expect(threeB.reasons.join(' ')).toMatch(/buffers/);
		expect(recommend(small)?.tier).toBe('compact');
	});

	it('honours WebLLM’s own buffer requirement where a model has one', () => {
		const needy: CatalogEntry = { ...MODEL_CATALOG[0]!, modelId: 'needy', bufferSizeRequiredBytes: 512 * MiB };
		const [assessment] = assessCatalog(profile({ maxStorageBufferBindingSize: 256 * MiB }), [needy]);
		expect(assessment?.canRun).toBe(false);
		expect(recommend(profile({ maxStorageBufferBindingSize: GiB }), [needy])?.modelId).toBe('needy');
	});

	it('rules out everything when the buffer limits are below what WebLLM needs to start', () => {
		const tiny = profile({ maxBufferSize: 64 * MiB, maxStorageBufferBindingSize: 64 * MiB });
		expect(recommend(tiny)).toBeNull();
		expect(assessCatalog(tiny).every((a) => !a.canRun && a.reasons.length > 0)).toBe(true);
	});
});

describe('model specs for the engine', () => {
	const entry = catalogEntry('Llama-3.2-1B-Instruct-q4f32_1-MLC')!;

	it('builds the exact practice-server URLs under /model-artifacts/', () => {
		const spec = toModelSpec(entry, { kind: 'practice', origin: 'https://notes.practice.example/' });
		expect(spec.modelUrl).toBe('https://notes.practice.example/model-artifacts/Llama-3.2-1B-Instruct-q4f32_1-MLC');
		expect(spec.modelLibUrl).toBe(
			'https://notes.practice.example/model-artifacts/libs/Llama-3.2-1B-Instruct-q4f32_1_cs1k-webgpu.wasm'
		);
		expect(spec).toMatchObject({ modelId: entry.modelId, contextWindow: 4096, vramRequiredMB: entry.vramRequiredMB });
	});

	it('builds hub URLs that equal WebLLM’s own for the public hub', () => {
		const spec = toModelSpec(entry, { kind: 'hub', ...WEBLLM_PUBLIC_HUB });
		const record = prebuiltAppConfig.model_list.find((r) => r.model_id === entry.modelId)!;
		expect(spec.modelUrl).toBe(record.model);
		expect(spec.modelLibUrl).toBe(record.model_lib);
	});

	it('refuses a relative origin, since WebLLM would resolve it against the wrong place', () => {
		expect(() => toModelSpec(entry, { kind: 'practice', origin: '/tacit' })).toThrow();
	});
});

describe('device description', () => {
	it('names software graphics and the missing half-precision shaders in plain words', () => {
		const text = describeDevice(swiftShader).join('\n');
		expect(text).toMatch(/SwiftShader \(software\)/);
		expect(text).toMatch(/shader-f16\): not available/);
		expect(text).toMatch(/Memory: about 8 GB/);
	});

	it('says when memory is not reported and when WebGPU is missing', () => {
		const text = describeDevice(profile({ webgpu: false, adapter: null, deviceMemoryGB: null })).join('\n');
		expect(text).toMatch(/does not offer WebGPU/);
		expect(text).toMatch(/not reported by this browser/);
	});
});
