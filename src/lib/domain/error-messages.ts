import type { ErrorCode } from './app-error';

/**
 * What a clinician reads for each error: what happened, what was kept safe, what to do.
 * No codes, no stack traces, no PHI.
 */
export const errorMessages: Readonly<Record<ErrorCode, string>> = {
	'vault/wrong-passphrase':
		'This passphrase does not open the vault. Nothing was changed. Check the spelling and Caps Lock, or use your recovery key.',
	'vault/wrong-recovery-key':
		'This recovery key does not open the vault. Nothing was changed. Check each group of characters against your printed copy.',
	'vault/passphrase-too-short':
		'The passphrase needs at least 12 characters. A short sentence you will remember works well.',
	'vault/kdf-too-weak':
		'This vault asks for weaker protection settings than Tacit allows, which could mean it was tampered with. It was not opened and nothing was changed.',
	'vault/kdf-unsupported':
		'This vault was made by a newer version of Tacit. It was not opened and nothing was changed. Update Tacit on this device and try again.',
	'vault/kdf-failed':
		'The passphrase could not be checked because this browser stopped the key calculation. Nothing was changed. Reload Tacit and try again.',
	'vault/envelope-malformed':
		'A stored record is damaged and could not be read. The rest of the vault is safe. Restore it from a backup if you need it.',
	'vault/decrypt-failed':
		'A stored record failed its integrity check and was not shown. The rest of the vault is safe. Restore it from a backup if you need it.',
	'vault/locked': 'The vault is locked. Unlock it to continue; nothing was saved while it was locked.',
	'vault/profile-not-found':
		'This clinician profile is not on this device. Choose another profile or create one.',
	'vault/keyring-missing':
		'The keys for this profile are missing from this device, so it cannot be opened. Restore it from a backup.',
	'record/not-found': 'That record is not in this vault. It may have been deleted.',
	'record/invalid': 'Some fields are not valid. Nothing was saved; correct the highlighted fields and save again.',
	'storage/quota-exceeded':
		'This device is out of storage space for Tacit. The last change was not saved and nothing was half-written. Free up space or make a backup, then try again.',
	'storage/write-failed':
		'The browser refused to save the change. Nothing was half-written. Try again; if it keeps happening, make a backup.',
	'app/unexpected':
		'Something went wrong. Your saved records are safe. Try again, and reload Tacit if it keeps happening.'
};

export function messageFor(code: ErrorCode): string {
	return errorMessages[code];
}
