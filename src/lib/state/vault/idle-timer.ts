/**
 * HIPAA automatic logoff: calls `onIdle` once no keyboard, pointer or touch activity has
 * been seen for `timeoutMs`. It checks elapsed wall-clock time rather than trusting one long
 * timer, because browsers throttle timers in background tabs and sleeping laptops.
 */
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'pointermove'] as const;
const CHECK_EVERY_MS = 5_000;

export class IdleTimer {
	#timeoutMs: number;
	#lastActivity = Date.now();
	#interval: ReturnType<typeof setInterval> | null = null;
	readonly #onIdle: () => void;
	readonly #touch = () => {
		this.#lastActivity = Date.now();
	};
	readonly #check = () => {
		if (Date.now() - this.#lastActivity >= this.#timeoutMs) {
			this.stop();
			this.#onIdle();
		}
	};

	constructor(timeoutMs: number, onIdle: () => void) {
		this.#timeoutMs = timeoutMs;
		this.#onIdle = onIdle;
	}

	start(): void {
		this.#lastActivity = Date.now();
		for (const type of ACTIVITY) window.addEventListener(type, this.#touch, { passive: true, capture: true });
		document.addEventListener('visibilitychange', this.#check);
		this.#interval = setInterval(this.#check, CHECK_EVERY_MS);
	}

	setTimeout(timeoutMs: number): void {
		this.#timeoutMs = timeoutMs;
		this.#lastActivity = Date.now();
	}

	stop(): void {
		for (const type of ACTIVITY) window.removeEventListener(type, this.#touch, { capture: true });
		document.removeEventListener('visibilitychange', this.#check);
		if (this.#interval) clearInterval(this.#interval);
		this.#interval = null;
	}
}
