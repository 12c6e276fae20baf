import * as Comlink from 'comlink';
import type { StrengthWorkerApi } from '$workers/strength.worker';
import type { StrengthHint } from '$lib/domain/passphrase/passphrase-strength';

/**
 * Strength hints for a passphrase being chosen, computed in a worker that lives only as long
 * as the form: the estimator's own memory of the last passphrase ends with `close()`, so after
 * the vault is created nothing in the page still holds it.
 */
export class StrengthEstimator {
	#worker: Worker | null = null;
	#api: Comlink.Remote<StrengthWorkerApi> | null = null;

	hint(passphrase: string): Promise<StrengthHint> {
		if (!this.#api) {
			this.#worker = new Worker(new URL('../../../workers/strength.worker.ts', import.meta.url), {
				type: 'module',
				name: 'tacit-strength'
			});
			this.#api = Comlink.wrap<StrengthWorkerApi>(this.#worker);
		}
		return this.#api.hint(passphrase);
	}

	close(): void {
		this.#api?.[Comlink.releaseProxy]();
		this.#worker?.terminate();
		this.#worker = null;
		this.#api = null;
	}
}
