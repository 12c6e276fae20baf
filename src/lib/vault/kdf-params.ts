import { AppError } from '$lib/domain/core/app-error';

/**
 * Argon2id parameters, versioned like a protocol: a version's numbers are frozen once
 * shipped, and a vault stores the version and numbers it was made with. New vaults use
 * CURRENT_KDF; stronger versions can be added later and applied on the next passphrase change.
 */
export interface KdfParams {
	readonly version: number;
	readonly algorithm: 'argon2id';
	readonly memoryKiB: number;
	readonly iterations: number;
	readonly parallelism: number;
	readonly salt: Uint8Array<ArrayBuffer>;
}

type KdfCost = Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>;

/** v1: 128 MiB, 3 passes. About 0.6 s in Chromium on a 2-core machine (see `npm run bench`). */
export const KDF_VERSIONS: Readonly<Record<number, KdfCost>> = Object.freeze({
	1: Object.freeze({ memoryKiB: 128 * 1024, iterations: 3, parallelism: 1 })
});
export const CURRENT_KDF_VERSION = 1;

/** OWASP's minimum for Argon2id: m = 19 MiB, t = 2, p = 1. Nothing weaker is ever accepted. */
export const KDF_MINIMUM: Readonly<KdfCost> = Object.freeze({ memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 });
/** Upper bounds stop a tampered vault from freezing the device with absurd costs. */
const KDF_MAXIMUM: Readonly<KdfCost> = Object.freeze({ memoryKiB: 1024 * 1024, iterations: 20, parallelism: 4 });
const SALT_BYTES = 16;

export function newKdfParams(cost: KdfCost = KDF_VERSIONS[CURRENT_KDF_VERSION]!): KdfParams {
	const params: KdfParams = {
		version: CURRENT_KDF_VERSION,
		algorithm: 'argon2id',
		...cost,
		salt: crypto.getRandomValues(new Uint8Array(SALT_BYTES))
	};
	return validateKdfParams(params);
}

/**
 * Checks stored parameters before any key is derived with them. Refusing weaker numbers
 * blocks a downgrade attack: someone with write access to the device lowering the cost so
 * the next unlock produces a key that is cheap to brute-force offline.
 */
export function validateKdfParams(params: unknown): KdfParams {
	const p = params as Partial<KdfParams> | null;
	if (!p || typeof p !== 'object') throw new AppError('vault/keyring-missing');
	if (p.algorithm !== 'argon2id' || typeof p.version !== 'number') {
		throw new AppError('vault/kdf-unsupported', { version: String(p.version) });
	}
	if (!(p.version in KDF_VERSIONS)) {
		throw new AppError('vault/kdf-unsupported', { version: p.version });
	}
	const numbers = [p.memoryKiB, p.iterations, p.parallelism];
	if (!numbers.every((n) => Number.isInteger(n))) throw new AppError('vault/kdf-too-weak');
	if (
		p.memoryKiB! < KDF_MINIMUM.memoryKiB ||
		p.iterations! < KDF_MINIMUM.iterations ||
		p.parallelism! < KDF_MINIMUM.parallelism
	) {
		throw new AppError('vault/kdf-too-weak', {
			memoryKiB: p.memoryKiB!,
			iterations: p.iterations!,
			parallelism: p.parallelism!
		});
	}
	if (
		p.memoryKiB! > KDF_MAXIMUM.memoryKiB ||
		p.iterations! > KDF_MAXIMUM.iterations ||
		p.parallelism! > KDF_MAXIMUM.parallelism
	) {
		throw new AppError('vault/kdf-unsupported', { reason: 'cost-too-high' });
	}
	if (!(p.salt instanceof Uint8Array) || p.salt.length < SALT_BYTES) {
		throw new AppError('vault/kdf-too-weak', { reason: 'salt' });
	}
	return p as KdfParams;
}
