import { describe, expect, it } from 'vitest';
import { fromBase32, toBase32 } from '$lib/domain/core/encoding';
import { displayName, durationMinutes, isIsoDate, newClient, validateClient } from '$lib/domain/core/records';
import { SearchIndex } from '$lib/domain/core/search-index';
import { errorMessages } from '$lib/domain/core/error-messages';
import { formatRecoveryKey, parseRecoveryKey } from '$lib/vault/keys';
import { KDF_MINIMUM, KDF_VERSIONS, CURRENT_KDF_VERSION, newKdfParams, validateKdfParams } from '$lib/vault/kdf-params';

describe('recovery key text', () => {
	it('round-trips 32 random bytes through 13 groups of 4, forgiving case, spaces and look-alikes', () => {
		const bytes = crypto.getRandomValues(new Uint8Array(32));
		const text = formatRecoveryKey(bytes);
		expect(text).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$/);
		expect(parseRecoveryKey(text)).toEqual(bytes);
		expect(parseRecoveryKey(text.toLowerCase().replace(/-/g, ' '))).toEqual(bytes);
		expect(parseRecoveryKey(text.replace(/0/g, 'O').replace(/1/g, 'l'))).toEqual(bytes);
	});

	it('rejects text of the wrong length or alphabet', () => {
		expect(fromBase32('ABC', 32)).toBeNull();
		expect(fromBase32('U'.repeat(52), 32)).toBeNull();
		expect(toBase32(new Uint8Array([0xff]))).toBe('ZW');
	});
});

describe('KDF parameters', () => {
	it('meets at least the OWASP minimum in the current version', () => {
		const current = KDF_VERSIONS[CURRENT_KDF_VERSION]!;
		expect(current.memoryKiB).toBeGreaterThanOrEqual(19 * 1024);
		expect(current.iterations).toBeGreaterThanOrEqual(2);
		expect(validateKdfParams(newKdfParams())).toMatchObject({ algorithm: 'argon2id', version: CURRENT_KDF_VERSION });
	});

	it('refuses each weaker number, a short salt and absurd costs', () => {
		const ok = newKdfParams(KDF_MINIMUM);
		const code = (p: unknown) => {
			try {
				validateKdfParams(p);
				return 'accepted';
			} catch (e) {
				return (e as { code: string }).code;
			}
		};
		expect(code(ok)).toBe('accepted');
		expect(code({ ...ok, memoryKiB: KDF_MINIMUM.memoryKiB - 1 })).toBe('vault/kdf-too-weak');
		expect(code({ ...ok, iterations: 1 })).toBe('vault/kdf-too-weak');
		expect(code({ ...ok, parallelism: 0 })).toBe('vault/kdf-too-weak');
		expect(code({ ...ok, salt: new Uint8Array(8) })).toBe('vault/kdf-too-weak');
		expect(code({ ...ok, memoryKiB: 64 * 1024 * 1024 })).toBe('vault/kdf-unsupported');
		expect(code({ ...ok, algorithm: 'pbkdf2' })).toBe('vault/kdf-unsupported');
	});
});

describe('records', () => {
	it('computes the session duration from start and end, and nothing when reversed or missing', () => {
		expect(durationMinutes('09:00', '09:53')).toBe(53);
		expect(durationMinutes('10:00', '09:00')).toBeNull();
		expect(durationMinutes('', '09:00')).toBeNull();
	});

	it('accepts only real calendar dates', () => {
		expect(isIsoDate('2024-02-29')).toBe(true);
		expect(isIsoDate('2023-02-29')).toBe(false);
		expect(isIsoDate('2023-2-1')).toBe(false);
	});

	it('asks for a name and for the consent date once consent is ticked', () => {
		const client = newClient('x');
		expect(Object.keys(validateClient(client))).toEqual(['name']);
		expect(Object.keys(validateClient({ ...client, name: 'A', aiConsent: { given: true, date: '' } }))).toEqual([
			'aiConsent'
		]);
	});

	it('shows the preferred name beside the legal name', () => {
		expect(displayName({ name: 'Robert Hale', preferredName: 'Robin' })).toBe('Robert Hale (Robin)');
		expect(displayName({ name: ' ', preferredName: '' })).toBe('Unnamed client');
	});
});

describe('search index', () => {
	it('finds sessions by words and prefixes, and forgets removed documents', () => {
		const index = new SearchIndex();
		index.upsert({ id: 's1', kind: 'session', clientId: 'c1', text: 'Practised box breathing before work meetings.' });
		index.upsert({ id: 'c1', kind: 'client', clientId: 'c1', text: 'Jordan Avery' });
		expect(index.search('breath').map((h) => h.id)).toEqual(['s1']);
		expect(index.search('jordan').map((h) => h.id)).toEqual(['c1']);
		index.upsert({ id: 's1', kind: 'session', clientId: 'c1', text: 'Talked about sleep.' });
		expect(index.search('breathing')).toEqual([]);
		index.remove('c1');
		expect(index.search('jordan')).toEqual([]);
	});
});

describe('error messages', () => {
	it('gives every error a sentence that says what was kept safe or what to do', () => {
		for (const [code, message] of Object.entries(errorMessages)) {
			expect(message, code).toMatch(/\.$/);
			expect(message, code).not.toMatch(/undefined|Error:|stack/i);
		}
	});
});
