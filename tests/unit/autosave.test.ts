import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '$lib/domain/core/app-error';
import { Autosaver } from '$lib/state/common/autosave.svelte';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('autosave', () => {
	it('writes once after typing pauses, with the latest text', async () => {
		const saved: string[] = [];
		const saver = new Autosaver<string>({ save: async (v) => void saved.push(v), delayMs: 300 });
		saver.schedule('a');
		saver.schedule('ab');
		saver.schedule('abc');
		expect(saver.state).toBe('pending');
		await vi.advanceTimersByTimeAsync(299);
		expect(saved).toEqual([]);
		await vi.advanceTimersByTimeAsync(1);
		expect(saved).toEqual(['abc']);
		expect(saver.state).toBe('saved');
	});

	it('writes at once on flush (blur, page hide, lock) without waiting for the pause', async () => {
		const saved: string[] = [];
		const saver = new Autosaver<string>({ save: async (v) => void saved.push(v), delayMs: 300 });
		saver.schedule('typed just now');
		await saver.flush();
		expect(saved).toEqual(['typed just now']);
		await vi.advanceTimersByTimeAsync(1000);
		expect(saved).toEqual(['typed just now']);
	});

	it('keeps unsaved text after a failed write and saves it on the next flush', async () => {
		const saved: string[] = [];
		let fail = true;
		const saver = new Autosaver<string>({
			save: async (v) => {
				if (fail) throw new DOMException('full', 'QuotaExceededError');
				saved.push(v);
			}
		});
		saver.schedule('precious');
		await saver.flush();
		expect(saver.state).toBe('error');
		expect(saver.error).toBeInstanceOf(AppError);
		expect(saver.error?.code).toBe('storage/quota-exceeded');
		fail = false;
		await saver.flush();
		expect(saved).toEqual(['precious']);
		expect(saver.state).toBe('saved');
	});

	it('does not write a value that fails validation', async () => {
		const saved: string[] = [];
		const saver = new Autosaver<string>({ save: async (v) => void saved.push(v), isValid: (v) => v.length > 0 });
		saver.schedule('');
		await saver.flush();
		expect(saved).toEqual([]);
		expect(saver.state).toBe('invalid');
	});

	it('never runs two writes at once; a change made during a write is saved after it', async () => {
		const order: string[] = [];
		let release!: () => void;
		const saver = new Autosaver<string>({
			save: (v) =>
				new Promise<void>((resolve) => {
					order.push(`start ${v}`);
					release = () => {
						order.push(`end ${v}`);
						resolve();
					};
				})
		});
		saver.schedule('one');
		const first = saver.flush();
		saver.schedule('two');
		const second = saver.flush();
		release();
		await first;
		await vi.waitFor(() => expect(order).toContain('start two'));
		release();
		await second;
		expect(order).toEqual(['start one', 'end one', 'start two', 'end two']);
	});
});
