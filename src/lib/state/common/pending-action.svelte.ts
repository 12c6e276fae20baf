import { toAppError, type AppError } from '$lib/domain/core/app-error';

/** A form's long-running action: busy while it runs, and the error a clinician should read. */
export class PendingAction {
	busy = $state(false);
	error = $state<AppError | null>(null);

	/** Runs `work` unless already running; resolves true when it succeeded. */
	async run(work: () => Promise<void>): Promise<boolean> {
		if (this.busy) return false;
		this.busy = true;
		this.error = null;
		try {
			await work();
			return true;
		} catch (e) {
			this.error = toAppError(e);
			return false;
		} finally {
			this.busy = false;
		}
	}
}
