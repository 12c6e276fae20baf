import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * A fresh clone has nothing beside it: every file the product, its tests and its scripts read
 * must be inside the repository. CI also runs the whole suite from an isolated copy (.ci/run);
 * this test names the offending line without needing that run.
 */

const ROOT = resolve(__dirname, '../..');
const SCANNED = ['src', 'workers', 'tests', 'model-artifacts', '.ci', 'package.json', 'svelte.config.js', 'vite.config.ts', 'playwright.config.ts'];
const SKIPPED_DIRS = new Set(['node_modules', 'results', '.build', 'mts-dialog']);
const TEXT = /\.(ts|mjs|js|svelte|json|sh)$|^run$/;

function files(path: string): string[] {
	const full = join(ROOT, path);
	if (!statSync(full, { throwIfNoEntry: false })) return [];
	if (statSync(full).isFile()) return [path];
	return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
		if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : files(join(path, entry.name));
		return TEXT.test(entry.name) ? [join(path, entry.name)] : [];
	});
}

/** Files whose relative paths are resolved from another folder than their own. */
const BASE: Readonly<Record<string, string>> = { 'svelte.config.js': '.svelte-kit' }; // SvelteKit's generated tsconfig

const outside = (target: string) => relative(ROOT, target).startsWith('..') || relative(ROOT, target).startsWith(sep);

interface Finding {
	file: string;
	line: number;
	text: string;
}

function scan(check: (line: string, file: string) => boolean): Finding[] {
	const found: Finding[] = [];
	for (const file of SCANNED.flatMap(files)) {
		if (file === join('tests', 'unit', 'repository-boundary.test.ts')) continue;
		readFileSync(join(ROOT, file), 'utf8')
			.split('\n')
			.forEach((text, i) => {
				if (check(text, file)) found.push({ file, line: i + 1, text: text.trim() });
			});
	}
	return found;
}

describe('the repository boundary', () => {
	it('has no reference to the team folders beside the checkout', () => {
		expect(scan((line) => /\.\.\/shared\b|(?<!fixtures\/)\bshared\/(reference|data)\b/.test(line))).toEqual([]);
	});

	it('has no relative path that climbs out of the repository from its own file', () => {
		const escapes = (line: string, file: string) =>
			[...line.matchAll(/['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g)].some((m) => outside(resolve(ROOT, BASE[file] ?? dirname(file), m[1]!)));
		expect(scan(escapes)).toEqual([]);
	});

	it('has no absolute path into this machine’s folders', () => {
		expect(scan((line) => /['"`]\/(work|home|root|Users)\//.test(line))).toEqual([]);
	});

	it('would catch a path to the team folders', () => {
		// The check itself, on a line like the ones the tests used to have.
		const sibling = ['..', 'shared', 'reference', 'regulatory.md'].join('/');
		const line = `readFileSync('${sibling}', 'utf8')`;
		expect(/\.\.\/shared\b/.test(line)).toBe(true);
		expect(outside(resolve(ROOT, 'tests/unit', `../../${sibling}`))).toBe(true);
	});
});
