import { argon2InProcess } from '$lib/vault/kdf';
import { KDF_MINIMUM } from '$lib/vault/kdf-params';
import type { KeyringDeps } from '$lib/vault/keyring';

/** Real Argon2id at OWASP's minimum cost, so the suite stays fast without weakening the code path. */
export const fastDeps: KeyringDeps = { argon2: argon2InProcess, kdfCost: KDF_MINIMUM };

export const PASSPHRASE = 'lantern orchard velvet 42';
