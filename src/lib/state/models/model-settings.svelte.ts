import { catalogEntry, MODEL_CATALOG, WEBLLM_PUBLIC_HUB, type CatalogEntry } from '$lib/domain/models/model-catalog';
import { recommend, toModelSpec, type DeviceProfile, type ModelSource } from '$lib/domain/models/model-recommendation';
import { checkDevice } from '$lib/inference/device-check';
import type { ModelSpec } from '$lib/inference/engine';
import { deleteModelFiles, isModelStored, storedModelBytes } from '$lib/inference/model-delivery';
import { hasModelInCache } from '$lib/inference/webllm-engine';
import { ModelDownload } from './model-delivery.svelte';

export type SourceKind = 'practice' | 'hub';
const SOURCE_KEY = 'tacit.model-source';

/**
 * The model settings page's state: what this device can run, which model is chosen, where model
 * files come from, what is installed, and the running download. The source preference holds no
 * PHI, so it lives in localStorage; the hub is offered only in builds that allow it.
 */
export class ModelSettings {
	profile = $state<DeviceProfile | null>(null);
	selectedId = $state('');
	installed = $state<{ modelId: string; bytes: number }[]>([]);
	sourceKind = $state<SourceKind>('practice');
	/** After a download: whether WebLLM's own cache check finds every file (null: not checked). */
	verified = $state<{ modelId: string; ok: boolean } | null>(null);
	readonly hubAllowed = __TACIT_MODEL_HUB__;
	readonly download = new ModelDownload();

	recommended = $derived(this.profile ? recommend(this.profile) : null);
	selected = $derived(catalogEntry(this.selectedId) ?? null);

	async start(): Promise<void> {
		const saved = localStorage.getItem(SOURCE_KEY);
		this.sourceKind = this.hubAllowed && saved === 'hub' ? 'hub' : 'practice';
		this.profile = await checkDevice();
		this.selectedId ||= this.recommended?.modelId ?? '';
		await this.refreshInstalled();
	}

	setSource(kind: SourceKind): void {
		this.sourceKind = this.hubAllowed ? kind : 'practice';
		localStorage.setItem(SOURCE_KEY, this.sourceKind);
	}

	source(): ModelSource {
		return this.sourceKind === 'hub'
			? { kind: 'hub', ...WEBLLM_PUBLIC_HUB }
			: { kind: 'practice', origin: window.location.origin };
	}

	spec(entry: CatalogEntry): ModelSpec {
		return toModelSpec(entry, this.source());
	}

	async refreshInstalled(): Promise<void> {
		const found: { modelId: string; bytes: number }[] = [];
		for (const entry of MODEL_CATALOG) {
			const spec = this.spec(entry);
			if (await isModelStored(spec)) found.push({ modelId: entry.modelId, bytes: await storedModelBytes(spec) });
		}
		this.installed = found;
	}

	async startDownload(): Promise<void> {
		const entry = this.selected;
		if (!entry) return;
		this.verified = null;
		const spec = this.spec(entry);
		if (await this.download.start(entry, spec)) {
			this.verified = { modelId: entry.modelId, ok: await hasModelInCache(spec).catch(() => false) };
		}
		await this.refreshInstalled();
	}

	async remove(modelId: string): Promise<void> {
		const entry = catalogEntry(modelId);
		if (!entry) return;
		await deleteModelFiles(this.spec(entry));
		await this.refreshInstalled();
	}
}
