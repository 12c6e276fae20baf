/** Hands a generated file to the browser's download; the object URL lives only for that click. */
export function saveFile(file: { blob: Blob; fileName: string }): void {
	const url = URL.createObjectURL(file.blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = file.fileName;
	a.click();
	setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
