import { onMount } from 'svelte';
import { beforeNavigate } from '$app/navigation';
import type { FieldErrors } from '$lib/domain/core/records';
import { Autosaver } from './autosave.svelte';
import { vaultSession } from '../vault/vault-session.svelte';

const AUDIT_EVERY_MS = 5 * 60_000;

/**
 * Flushes an editor's autosave whenever its text could be lost: leaving the page, hiding or
 * closing the tab, and locking the vault (before the key is dropped).
 * Call during component initialisation.
 */
export function flushOnLeave(saver: { flush(): Promise<void> }): void {
	beforeNavigate(() => void saver.flush());
	onMount(() => {
		const flush = () => void saver.flush();
		const onVisibility = () => {
			if (document.visibilityState === 'hidden') flush();
		};
		window.addEventListener('pagehide', flush);
		document.addEventListener('visibilitychange', onVisibility);
		const unregister = vaultSession.beforeLock(() => saver.flush());
		return () => {
			window.removeEventListener('pagehide', flush);
			document.removeEventListener('visibilitychange', onVisibility);
			unregister();
			flush();
		};
	});
}

/**
 * Autosave writes every few hundred milliseconds while someone types; the audit trail records
 * the first write of an editing burst and then at most one update every five minutes.
 */
export function auditThrottle(): () => boolean {
	let last = 0;
	return () => {
		const now = Date.now();
		if (now - last < AUDIT_EVERY_MS) return false;
		last = now;
		return true;
	};
}

/**
 * The autosave of one record editor: writes only valid values, flushes whenever the text could
 * be lost, and audits the burst as described above. Call during component initialisation.
 */
export function editorAutosave<T>(opts: {
	validate: (value: T) => FieldErrors;
	save: (value: T, options: { audit: boolean }) => Promise<void>;
}): Autosaver<T> {
	const shouldAudit = auditThrottle();
	const saver = new Autosaver<T>({
		isValid: (value) => Object.keys(opts.validate(value)).length === 0,
		save: (value) => opts.save(value, { audit: shouldAudit() })
	});
	flushOnLeave(saver);
	return saver;
}
