// Where the end-to-end tests find the production build. TACIT_E2E_PORT lets a second checkout
// run its own suite beside this one.
export const appPort = Number(process.env.TACIT_E2E_PORT ?? 4173);
export const appOrigin = `http://127.0.0.1:${appPort}`;
