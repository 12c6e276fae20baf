import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Chromium saves the value of every form control to the profile's session-restore files
 * (`Sessions/Session_*`, `Tabs_*`) in the clear, so a reopened tab can refill it, unless the
 * control says `autocomplete="off"`. Password inputs are never saved. So every other input,
 * textarea and select in the app must say it; the end-to-end profile scan
 * (tests/e2e/disk-and-memory.spec.ts) proves the effect, this finds the control that forgot.
 */

const ROOT = resolve(__dirname, '../..');

function svelteFiles(dir: string): string[] {
	return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return svelteFiles(path);
		return entry.name.endsWith('.svelte') ? [path] : [];
	});
}

/** Opening tags of form controls; a `>` inside `{...}` or quotes (an arrow function) does not end the tag. */
export function formControlTags(markup: string): string[] {
	const tags: string[] = [];
	for (const match of markup.matchAll(/<(input|textarea|select)\b/g)) {
		let i = match.index + match[0].length;
		let depth = 0;
		let quote: string | null = null;
		for (; i < markup.length; i++) {
			const c = markup[i]!;
			if (quote) {
				if (c === quote) quote = null;
			} else if (c === '{') depth++;
			else if (c === '}') depth--;
			else if (c === '"' || c === "'" || (depth > 0 && c === '`')) quote = c;
			else if (c === '>' && depth === 0) break;
		}
		tags.push(markup.slice(match.index, i + 1));
	}
	return tags;
}

function unprotected(tag: string): boolean {
	// A PIN is a password field the password manager must not keep: "off" is right for it too.
	if (/\btype="password"/.test(tag)) return !/\bautocomplete="(current-password|new-password|off)"/.test(tag);
	return !/\bautocomplete="off"/.test(tag);
}

describe('form controls and the browser session-restore files', () => {
	it('reads whole tags, including arrow functions in attributes', () => {
		const tags = formControlTags('<input oninput={(e) => set(e)} value="a>b" />\n<textarea\n  rows="2"\n  autocomplete="off"></textarea>');
		expect(tags).toEqual(['<input oninput={(e) => set(e)} value="a>b" />', '<textarea\n  rows="2"\n  autocomplete="off">']);
		expect(tags.map(unprotected)).toEqual([true, false]);
	});

	it('every input, textarea and select says autocomplete="off" (passwords: current-, new-password or off)', () => {
		const missing = svelteFiles('src').flatMap((file) =>
			formControlTags(readFileSync(join(ROOT, file), 'utf8'))
				.filter(unprotected)
				.map((tag) => `${relative(ROOT, join(ROOT, file))}: ${tag.slice(0, 90)}`)
		);
		expect(missing).toEqual([]);
	});
});
