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
	'vault/pin-invalid': 'A PIN is 6 to 12 digits. Nothing was changed.',
	'vault/wrong-pin': 'That PIN is not right. After five wrong tries the PIN stops working and the passphrase is needed.',
	'vault/pin-locked': 'Too many wrong PINs: the PIN no longer works in this tab. Unlock with your passphrase.',
	'vault/quick-unlock-off': 'Quick unlock is not on in this tab (it ends when the tab is closed or reloaded). Unlock with your passphrase.',
	'vault/passkey-failed': 'The passkey did not open the vault. Nothing was changed. Try again, or unlock with your passphrase.',
	'vault/passkey-unsupported':
		'This browser or its authenticator cannot use a passkey to unlock Tacit (it needs the PRF extension). Use a PIN or your passphrase.',
	'vault/decrypt-failed':
		'A stored record failed its integrity check and was not shown. The rest of the vault is safe. Restore it from a backup if you need it.',
	'vault/locked': 'The vault is locked. Unlock it to continue; nothing was saved while it was locked.',
	'vault/profile-not-found':
		'This clinician profile is not on this device. Choose another profile or create one.',
	'vault/keyring-missing':
		'The keys for this profile are missing from this device, so it cannot be opened. Restore it from a backup.',
	'record/not-found': 'That record is not in this vault. It may have been deleted.',
	'client/discharged': 'This client was discharged, so the record is read-only. Reopen the record to change it; nothing was saved.',
	'client/not-discharged':
		'Only a discharged client’s records can be deleted, once the retention period has ended. Nothing was deleted.',
	'client/retention':
		'This record is still within the practice’s retention period, so it cannot be deleted yet. It stays read-only until then.',
	'record/invalid': 'Some fields are not valid. Nothing was saved; correct the highlighted fields and save again.',
	'note/signed':
		'This note is signed, so it cannot be changed. Add a dated addendum to correct or add to it.',
	'note/not-signed': 'Only a signed note takes addenda. Edit the draft directly, then sign it.',
	'note/no-ai-consent':
		'This client has no recorded consent to AI-assisted drafting, so nothing was sent to the model. Record the consent on the client’s page, or draft with the outline (no AI).',
	'assessment/incomplete':
		'Some questions are not answered, so no score was calculated (Tacit never guesses a missing answer). Answer every question, then score again.',
	'assessment/context-missing':
		'This questionnaire’s cut-off depends on the client’s sex. Choose which cut-off applies, then score again.',
	'assessment/invalid-answer':
		'One answer is not one of the questionnaire’s options, so no score was calculated. Choose an option for that question again.',
	'assessment/unknown-instrument': 'This questionnaire is not in Tacit’s list of instruments, so it cannot be scored.',
	'plan/signed':
		'This plan version is signed, so it cannot be changed. Choose “Update plan” to start a new version; this one is kept as it is.',
	'plan/not-signed': 'Only a signed plan can be updated to a new version. Edit this draft directly, then sign it.',
	'plan/not-latest':
		'A newer version of this plan exists, so this one cannot be updated. Open the latest version and update that.',
	'safety-plan/signed':
		'This safety plan version is signed, so it cannot be changed. Choose “Review and update” to start the next version; this one is kept as it is.',
	'safety-plan/incomplete':
		'The safety plan is missing steps it needs before it can be signed. Nothing was signed; fill in the steps named on the page, then sign.',
	'client-document/signed':
		'This document is signed, so it cannot be changed. Start a new draft from it; the signed one is kept as it is.',
	'client-document/not-signed':
		'A client-facing document leaves Tacit only after you have reviewed and signed it. Nothing was exported; review the draft, sign it, then export.',
	'crisis/completed':
		'This crisis protocol was completed, so its steps can no longer be changed. Open a new protocol from the risk flag if the situation has changed.',
	'document/signed':
		'This document is signed, so it cannot be changed. Start a new draft from it; the signed one is kept as it is.',
	'disclosure/refused':
		'This record is protected by 42 CFR Part 2 and no valid consent covers this recipient and purpose, so nothing was exported or disclosed. Record the client’s consent, or check the recipient and purpose.',
	'backup/unreadable':
		'This file is not a Tacit backup, or it is cut short. Nothing on this device was changed. Choose the backup file again; if it was copied, copy it again.',
	'backup/newer-format':
		'This backup was made by a newer version of Tacit. Nothing on this device was changed. Update Tacit (reload it when online), then restore again.',
	'backup/wrong-key':
		'This passphrase or recovery key does not open the backup. Nothing on this device was changed. Use the passphrase that was current when the backup was made, or the recovery key.',
	'backup/damaged':
		'This backup file has been altered or damaged, so none of it was restored and nothing on this device was changed. Use another copy of the backup.',
	'import/unsupported-file':
		'Tacit can import text (.txt), Word (.docx) and caption (.vtt, .srt) files. Nothing was imported; save the file in one of these formats, or paste the text.',
	'import/too-large': 'This file is larger than 20 MB, so it was not imported. Split it, or paste the part you need.',
	'import/unreadable':
		'This file could not be read (it may be damaged, or a caption file without captions). Nothing was imported; try exporting it again, or paste the text.',
	'storage/quota-exceeded':
		'This device is out of storage space for Tacit. The last change was not saved and nothing was half-written. Free up space or make a backup, then try again.',
	'storage/write-failed':
		'The browser refused to save the change. Nothing was half-written. Try again; if it keeps happening, make a backup.',
	'inference/no-webgpu':
		'This browser cannot run the AI model (WebGPU is not available). Everything else works, and drafting uses the outline, which places your own sentences into the note without AI.',
	'inference/gpu-lost':
		'The graphics processor stopped responding while the model was working. Your session content and notes are safe. Load the model again; if it keeps happening, choose a smaller model.',
	'inference/out-of-memory':
		'This device ran out of graphics memory for this model. Nothing was lost. Close other heavy tabs or choose a smaller model.',
	'inference/model-not-found':
		'The model files were not found on the practice server. Nothing was downloaded. Ask your administrator to put this model in the practice’s model folder, or choose another model.',
	'inference/integrity-mismatch':
		'A downloaded model file did not match its expected fingerprint, so it was removed and not used. Try the download again; if it fails again, tell your administrator.',
	'inference/storage-insufficient':
		'There is not enough free storage on this device for this model. Nothing was downloaded. Free up space or choose a smaller model.',
	'inference/model-too-large':
		'This model needs more graphics memory than this device has. Choose a smaller model; the recommended one fits this device.',
	'inference/cancelled': 'Stopped. The text written so far was kept.',
	'inference/busy-elsewhere':
		'The model is already running in another Tacit tab. Use that tab, or close it and try again here.',
	'inference/invalid-output':
		'The model’s answer did not have the expected structure, so it was not used. Nothing was changed. Try again, or use the outline.',
	'inference/not-loaded': 'No AI model is loaded. Load one in Settings, or use the outline (no AI).',
	'inference/network':
		'The connection to the practice server was lost during the download. What arrived is kept; the download continues from there when you try again.',
	'inference/load-failed':
		'The model could not be started on this device. Nothing was lost. Try again, or choose another model.',
	'app/unexpected':
		'Something went wrong. Your saved records are safe. Try again, and reload Tacit if it keeps happening.'
};

export function messageFor(code: ErrorCode): string {
	return errorMessages[code];
}
