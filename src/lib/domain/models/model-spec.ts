/** What an engine's `load` needs to know about a model; built from a catalog entry and the chosen source. */
export interface ModelSpec {
	/** WebLLM model id, e.g. "Llama-3.2-1B-Instruct-q4f32_1-MLC". */
	modelId: string;
	/** Absolute URL of the model folder; WebLLM appends `resolve/main/`. */
	modelUrl: string;
	/** Absolute URL of the model library (.wasm). */
	modelLibUrl: string;
	contextWindow: number;
	requiredFeatures: readonly string[];
	vramRequiredMB: number;
}
