import { toAppError, type AppError } from '$lib/domain/core/app-error';
import type { CatalogEntry } from '$lib/domain/models/model-catalog';
import type { ModelSpec } from '$lib/inference/engine';
import { deleteModelFiles, deliverModel, type DeliveryProgress } from '$lib/inference/model-delivery';

export type DeliveryState = 'idle' | 'downloading' | 'paused' | 'done' | 'failed';

/**
 * One model download as the settings page shows it: progress, pause (keeps what arrived),
 * cancel (removes it), and the error a clinician reads. Only one download runs at a time.
 */
export class ModelDownload {
	state = $state<DeliveryState>('idle');
	progress = $state<DeliveryProgress | null>(null);
	error = $state<AppError | null>(null);
	modelId = $state<string | null>(null);
	#controller: AbortController | null = null;
	#intent: 'pause' | 'cancel' | null = null;
	#spec: ModelSpec | null = null;

	async start(entry: CatalogEntry, spec: ModelSpec): Promise<boolean> {
		if (this.state === 'downloading') return false;
		this.#controller = new AbortController();
		this.#intent = null;
		this.#spec = spec;
		this.modelId = entry.modelId;
		this.state = 'downloading';
		this.error = null;
		try {
			await deliverModel(spec, {
				expectedBytes: entry.downloadSizeMB * 1e6,
				signal: this.#controller.signal,
				onProgress: (p) => (this.progress = p)
			});
			this.state = 'done';
			return true;
		} catch (e) {
			if (this.#intent === 'pause') {
				this.state = 'paused';
			} else if (this.#intent === 'cancel') {
				await deleteModelFiles(spec).catch(() => undefined);
				this.state = 'idle';
				this.progress = null;
			} else {
				this.error = toAppError(e);
				this.state = 'failed';
			}
			return false;
		} finally {
			this.#controller = null;
		}
	}

	pause(): void {
		this.#intent = 'pause';
		this.#controller?.abort();
	}

	/** Stops and removes everything this download stored, finished files included. */
	async cancel(): Promise<void> {
		this.#intent = 'cancel';
		if (this.#controller) {
			this.#controller.abort();
			return;
		}
		if (this.#spec) await deleteModelFiles(this.#spec).catch(() => undefined);
		this.state = 'idle';
		this.progress = null;
	}
}
