import type { Engine, GenerateResult, StructuredRequest } from '../../src/lib/inference/engine';

/**
 * A model double that answers from the request itself: a facts request gets one "fact" per
 * line of its part (first words, so tests can trace them), and a note request gets every
 * section filled. It records every request it was given.
 */
export class EchoEngine implements Engine {
	readonly kind = 'webllm';
	readonly requests: StructuredRequest<unknown>[] = [];

	async load(): Promise<void> {}
	async unload(): Promise<void> {}

	async generate<T>(request: StructuredRequest<T>, onDelta: (text: string) => void): Promise<GenerateResult<T>> {
		this.requests.push(request as StructuredRequest<unknown>);
		const keys = Object.keys((request.jsonSchema as { properties: Record<string, unknown> }).properties);
		const value =
			keys[0] === 'facts'
				? { facts: request.prompt.split('\n').slice(1).filter(Boolean).map((line) => line.split(' ').slice(0, 6).join(' ')) }
				: Object.fromEntries(keys.map((k) => [k, `Composed ${k}.`]));
		const text = JSON.stringify(value);
		onDelta(text);
		return { value: request.validate(value), text, promptTokens: 0, completionTokens: 0 };
	}
}
