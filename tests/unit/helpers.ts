import { AppError } from '$lib/domain/core/app-error';
import { argon2InProcess } from '$lib/vault/kdf';
import { KDF_MINIMUM } from '$lib/vault/kdf-params';
import type { KeyringDeps } from '$lib/vault/keyring';

/** Real Argon2id at OWASP's minimum cost, so the suite stays fast without weakening the code path. */
export const fastDeps: KeyringDeps = { argon2: argon2InProcess, kdfCost: KDF_MINIMUM };

export const PASSPHRASE = 'lantern orchard velvet 42';

/** The error code a promise rejects with ('resolved' when it does not reject). */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
	try {
		await promise;
	} catch (e) {
		return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
	}
	return 'resolved';
}
