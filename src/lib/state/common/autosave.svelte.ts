import { toAppError, type AppError } from '$lib/domain/core/app-error';

export type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'error';

/**
 * Debounced autosave for one editor. Changes are written shortly after typing stops, and
 * `flush()` writes at once (on blur, page hide, navigation and lock), so closing the tab
 * loses at most the last fraction of a second. Writes never overlap: a change made while a
 * write is running is saved right after it.
 */
export class Autosaver<T> {
	state = $state<SaveState>('saved');
	error = $state<AppError | null>(null);
	savedAt = $state<number | null>(null);

	readonly #save: (value: T) => Promise<void>;
	readonly #isValid: (value: T) => boolean;
	readonly #delayMs: number;
	#pending: T | null = null;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#running: Promise<void> | null = null;

	constructor(opts: { save: (value: T) => Promise<void>; isValid?: (value: T) => boolean; delayMs?: number }) {
		this.#save = opts.save;
		this.#isValid = opts.isValid ?? (() => true);
		this.#delayMs = opts.delayMs ?? 300;
	}

	schedule(value: T): void {
		if (!this.#isValid(value)) {
			this.#pending = null;
			this.#clearTimer();
			this.state = 'invalid';
			return;
		}
		this.#pending = value;
		this.state = 'pending';
		this.#clearTimer();
		this.#timer = setTimeout(() => void this.flush(), this.#delayMs);
	}

	async flush(): Promise<void> {
		this.#clearTimer();
		while (this.#running) await this.#running;
		const value = this.#pending;
		if (value === null) return;
		this.#pending = null;
		this.state = 'saving';
		this.#running = this.#save(value)
			.then(() => {
				if (this.#pending === null) this.state = 'saved';
				this.savedAt = Date.now();
				this.error = null;
			})
			.catch((error: unknown) => {
				// Keep the unsaved value so the next flush retries it; nothing typed is dropped.
				this.#pending ??= value;
				this.error = toAppError(error);
				this.state = 'error';
			})
			.finally(() => {
				this.#running = null;
			});
		await this.#running;
	}

	#clearTimer(): void {
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = null;
	}
}
