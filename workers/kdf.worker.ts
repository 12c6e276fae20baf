/// <reference lib="webworker" />
// Key derivation off the main thread: Argon2id takes most of a second by design.
import * as Comlink from 'comlink';
import { argon2InProcess } from '../src/lib/vault/kdf';
import type { KdfParams } from '../src/lib/vault/kdf-params';

const api = {
	async derive(password: Uint8Array, params: KdfParams): Promise<Uint8Array> {
		try {
			const key = await argon2InProcess(password, params);
			return Comlink.transfer(key, [key.buffer]);
		} finally {
			password.fill(0);
		}
	}
};

export type KdfWorkerApi = typeof api;
Comlink.expose(api);
