declare global {
	namespace App {}
	/** Set at build time: TACIT_MODEL_HUB=on allows the public model hub as a model source. */
	const __TACIT_MODEL_HUB__: boolean;
}

export {};
