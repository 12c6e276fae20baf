import { argon2id } from 'hash-wasm';
import type { KdfParams } from './kdf-params';

/**
 * Runs Argon2id. In the app this runs in a Web Worker (kdf-worker.ts) so the UI never
 * freezes; in unit tests and the worker itself it runs in-process.
 */
export type Argon2Runner = (password: Uint8Array, params: KdfParams) => Promise<Uint8Array<ArrayBuffer>>;

export const argon2InProcess: Argon2Runner = async (password, params) => {
	const out = await argon2id({
		password,
		salt: params.salt,
		memorySize: params.memoryKiB,
		iterations: params.iterations,
		parallelism: params.parallelism,
		hashLength: 32,
		outputType: 'binary'
	});
	return new Uint8Array(out);
};
