import { AppError } from '$lib/domain/core/app-error';
import { utf8 } from '$lib/domain/core/encoding';
import type { Argon2Runner } from './kdf';
import { newKdfParams, type KdfParams } from './kdf-params';
import type { DataKey } from './keys';

/**
 * Quick unlock: after the passphrase has opened the vault in this tab, a PIN or a passkey can
 * reopen it after a lock, until the tab is closed or reloaded. The passphrase stays the root:
 * nothing here is written to disk, so a browser restart (or a reload) asks for it again.
 *
 * Two layers protect the data key. The inner one is a random AES key made for this tab that
 * cannot be exported: script (or a heap snapshot) never sees its bytes, so the wrapped data
 * key cannot be attacked offline. The outer one is the PIN (through Argon2id) or the passkey's
 * PRF output (through HKDF). Five wrong PINs forget the PIN; the passphrase is then needed.
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
	pin: (Layer & { kdf: KdfParams }) | null;
	passkey: (Layer & { credentialId: ArrayBuffer; prfSalt: Uint8Array<ArrayBuffer> }) | null;
	attemptsLeft: number;
}

export interface QuickUnlockState {
	profileId: string;
	pin: boolean;
	passkey: boolean;
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

/** The passkey's PRF output, stretched to an AES key bound to this use. */
async function prfKey(prf: ArrayBuffer): Promise<CryptoKey> {
	const ikm = await crypto.subtle.importKey('raw', prf, 'HKDF', false, ['deriveKey']);
	return crypto.subtle.deriveKey(
		{ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8('tacit/quick-unlock/v1/passkey') },
		ikm,
		AES,
		false,
		['encrypt', 'decrypt']
	);
}

async function seal(key: CryptoKey, plain: ArrayBuffer): Promise<Layer> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	return { iv, sealed: await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain) };
}

export class QuickUnlock {
	#armed: Armed | null = null;
	#inner: ArrayBuffer | null = null;
	readonly #argon2: Argon2Runner;

	constructor(argon2: Argon2Runner) {
		this.#argon2 = argon2;
	}

	get state(): QuickUnlockState | null {
		const a = this.#armed;
		return a ? { profileId: a.profileId, pin: !!a.pin, passkey: !!a.passkey, attemptsLeft: a.attemptsLeft } : null;
	}

	/** Wraps an extractable copy of the data key under a fresh tab key; PIN and passkey layers are added next. */
	async #prepare(profileId: string, extractable: DataKey): Promise<ArrayBuffer> {
		if (this.#armed?.profileId !== profileId || !this.#inner) {
			const tabKey = await crypto.subtle.generateKey(AES, false, ['wrapKey', 'unwrapKey']);
			const innerIv = crypto.getRandomValues(new Uint8Array(12));
			this.#inner = await crypto.subtle.wrapKey('raw', extractable, tabKey, { name: 'AES-GCM', iv: innerIv });
			this.#armed = { profileId, tabKey, innerIv, pin: null, passkey: null, attemptsLeft: PIN_ATTEMPTS };
		}
		return this.#inner;
	}

	async armPin(profileId: string, extractable: DataKey, pin: string, kdfCost?: Parameters<typeof newKdfParams>[0]): Promise<void> {
		if (!validPin(pin)) throw new AppError('vault/pin-invalid');
		const inner = await this.#prepare(profileId, extractable);
		const kdf = newKdfParams(kdfCost);
		const layer = await seal(await pinKey(pin, kdf, this.#argon2), inner);
		this.#armed = { ...this.#armed!, pin: { ...layer, kdf }, attemptsLeft: PIN_ATTEMPTS };
	}

	async armPasskey(profileId: string, extractable: DataKey, passkey: { credentialId: ArrayBuffer; prfSalt: Uint8Array<ArrayBuffer>; prf: ArrayBuffer }): Promise<void> {
		const inner = await this.#prepare(profileId, extractable);
		const layer = await seal(await prfKey(passkey.prf), inner);
		this.#armed = { ...this.#armed!, passkey: { ...layer, credentialId: passkey.credentialId, prfSalt: passkey.prfSalt } };
	}

	/** Which passkey to ask for, and the PRF input to send it. */
	get passkeyRequest(): { credentialId: ArrayBuffer; prfSalt: Uint8Array<ArrayBuffer> } | null {
		const p = this.#armed?.passkey;
		return p ? { credentialId: p.credentialId, prfSalt: p.prfSalt } : null;
	}

	async unlockWithPin(profileId: string, pin: string): Promise<DataKey> {
		const a = this.#armed;
		if (!a?.pin || a.profileId !== profileId) throw new AppError('vault/quick-unlock-off');
		const layer = a.pin;
		let inner: ArrayBuffer;
		try {
			inner = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: layer.iv }, await pinKey(pin, layer.kdf, this.#argon2), layer.sealed);
		} catch {
			a.attemptsLeft--;
			if (a.attemptsLeft <= 0) {
				this.#armed = { ...a, pin: null };
				if (!a.passkey) this.forget();
				throw new AppError('vault/pin-locked');
			}
			throw new AppError('vault/wrong-pin', { attemptsLeft: a.attemptsLeft });
		}
		a.attemptsLeft = PIN_ATTEMPTS;
		return this.#open(a, inner);
	}

	async unlockWithPasskey(profileId: string, prf: ArrayBuffer): Promise<DataKey> {
		const a = this.#armed;
		if (!a?.passkey || a.profileId !== profileId) throw new AppError('vault/quick-unlock-off');
		let inner: ArrayBuffer;
		try {
			inner = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: a.passkey.iv }, await prfKey(prf), a.passkey.sealed);
		} catch {
			throw new AppError('vault/passkey-failed');
		}
		return this.#open(a, inner);
	}

	async #open(a: Armed, inner: ArrayBuffer): Promise<DataKey> {
		return (await crypto.subtle.unwrapKey('raw', inner, a.tabKey, { name: 'AES-GCM', iv: a.innerIv }, AES, false, ['encrypt', 'decrypt'])) as DataKey;
	}

	/** Forgets every quick-unlock layer: the passphrase is needed again. */
	forget(): void {
		this.#armed = null;
		this.#inner = null;
	}
}
