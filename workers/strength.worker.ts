/// <reference lib="webworker" />
// The passphrase strength estimate, off the page: zxcvbn-ts keeps the last password it scored
// in module state, so it runs here, in a worker the form ends when it closes.
import * as Comlink from 'comlink';
import { strengthHint } from '../src/lib/domain/passphrase/passphrase-strength';

const api = { hint: strengthHint };

export type StrengthWorkerApi = typeof api;
Comlink.expose(api);
