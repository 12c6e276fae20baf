import { formatBytes, hasShaderF16, isSoftwareAdapter, type DeviceProfile } from '$lib/domain/models/model-recommendation';

/**
 * Reads what this browser and graphics processor offer, without creating a GPU device, so the
 * settings page can recommend a model before anything is downloaded. It never throws: every
 * failure reads as "no WebGPU", which is what the rest of the app already handles.
 */

/** requestAdapter can stall on broken drivers; past this the device is treated as having none. */
const ADAPTER_TIMEOUT_MS = 8000;

interface NavigatorWithDeviceHints {
	gpu?: GPU;
	deviceMemory?: number;
	maxTouchPoints?: number;
}

/** Older Chromium exposed these on the adapter itself rather than on `adapter.info`. */
interface AdapterWithLegacyFields {
	info?: Partial<GPUAdapterInfo>;
	isFallbackAdapter?: boolean;
}

export async function checkDevice(): Promise<DeviceProfile> {
	const nav: NavigatorWithDeviceHints = typeof navigator === 'undefined' ? {} : navigator;
	const base: DeviceProfile = {
		webgpu: false,
		features: [],
		maxBufferSize: 0,
		maxStorageBufferBindingSize: 0,
		deviceMemoryGB: typeof nav.deviceMemory === 'number' && nav.deviceMemory > 0 ? nav.deviceMemory : null,
		adapter: null,
		isMobileLike: isMobileLike(nav)
	};
	if (!nav.gpu) return base;
	try {
		// The same power preference WebLLM asks for, so this sees the adapter the model will use.
		const adapter = await withTimeout(nav.gpu.requestAdapter({ powerPreference: 'high-performance' }), ADAPTER_TIMEOUT_MS);
		if (!adapter) return base;
		const legacy = adapter as unknown as AdapterWithLegacyFields;
		const info = legacy.info ?? {};
		return {
			...base,
			webgpu: true,
			features: [...adapter.features],
			maxBufferSize: adapter.limits.maxBufferSize,
			maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
			adapter: {
				vendor: info.vendor ?? '',
				architecture: info.architecture ?? '',
				description: info.description ?? '',
				isFallbackAdapter: info.isFallbackAdapter ?? legacy.isFallbackAdapter ?? false
			}
		};
	} catch {
		return base;
	}
}

function isMobileLike(nav: NavigatorWithDeviceHints): boolean {
	const touch = (nav.maxTouchPoints ?? 0) > 1;
	const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
	return touch && coarse;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => resolve(null), ms);
		promise.then(
			(value) => {
				clearTimeout(timer);
				resolve(value);
			},
			(error: unknown) => {
				clearTimeout(timer);
				reject(error);
			}
		);
	});
}

/** The device facts in plain sentences for the "This device" panel; no jargon without a gloss. */
export function describeDevice(profile: DeviceProfile): string[] {
	const lines: string[] = [];
	if (!profile.webgpu) {
		lines.push(
			'Graphics: this browser does not offer WebGPU, so the AI model cannot run here. Everything else works, and drafting uses the outline.'
		);
	} else {
		const name = graphicsName(profile);
		lines.push(
			isSoftwareAdapter(profile)
				? `Graphics: ${name} (software). It works, but much more slowly than a graphics card, so only the compact model is recommended.`
				: `Graphics: ${name}.`
		);
		lines.push(
			hasShaderF16(profile)
				? 'Half-precision shaders (shader-f16): available. The faster models marked f16 can be used.'
				: 'Half-precision shaders (shader-f16): not available. Models marked f32 will be used.'
		);
		lines.push(
			`Largest graphics buffer: about ${formatBytes(Math.min(profile.maxBufferSize, profile.maxStorageBufferBindingSize))}.`
		);
	}
	if (profile.deviceMemoryGB === null) {
		lines.push('Memory: not reported by this browser. Tacit assumes a mid-range device.');
	} else if (profile.deviceMemoryGB === 8) {
		lines.push(`Memory: about ${profile.deviceMemoryGB} GB (browsers report 8 GB at most, so there may be more).`);
	} else {
		lines.push(`Memory: about ${profile.deviceMemoryGB} GB.`);
	}
	if (profile.isMobileLike) {
		lines.push('Device type: tablet or phone. Tacit recommends the compact model here.');
	}
	return lines;
}

function graphicsName(profile: DeviceProfile): string {
	const a = profile.adapter;
	if (!a) return 'unnamed graphics processor';
	if (/swiftshader/i.test(`${a.vendor} ${a.architecture} ${a.description}`)) return 'SwiftShader';
	if (a.description) return a.description;
	const parts = [VENDOR_NAMES[a.vendor.toLowerCase()] ?? a.vendor, a.architecture].filter(Boolean);
	return parts.length > 0 ? parts.join(' ') : 'unnamed graphics processor';
}

/** adapter.info gives lower-case vendor ids; these are the names people know. */
const VENDOR_NAMES: Readonly<Record<string, string>> = {
	nvidia: 'NVIDIA',
	amd: 'AMD',
	intel: 'Intel',
	apple: 'Apple',
	qualcomm: 'Qualcomm',
	arm: 'Arm',
	google: 'Google'
};
