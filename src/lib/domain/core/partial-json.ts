/**
 * Reads section texts out of a JSON object that is still streaming in, so the editor can fill
 * section by section. Only string values of the given keys are read; an unterminated string
 * yields what has arrived so far.
 */
export function partialSections(text: string, keys: readonly string[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const key of keys) {
		const start = new RegExp(`"${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"\\s*:\\s*"`).exec(text);
		if (!start) continue;
		let value = '';
		for (let i = start.index + start[0].length; i < text.length; i++) {
			const ch = text[i]!;
			if (ch === '"') break;
			if (ch === '\\') {
				const next = text[i + 1];
				if (next === undefined) break;
				value += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'u' ? unicode(text.slice(i + 2, i + 6)) : next;
				i += next === 'u' ? 5 : 1;
				continue;
			}
			value += ch;
		}
		out[key] = value;
	}
	return out;
}

function unicode(hex: string): string {
	return /^[0-9a-fA-F]{4}$/.test(hex) ? String.fromCharCode(parseInt(hex, 16)) : '';
}
