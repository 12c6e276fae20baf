import type { ModelSpec } from './engine';

/**
 * Which files make up a model, where WebLLM looks for each one, and what each must look like.
 * WebLLM keys its Cache Storage entries by absolute URL in three caches; Tacit writes exactly
 * those entries, so WebLLM's own `hasModelInCache` and `reload` find the files it delivered.
 */
export type CacheScope = 'webllm/model' | 'webllm/config' | 'webllm/wasm';

export interface ModelFile {
	url: string;
	cache: CacheScope;
	/** Known before download for weight shards (from tensor-cache.json); null for small files. */
	bytes: number | null;
	md5?: string;
	sri?: string;
	label: string;
}

export interface TensorCacheManifest {
	records: { dataPath: string; nbytes: number; md5sum?: string }[];
}

export interface ChatConfig {
	tokenizer_files?: string[];
}

/** Optional per-file hashes written by `npm run model:fetch` (model-artifacts/<id>/tacit-manifest.json). */
export interface TacitManifest {
	files: { path: string; bytes: number; sri: string }[];
}

/** WebLLM's rule: the model URL gains `resolve/main/` unless it already names a revision. */
export function resolvedModelUrl(modelUrl: string): string {
	let url = modelUrl.endsWith('/') ? modelUrl : `${modelUrl}/`;
	if (!/.+\/resolve\/.+\//.test(url)) url += 'resolve/main/';
	return new URL(url).href;
}

export const configUrl = (spec: ModelSpec) => new URL('mlc-chat-config.json', resolvedModelUrl(spec.modelUrl)).href;
export const tensorCacheUrl = (spec: ModelSpec) => new URL('tensor-cache.json', resolvedModelUrl(spec.modelUrl)).href;

/** The tokenizer file WebLLM will read: tokenizer.json when listed, else tokenizer.model. */
export function tokenizerFile(config: ChatConfig): string {
	const files = config.tokenizer_files ?? ['tokenizer.json'];
	return files.includes('tokenizer.json') ? 'tokenizer.json' : 'tokenizer.model';
}

export function planModelFiles(
	spec: ModelSpec,
	config: ChatConfig,
	tensors: TensorCacheManifest,
	manifest: TacitManifest | null
): ModelFile[] {
	const base = resolvedModelUrl(spec.modelUrl);
	const sriOf = (path: string) => manifest?.files.find((f) => f.path === path)?.sri;
	const tokenizer = tokenizerFile(config);
	const files: ModelFile[] = [
		{ url: configUrl(spec), cache: 'webllm/config', bytes: null, sri: sriOf('mlc-chat-config.json'), label: 'Model settings' },
		{ url: tensorCacheUrl(spec), cache: 'webllm/model', bytes: null, sri: sriOf('tensor-cache.json'), label: 'Weight index' },
		{ url: new URL(tokenizer, base).href, cache: 'webllm/model', bytes: null, sri: sriOf(tokenizer), label: 'Tokenizer' },
		{ url: spec.modelLibUrl, cache: 'webllm/wasm', bytes: null, sri: manifest?.files.find((f) => f.path.endsWith('.wasm'))?.sri, label: 'Model program' }
	];
	tensors.records.forEach((record, i) => {
		files.push({
			url: new URL(record.dataPath, base).href,
			cache: 'webllm/model',
			bytes: record.nbytes,
			md5: record.md5sum,
			label: `Weights, part ${i + 1} of ${tensors.records.length}`
		});
	});
	return files;
}
