import { describe, expect, it } from 'vitest';
import { partialSections } from '$lib/domain/core/partial-json';

describe('reading sections while the draft streams in', () => {
	it('returns finished and unfinished sections as far as they have arrived', () => {
		const text = '{"data": "Client said \\"better\\" today.", "assessment": "Improv';
		expect(partialSections(text, ['data', 'assessment', 'plan'])).toEqual({
			data: 'Client said "better" today.',
			assessment: 'Improv'
		});
	});

	it('decodes escapes and never runs past the end of the text', () => {
		expect(partialSections('{"plan":"Line one\\nline two \\u00e9\\', ['plan'])).toEqual({ plan: 'Line one\nline two é' });
	});
});
