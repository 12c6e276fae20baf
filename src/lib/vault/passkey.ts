import { AppError } from '$lib/domain/core/app-error';

/**
 * A passkey used only for its PRF output (the WebAuthn "prf" extension): a secret the
 * authenticator computes from a salt after user verification, which quick-unlock.ts turns into
 * a key. There is no server, so no signature is checked; the security is in the PRF secret
 * never leaving the authenticator except to this origin, after the clinician's touch or face.
 */
export interface PasskeySecret {
	credentialId: ArrayBuffer;
	prfSalt: Uint8Array<ArrayBuffer>;
	prf: ArrayBuffer;
}

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

function supported(): boolean {
	return typeof PublicKeyCredential !== 'undefined' && !!navigator.credentials;
}

function prfResult(credential: PublicKeyCredential): ArrayBuffer | null {
	const first = credential.getClientExtensionResults().prf?.results?.first;
	if (!first) return null;
	if (first instanceof ArrayBuffer) return first;
	return new Uint8Array(first.buffer, first.byteOffset, first.byteLength).slice().buffer;
}

/** Registers a new passkey for this profile and evaluates its PRF once. */
export async function registerPasskey(displayName: string): Promise<PasskeySecret> {
	if (!supported()) throw new AppError('vault/passkey-unsupported');
	const prfSalt = random(32);
	let created: PublicKeyCredential | null;
	try {
		created = (await navigator.credentials.create({
			publicKey: {
				rp: { name: 'Tacit' },
				user: { id: random(16), name: displayName || 'Tacit clinician', displayName: displayName || 'Tacit clinician' },
				challenge: random(32),
				pubKeyCredParams: [
					{ type: 'public-key', alg: -7 },
					{ type: 'public-key', alg: -257 }
				],
				authenticatorSelection: { userVerification: 'required', residentKey: 'preferred' },
				extensions: { prf: { eval: { first: prfSalt } } }
			}
		})) as PublicKeyCredential | null;
	} catch (cause) {
		throw new AppError('vault/passkey-failed', {}, { cause });
	}
	if (!created) throw new AppError('vault/passkey-failed');
	const prf = prfResult(created) ?? (created.getClientExtensionResults().prf?.enabled ? await evaluatePasskey(created.rawId, prfSalt) : null);
	if (!prf) throw new AppError('vault/passkey-unsupported');
	return { credentialId: created.rawId, prfSalt, prf };
}

/** Asks the passkey (the clinician verifies) for its PRF output on the salt. */
export async function evaluatePasskey(credentialId: ArrayBuffer, prfSalt: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {
	if (!supported()) throw new AppError('vault/passkey-unsupported');
	let assertion: PublicKeyCredential | null;
	try {
		assertion = (await navigator.credentials.get({
			publicKey: {
				challenge: random(32),
				allowCredentials: [{ type: 'public-key', id: credentialId }],
				userVerification: 'required',
				extensions: { prf: { eval: { first: prfSalt } } }
			}
		})) as PublicKeyCredential | null;
	} catch (cause) {
		throw new AppError('vault/passkey-failed', {}, { cause });
	}
	const prf = assertion && prfResult(assertion);
	if (!prf) throw new AppError('vault/passkey-unsupported');
	return prf;
}
