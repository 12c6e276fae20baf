import * as Comlink from 'comlink';
import type { KdfWorkerApi } from '$workers/kdf.worker';
import type { Argon2Runner } from './kdf';

/** The only place that starts the key-derivation worker. One short-lived worker per derivation. */
export const argon2InWorker: Argon2Runner = async (password, params) => {
	const worker = new Worker(new URL('../../../workers/kdf.worker.ts', import.meta.url), {
		type: 'module',
		name: 'tacit-kdf'
	});
	try {
		const api = Comlink.wrap<KdfWorkerApi>(worker);
		const copy = password.slice();
		const out = await api.derive(Comlink.transfer(copy, [copy.buffer]), params);
		return new Uint8Array(out);
	} finally {
		worker.terminate();
	}
};
