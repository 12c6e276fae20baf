import * as Comlink from 'comlink';
import type { KdfWorkerApi } from '$workers/kdf.worker';
import { AppError } from '$lib/domain/core/app-error';
import type { Argon2Runner } from './kdf';

/** The only place that starts the key-derivation worker. One short-lived worker per derivation. */
export const argon2InWorker: Argon2Runner = async (password, params) => {
	const worker = new Worker(new URL('../../../workers/kdf.worker.ts', import.meta.url), {
		type: 'module',
		name: 'tacit-kdf'
	});
	// A worker that fails to load or crashes never answers its Comlink call: surface that instead.
	const failed = new Promise<never>((_, reject) => {
		const fail = () => reject(new AppError('vault/kdf-failed'));
		worker.addEventListener('error', fail);
		worker.addEventListener('messageerror', fail);
	});
	try {
		const api = Comlink.wrap<KdfWorkerApi>(worker);
		const copy = password.slice();
		const out = await Promise.race([api.derive(Comlink.transfer(copy, [copy.buffer]), params), failed]);
		return new Uint8Array(out);
	} finally {
		worker.terminate();
	}
};
