import { AppError } from '$lib/domain/core/app-error';
import { utf8 } from '$lib/domain/core/encoding';
import type { Argon2Runner } from './kdf';
import { newKdfParams, type KdfParams } from './kdf-params';
import type { DataKey } from './keys';

/**
 * PIN unlock: after the passphrase has opened the vault in this tab, a short PIN can reopen it
 * after a lock (by hand, idle, client mode, another tab), until the tab is closed or reloaded.
 * The passphrase stays the root: nothing here is written to disk, so a reload or a browser
 * restart asks for it again. (A passkey, whose secret lives in the authenticator, is a keyring
 * wrap instead and survives reloads: see addPasskeyWrap in keyring.ts.)
 *
 * Two layers protect the data key. The inner one is a random AES key made for this tab that
 * cannot be exported: script (or a heap snapshot) never sees its bytes, so the wrapped data
 * key cannot be attacked offline. The outer one is the PIN, through Argon2id. Five wrong PINs
 * forget it; the passphrase is then needed.
 */
export const PIN_ATTEMPTS = 5;
export const MIN_PIN_DIGITS = 6;

const AES = { name: 'AES-GCM', length: 256 } as const;

interface Layer {
	iv: Uint8Array<ArrayBuffer>;
	sealed: ArrayBuffer;
}

interface Armed {
	profileId: string;
	/** This tab's non-extractable key, and the data key wrapped under it. */
	tabKey: CryptoKey;
	innerIv: Uint8Array<ArrayBuffer>;
	pin: Layer & { kdf: KdfParams };
	attemptsLeft: number;
}

export interface QuickUnlockState {
	profileId: string;
	attemptsLeft: number;
}

export function validPin(pin: string): boolean {
	return new RegExp(`^\\d{${MIN_PIN_DIGITS},12}$`).test(pin);
}

async function aesFrom(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
	try {
		return await crypto.subtle.importKey('raw', raw, AES, false, ['encrypt', 'decrypt']);
	} finally {
		raw.fill(0);
	}
}

async function pinKey(pin: string, kdf: KdfParams, argon2: Argon2Runner): Promise<CryptoKey> {
	return aesFrom(await argon2(utf8(pin), kdf));
}

async function seal(key: CryptoKey, plain: ArrayBuffer): Promise<Layer> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	return { iv, sealed: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain) };
}

export class QuickUnlock {
	#armed: Armed | null = null;
	readonly #argon2: Argon2Runner;

	constructor(argon2: Argon2Runner) {
		this.#argon2 = argon2;
	}

	get state(): QuickUnlockState | null {
		const a = this.#armed;
		return a ? { profileId: a.profileId, attemptsLeft: a.attemptsLeft } : null;
	}

	/** Wraps an extractable copy of the data key under a fresh tab key, then under the PIN. */
	async armPin(profileId: string, extractable: DataKey, pin: string, kdfCost?: Parameters<typeof newKdfParams>[0]): Promise<void> {
		if (!validPin(pin)) throw new AppError('vault/pin-invalid');
		const tabKey = await crypto.subtle.generateKey(AES, false, ['wrapKey', 'unwrapKey']);
		const innerIv = crypto.getRandomValues(new Uint8Array(12));
		const inner = await crypto.subtle.wrapKey('raw', extractable, tabKey, { name: 'AES-GCM', iv: innerIv });
		const kdf = newKdfParams(kdfCost);
		const layer = await seal(await pinKey(pin, kdf, this.#argon2), inner);
		this.#armed = { profileId, tabKey, innerIv, pin: { ...layer, kdf }, attemptsLeft: PIN_ATTEMPTS };
	}

	async unlockWithPin(profileId: string, pin: string): Promise<DataKey> {
		const a = this.#armed;
		if (!a || a.profileId !== profileId) throw new AppError('vault/quick-unlock-off');
		const layer = a.pin;
		// A try is counted before it runs, so tries started side by side cannot exceed the limit.
		if (a.attemptsLeft <= 0) throw new AppError('vault/pin-locked');
		const left = --a.attemptsLeft;
		let inner: ArrayBuffer;
		try {
			inner = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: layer.iv }, await pinKey(pin, layer.kdf, this.#argon2), layer.sealed);
		} catch {
			if (left <= 0) {
				if (this.#armed === a) this.forget();
				throw new AppError('vault/pin-locked');
			}
			throw new AppError('vault/wrong-pin', { attemptsLeft: left });
		}
		a.attemptsLeft = PIN_ATTEMPTS;
		return this.#open(a, inner);
	}

	async #open(a: Armed, inner: ArrayBuffer): Promise<DataKey> {
		return (await crypto.subtle.unwrapKey('raw', inner, a.tabKey, { name: 'AES-GCM', iv: a.innerIv }, AES, false, ['encrypt', 'decrypt'])) as DataKey;
	}

	/** Forgets the PIN: the passphrase is needed again. */
	forget(): void {
		this.#armed = null;
	}
}
