import { noteHeader, type Note } from '$lib/domain/notes/note';
import type { NoteDocument } from '$lib/domain/notes/note-document';
import type { Client, Session } from '$lib/domain/core/records';
import type { UnlockedVault } from '$lib/vault/vault';
import { exportFileName, noteToDocx, noteToFhirJson, noteToPdf, noteToPlainText, type ExportKind } from './export-note';

/**
 * Every export is an explicit action by the clinician and is written to the audit trail (which
 * record, which format) before the file is handed over. Psychotherapy notes are not part of
 * the document, so they cannot leave with it.
 */
export function noteDocument(note: Note, client: Client, session: Session, practiceName = ''): NoteDocument {
	// A signed note exports the header it was signed with; a draft shows the session as it stands.
	const header = note.header ?? noteHeader(note, session, client);
	return {
		client: { id: client.id, name: client.name, dateOfBirth: client.dateOfBirth, part2: client.part2 },
		session: {
			date: header.date,
			startTime: header.startTime,
			endTime: header.endTime,
			serviceType: header.serviceType,
			participants: header.participants
		},
		format: note.format,
		sections: note.sections,
		signedBy: note.signedBy,
		signedAt: note.signedAt,
		contentHash: note.contentHash,
		addenda: note.addenda,
		cpt: note.cpt,
		details: note.details,
		diagnoses: header.diagnoses,
		practiceName
	};
}

export type NoteExport = ExportKind | 'clipboard';

export async function exportNote(
	vault: UnlockedVault,
	doc: NoteDocument,
	noteId: string,
	kind: NoteExport
): Promise<{ blob: Blob; fileName: string } | null> {
	await vault.audit({ action: 'record.export', recordKind: 'note', recordId: noteId, detail: kind });
	if (kind === 'clipboard') {
		await navigator.clipboard.writeText(noteToPlainText(doc));
		return null;
	}
	const blob =
		kind === 'pdf'
			? await noteToPdf(doc)
			: kind === 'docx'
				? await noteToDocx(doc)
				: kind === 'json'
					? noteToFhirJson(doc)
					: new Blob([noteToPlainText(doc)], { type: 'text/plain' });
	return { blob, fileName: exportFileName(doc, kind) };
}
