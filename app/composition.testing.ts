import { composeTheServer } from './composition';

// Vitest's set-up file: every test file gets the server's clients handed in, as instrumentation.ts does at start-up.
composeTheServer();
