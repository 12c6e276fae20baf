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

	register(): void {
		if (!import.meta.env.PROD || !('serviceWorker' in navigator) || this.#workbox) return;
		const wb = new Workbox('/sw.js', { scope: '/', type: 'classic' });
		wb.addEventListener('waiting', () => {
			this.ready = true;
		});
		wb.addEventListener('activated', (event) => {
			if (!event.isUpdate) this.offlineReady = true;
		});
		wb.addEventListener('controlling', (event) => {
			if (event.isUpdate) window.location.reload();
		});
		this.#workbox = wb;
		void wb.register().catch(() => {
			// No service worker (private mode, unsupported browser): the app still works online.
		});
	}

	/** Lets the waiting service worker take over; the 'controlling' event then reloads. */
	applyUpdate(): void {
		this.#workbox?.messageSkipWaiting();
	}
}

export const appUpdate = new AppUpdate();
