import { addAddendum, signNote, type Note, type NoteHeader } from '$lib/domain/notes/note';
import type { UnlockedVault } from '$lib/vault/vault';

/**
 * Signing and amending, each one write: the note and its audit entry (signer, time and the
 * content hash) are stored together or not at all.
 */
export async function signAndStore(vault: UnlockedVault, note: Note, signer: string, header: NoteHeader, now = new Date()): Promise<Note> {
	const signed = signNote(note, signer, header, now);
	await vault.notes.put(signed, { event: { action: 'note.sign', detail: `sha256:${signed.contentHash}` } });
	return signed;
}

export async function amendAndStore(vault: UnlockedVault, note: Note, text: string, by: string, now = new Date()): Promise<Note> {
	const amended = addAddendum(note, text, by, now);
	await vault.notes.put(amended, { event: { action: 'note.addendum' } });
	return amended;
}
