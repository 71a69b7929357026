// The package's entry point: the generated client (client.ts, never edited by hand) and the hand-written helpers
// for the API's problem documents.
export * from './client.js';
export * from './problems.js';
