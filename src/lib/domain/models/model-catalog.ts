/**
 * The models Tacit offers, as plain data: what each needs from the device and what its licence
 * asks of us. The recommendation, the settings list and the download tooling all read this one
 * list, so a model's facts are written down once. Values come from WebLLM 0.2.86's prebuilt list.
 */

export type ModelTier = 'compact' | 'standard' | 'large';
export type Quantization = 'q4f16_1' | 'q4f32_1';

export interface ModelLicence {
	name: string;
	/** Where a person can read the licence, cited as text (no scheme): the app never links or fetches it. */
	source?: string;
	/** The sentence the licence asks to be shown wherever the model is offered. */
	attribution: string;
}

export interface CatalogEntry {
	/** Exact WebLLM model id; also the folder name under /model-artifacts/. */
	modelId: string;
	/** What a clinician reads, e.g. "Llama 3.2 3B Instruct". */
	displayName: string;
	family: string;
	tier: ModelTier;
	parameters: string;
	quantization: Quantization;
	/** The .wasm file name from WebLLM's model_lib URL. */
	libraryFile: string;
	/** Path of the weights on the Hugging Face hub (the `model` URL without its host). */
	hubRepo: string;
	/** WebLLM's estimate of graphics memory at this context window (weights plus KV cache). */
	vramRequiredMB: number;
	requiredFeatures: readonly string[];
	contextWindow: number;
	/** WebLLM's own minimum storage-buffer binding size, where its list gives one. */
	bufferSizeRequiredBytes?: number;
	/**
	 * Our estimate of the largest single weight buffer the GPU must bind: the 4-bit token
	 * embedding table (vocabulary x hidden size / 2 bytes). A device whose buffer limits are below
	 * this cannot load the model even when it has the memory.
	 */
	largestBufferBytes: number;
	licence: ModelLicence;
	/** Approximate total of the weight shards: parameters x (4 bits + one f16/f32 scale per 32). */
	downloadSizeMB: number;
	/**
	 * SRI hashes ("sha256-…") keyed by file path inside the model folder, plus the library file.
	 * Unknown here (nothing can be fetched at build time); `npm run model:fetch` records them.
	 */
	sri: Readonly<Record<string, string>> | null;
}

/** The public sources WebLLM itself uses; the library version must match the installed runtime. */
export const WEBLLM_PUBLIC_HUB = {
	hubBaseUrl: 'https://huggingface.co',
	hubLibBaseUrl: 'https://raw.githubusercontent.com/mlc-ai/binary-mlc-llm-libs/main/web-llm-models/v0_2_86/base'
} as const;

export const TIER_ORDER: readonly ModelTier[] = ['compact', 'standard', 'large'];

export const TIER_LABELS: Readonly<Record<ModelTier, { name: string; suits: string }>> = {
	compact: { name: 'Compact', suits: 'About 1 billion parameters. Suits tablets and light laptops.' },
	standard: { name: 'Standard', suits: 'About 3 billion parameters. Suits most workstations and recent laptops.' },
	large: { name: 'Large', suits: '7 to 8 billion parameters. Needs a computer with a dedicated graphics card.' }
};

const f16Features = ['shader-f16'] as const;
const noFeatures = [] as const;

// Llama 3.1 / 3.2 Community License, section 1.b: show "Built with Llama" and keep the Notice.
const llama32Licence: ModelLicence = {
	name: 'Llama 3.2 Community License',
	source: 'llama.com/llama3_2/license',
	attribution:
		'Built with Llama. Llama 3.2 is licensed under the Llama 3.2 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.'
};
const llama31Licence: ModelLicence = {
	name: 'Llama 3.1 Community License',
	source: 'llama.com/llama3_1/license',
	attribution:
		'Built with Llama. Llama 3.1 is licensed under the Llama 3.1 Community License, Copyright © Meta Platforms, Inc. All Rights Reserved.'
};
// Qwen2.5-7B-Instruct is Apache-2.0 (unlike Qwen2.5-3B, whose Qwen Research License forbids
// commercial use, which is why the 3B Qwen is not offered to practices).
const qwen25Apache: ModelLicence = {
	name: 'Apache License 2.0',
	source: 'the LICENSE file of Qwen/Qwen2.5-7B-Instruct on the Hugging Face hub',
	attribution: 'Qwen2.5-7B-Instruct by the Qwen team, Alibaba Cloud, licensed under the Apache License 2.0.'
};

const llama3Vocabulary = 128_256;
const qwen25Vocabulary = 152_064;

/** Within a tier, earlier entries are preferred; every tier has a q4f16 and a q4f32 build. */
export const MODEL_CATALOG: readonly CatalogEntry[] = [
	{
		modelId: 'Llama-3.2-1B-Instruct-q4f16_1-MLC',
		displayName: 'Llama 3.2 1B Instruct',
		family: 'Llama 3.2',
		tier: 'compact',
		parameters: '1B',
		quantization: 'q4f16_1',
		libraryFile: 'Llama-3.2-1B-Instruct-q4f16_1_cs1k-webgpu.wasm',
		hubRepo: 'mlc-ai/Llama-3.2-1B-Instruct-q4f16_1-MLC',
		vramRequiredMB: 879.04,
		requiredFeatures: f16Features,
		contextWindow: 4096,
		largestBufferBytes: (llama3Vocabulary * 2048) / 2,
		licence: llama32Licence,
		downloadSizeMB: 700,
		sri: null
	},
	{
		modelId: 'Llama-3.2-1B-Instruct-q4f32_1-MLC',
		displayName: 'Llama 3.2 1B Instruct',
		family: 'Llama 3.2',
		tier: 'compact',
		parameters: '1B',
		quantization: 'q4f32_1',
		libraryFile: 'Llama-3.2-1B-Instruct-q4f32_1_cs1k-webgpu.wasm',
		hubRepo: 'mlc-ai/Llama-3.2-1B-Instruct-q4f32_1-MLC',
		vramRequiredMB: 1128.82,
		requiredFeatures: noFeatures,
		contextWindow: 4096,
		largestBufferBytes: (llama3Vocabulary * 2048) / 2,
		licence: llama32Licence,
		downloadSizeMB: 780,
		sri: null
	},
	{
		modelId: 'Llama-3.2-3B-Instruct-q4f16_1-MLC',
		displayName: 'Llama 3.2 3B Instruct',
		family: 'Llama 3.2',
		tier: 'standard',
		parameters: '3B',
		quantization: 'q4f16_1',
		libraryFile: 'Llama-3.2-3B-Instruct-q4f16_1_cs1k-webgpu.wasm',
		hubRepo: 'mlc-ai/Llama-3.2-3B-Instruct-q4f16_1-MLC',
		vramRequiredMB: 2263.69,
		requiredFeatures: f16Features,
		contextWindow: 4096,
		largestBufferBytes: (llama3Vocabulary * 3072) / 2,
		licence: llama32Licence,
		downloadSizeMB: 1810,
		sri: null
	},
	{
		modelId: 'Llama-3.2-3B-Instruct-q4f32_1-MLC',
		displayName: 'Llama 3.2 3B Instruct',
		family: 'Llama 3.2',
		tier: 'standard',
		parameters: '3B',
		quantization: 'q4f32_1',
		libraryFile: 'Llama-3.2-3B-Instruct-q4f32_1_cs1k-webgpu.wasm',
		hubRepo: 'mlc-ai/Llama-3.2-3B-Instruct-q4f32_1-MLC',
		vramRequiredMB: 2951.51,
		requiredFeatures: noFeatures,
		contextWindow: 4096,
		largestBufferBytes: (llama3Vocabulary * 3072) / 2,
		licence: llama32Licence,
		downloadSizeMB: 2010,
		sri: null
	},
	{
		modelId: 'Llama-3.1-8B-Instruct-q4f16_1-MLC',
		displayName: 'Llama 3.1 8B Instruct',
		family: 'Llama 3.1',
		tier: 'large',
		parameters: '8B',
		quantization: 'q4f16_1',
		libraryFile: 'Llama-3_1-8B-Instruct-q4f16_1_cs1k-webgpu.wasm',
		hubRepo: 'mlc-ai/Llama-3.1-8B-Instruct-q4f16_1-MLC',
		vramRequiredMB: 5001,
		requiredFeatures: f16Features,
		contextWindow: 4096,
		largestBufferBytes: (llama3Vocabulary * 4096) / 2,
		licence: llama31Licence,
		downloadSizeMB: 4520,
		sri: null
	},
	{
		modelId: 'Llama-3.1-8B-Instruct-q4f32_1-MLC',
		displayName: 'Llama 3.1 8B Instruct',
		family: 'Llama 3.1',
		tier: 'large',
		parameters: '8B',
		quantization: 'q4f32_1',
		libraryFile: 'Llama-3_1-8B-Instruct-q4f32_1_cs1k-webgpu.wasm',
		hubRepo: 'mlc-ai/Llama-3.1-8B-Instruct-q4f32_1-MLC',
		vramRequiredMB: 6101.01,
		requiredFeatures: noFeatures,
		contextWindow: 4096,
		largestBufferBytes: (llama3Vocabulary * 4096) / 2,
		licence: llama31Licence,
		downloadSizeMB: 5020,
		sri: null
	},
	{
		modelId: 'Qwen2.5-7B-Instruct-q4f16_1-MLC',
		displayName: 'Qwen2.5 7B Instruct',
		family: 'Qwen2.5',
		tier: 'large',
		parameters: '7B',
		quantization: 'q4f16_1',
		libraryFile: 'Qwen2-7B-Instruct-q4f16_1_cs1k-webgpu.wasm',
		hubRepo: 'mlc-ai/Qwen2.5-7B-Instruct-q4f16_1-MLC',
		vramRequiredMB: 5106.67,
		requiredFeatures: f16Features,
		contextWindow: 4096,
		largestBufferBytes: (qwen25Vocabulary * 3584) / 2,
		licence: qwen25Apache,
		downloadSizeMB: 4290,
		sri: null
	},
	{
		modelId: 'Qwen2.5-7B-Instruct-q4f32_1-MLC',
		displayName: 'Qwen2.5 7B Instruct',
		family: 'Qwen2.5',
		tier: 'large',
		parameters: '7B',
		quantization: 'q4f32_1',
		libraryFile: 'Qwen2-7B-Instruct-q4f32_1_cs1k-webgpu.wasm',
		hubRepo: 'mlc-ai/Qwen2.5-7B-Instruct-q4f32_1-MLC',
		vramRequiredMB: 5900.09,
		requiredFeatures: noFeatures,
		contextWindow: 4096,
		largestBufferBytes: (qwen25Vocabulary * 3584) / 2,
		licence: qwen25Apache,
		downloadSizeMB: 4760,
		sri: null
	}
];

export function catalogEntry(modelId: string): CatalogEntry | undefined {
	return MODEL_CATALOG.find((entry) => entry.modelId === modelId);
}

/** "f16" or "f32": the word the device panel and the list use for a build. */
export function precisionLabel(quantization: Quantization): 'f16' | 'f32' {
	return quantization === 'q4f16_1' ? 'f16' : 'f32';
}
