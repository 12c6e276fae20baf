import { AppError } from '../core/app-error';
import { MODEL_CATALOG, TIER_ORDER, type CatalogEntry } from './model-catalog';
import type { ModelSpec } from './model-spec';

/**
 * Which catalog models this device can run, which one to offer first, and why the others will
 * not work, in words a clinician can act on. Pure, so every rule is tested without a GPU; the
 * browser facts arrive as a `DeviceProfile` from `checkDevice()`.
 */

export interface GpuAdapterSummary {
	vendor: string;
	architecture: string;
	description: string;
	isFallbackAdapter: boolean;
}

export interface DeviceProfile {
	webgpu: boolean;
	features: string[];
	maxBufferSize: number;
	maxStorageBufferBindingSize: number;
	/** navigator.deviceMemory: rounded, and capped at 8 by Chromium; null where not reported. */
	deviceMemoryGB: number | null;
	adapter: GpuAdapterSummary | null;
	isMobileLike: boolean;
}

export interface EntryAssessment {
	entry: CatalogEntry;
	canRun: boolean;
	/** Why it cannot run; empty when it can. */
	reasons: string[];
}

export interface MemoryBudget {
	/** Graphics memory Tacit plans to use on this device. */
	budgetMB: number;
	/** How the budget was reached, as a sentence. */
	basis: string;
}

export type ModelSource =
	| { kind: 'practice'; origin: string }
	| { kind: 'hub'; hubBaseUrl: string; hubLibBaseUrl: string };

const MiB = 1024 * 1024;
/** Below these WebLLM refuses to start at all (it asks for 1 GiB and falls back to these). */
export const WEBLLM_MIN_MAX_BUFFER_SIZE = 256 * MiB;
export const WEBLLM_MIN_STORAGE_BUFFER_BINDING_SIZE = 128 * MiB;

/**
 * Integrated graphics share system memory with the browser, the OS and other apps, so only half
 * of what the device reports is planned for. Unknown memory is assumed to be a mid-range device.
 */
const SHARED_MEMORY_FRACTION = 0.5;
const ASSUMED_LAPTOP_GB = 8;
const ASSUMED_TABLET_GB = 4;
/** A dedicated card is assumed to have 8 GB, of which 6 GB is planned for. */
const DISCRETE_CARD_BUDGET_MB = 6 * 1024;

export function isSoftwareAdapter(profile: DeviceProfile): boolean {
	const a = profile.adapter;
	if (!a) return false;
	if (a.isFallbackAdapter) return true;
	return /swiftshader|llvmpipe|lavapipe|software|basic render/i.test(`${a.vendor} ${a.architecture} ${a.description}`);
}

/** NVIDIA exposes only dedicated cards to WebGPU in practice; others are named in the description. */
export function isLikelyDiscreteGpu(profile: DeviceProfile): boolean {
	const a = profile.adapter;
	if (!a || isSoftwareAdapter(profile)) return false;
	if (/nvidia/i.test(a.vendor)) return true;
	return /geforce|quadro|rtx|radeon\s*(rx|pro)|arc\s*a\d/i.test(a.description);
}

export function hasShaderF16(profile: DeviceProfile): boolean {
	return profile.features.includes('shader-f16');
}

export function memoryBudget(profile: DeviceProfile): MemoryBudget {
	const reported = profile.deviceMemoryGB;
	const assumedGB = profile.isMobileLike ? ASSUMED_TABLET_GB : ASSUMED_LAPTOP_GB;
	const gb = reported ?? assumedGB;
	const sharedMB = Math.round(gb * 1024 * SHARED_MEMORY_FRACTION);
	if (isLikelyDiscreteGpu(profile) && DISCRETE_CARD_BUDGET_MB > sharedMB) {
		return {
			budgetMB: DISCRETE_CARD_BUDGET_MB,
			basis: `This device appears to have a dedicated graphics card; Tacit plans on about ${formatMegabytes(DISCRETE_CARD_BUDGET_MB)} of its memory.`
		};
	}
	const source =
		reported === null
			? `this browser does not report memory, so Tacit assumes a mid-range ${profile.isMobileLike ? 'tablet' : 'laptop'} with ${gb} GB`
			: `the browser reports about ${gb} GB`;
	return {
		budgetMB: sharedMB,
		basis: `Tacit plans on about ${formatMegabytes(sharedMB)} of graphics memory: half of the total, because ${source}.`
	};
}

export function assessEntry(entry: CatalogEntry, profile: DeviceProfile): EntryAssessment {
	if (!profile.webgpu) {
		return {
			entry,
			canRun: false,
			reasons: ['This browser does not offer WebGPU, which every model needs. Drafting uses the outline instead.']
		};
	}
	const reasons: string[] = [];
	const missing = entry.requiredFeatures.filter((feature) => !profile.features.includes(feature));
	if (missing.includes('shader-f16')) {
		reasons.push(
			'Needs half-precision shaders (shader-f16), which this graphics processor does not offer. The f32 build of the same model can run instead.'
		);
	}
	const otherMissing = missing.filter((feature) => feature !== 'shader-f16');
	if (otherMissing.length > 0) {
		reasons.push(`Needs graphics features this device does not offer: ${otherMissing.join(', ')}.`);
	}
	const bufferLimit = Math.min(profile.maxBufferSize, profile.maxStorageBufferBindingSize);
	if (profile.maxBufferSize < WEBLLM_MIN_MAX_BUFFER_SIZE || profile.maxStorageBufferBindingSize < WEBLLM_MIN_STORAGE_BUFFER_BINDING_SIZE) {
		reasons.push(
			`This graphics processor allows buffers of only ${formatBytes(bufferLimit)}, below what the model runtime needs to start.`
		);
	} else {
		const bufferNeed = Math.max(entry.bufferSizeRequiredBytes ?? 0, entry.largestBufferBytes);
		if (bufferNeed > bufferLimit) {
			reasons.push(
				`Needs graphics buffers of about ${formatBytes(bufferNeed)}; this graphics processor allows ${formatBytes(bufferLimit)}.`
			);
		}
	}
	const budget = memoryBudget(profile);
	if (entry.vramRequiredMB > budget.budgetMB) {
		reasons.push(
			`Needs about ${formatMegabytes(entry.vramRequiredMB)} of graphics memory, more than this device can safely give it. ${budget.basis}`
		);
	}
	return { entry, canRun: reasons.length === 0, reasons };
}

export function assessCatalog(profile: DeviceProfile, catalog: readonly CatalogEntry[] = MODEL_CATALOG): EntryAssessment[] {
	return catalog.map((entry) => assessEntry(entry, profile));
}

/**
 * The best model to offer first: the largest tier that runs, f16 before f32 (faster, smaller),
 * and catalog order within that. Tablets and software graphics get the compact tier only, since
 * a bigger model there would be too slow for use in a session.
 */
export function recommend(profile: DeviceProfile, catalog: readonly CatalogEntry[] = MODEL_CATALOG): CatalogEntry | null {
	const compactOnly = profile.isMobileLike || isSoftwareAdapter(profile);
	const runnable = assessCatalog(profile, catalog)
		.filter((a) => a.canRun && (!compactOnly || a.entry.tier === 'compact'))
		.map((a) => a.entry);
	const preferF16 = hasShaderF16(profile);
	const rank = (entry: CatalogEntry) =>
		TIER_ORDER.indexOf(entry.tier) * 2 + ((entry.quantization === 'q4f16_1') === preferF16 ? 1 : 0);
	let best: CatalogEntry | null = null;
	for (const entry of runnable) {
		if (best === null || rank(entry) > rank(best)) best = entry;
	}
	return best;
}

/** The engine's view of a catalog entry, read from the practice server or from a public hub. */
export function toModelSpec(entry: CatalogEntry, source: ModelSource): ModelSpec {
	const modelUrl =
		source.kind === 'practice'
			? `${absoluteBase(source.origin)}/model-artifacts/${entry.modelId}`
			: `${absoluteBase(source.hubBaseUrl)}/${entry.hubRepo}`;
	const modelLibUrl =
		source.kind === 'practice'
			? `${absoluteBase(source.origin)}/model-artifacts/libs/${entry.libraryFile}`
			: `${absoluteBase(source.hubLibBaseUrl)}/${entry.libraryFile}`;
	return {
		modelId: entry.modelId,
		modelUrl,
		modelLibUrl,
		contextWindow: entry.contextWindow,
		requiredFeatures: entry.requiredFeatures,
		vramRequiredMB: entry.vramRequiredMB
	};
}

/** WebLLM resolves model files against these URLs, so a relative one would silently misload. */
function absoluteBase(base: string): string {
	let parsed: URL;
	try {
		parsed = new URL(base);
	} catch {
		throw new AppError('app/unexpected', { reason: 'model-source-not-absolute' });
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		throw new AppError('app/unexpected', { reason: 'model-source-not-http' });
	}
	return base.replace(/\/+$/, '');
}

/** Sizes rounded the way a person reads them: "880 MB", "2.2 GB". */
export function formatMegabytes(mb: number): string {
	if (mb >= 1000) return `${(mb / 1024).toFixed(1)} GB`;
	return `${Math.round(mb / 10) * 10} MB`;
}

/** Buffer limits are usually whole powers of two, so below 1000 MB they are shown exactly. */
export function formatBytes(bytes: number): string {
	const mb = bytes / MiB;
	return mb >= 1000 ? formatMegabytes(mb) : `${Math.round(mb)} MB`;
}
