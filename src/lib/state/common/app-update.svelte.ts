import { Workbox } from 'workbox-window';

/**
 * Registers the Workbox service worker (production builds only) and tracks whether a new
 * version is waiting. The new version takes over only when the clinician chooses Reload,
 * so an update never interrupts a note being written.
 */
export class AppUpdate {
	ready = $state(false);
	offlineReady = $state(false);
	#workbox: Workbox | null = null;
	#reloadWhenControlled = false;

	register(): void {
		if (!import.meta.env.PROD || !('serviceWorker' in navigator) || this.#workbox) return;
		const wb = new Workbox('/sw.js', { scope: '/', type: 'classic' });
		wb.addEventListener('waiting', () => {
			this.ready = true;
		});
		wb.addEventListener('activated', (event) => {
			if (!event.isUpdate) this.offlineReady = true;
		});
		// Reload only when the clinician asked for the new version (not on the first install).
		wb.addEventListener('controlling', () => {
			if (this.#reloadWhenControlled) window.location.reload();
		});
		this.#workbox = wb;
		void wb.register().catch(() => {
			// No service worker (private mode, unsupported browser): the app still works online.
		});
	}

	/** Lets the waiting service worker take over; the 'controlling' event then reloads. */
	applyUpdate(): void {
		this.#reloadWhenControlled = true;
		this.#workbox?.messageSkipWaiting();
	}
}

export const appUpdate = new AppUpdate();
