/**
 * Bodies beyond this many bytes are cut: a trace is for reading, not for archiving downloads. The
 * grants' bodies (forms, token responses, discovery, the sign-in pages) are well under it; a longer
 * one (a Mastodon timeline) keeps its start and the HTTP log says it was cut. A larger cap let a class
 * of fresh learners sending 48 KB bodies fill the 64 MB the trace store allows (docs/benchmarks.md,
 * "Memory").
 */
export const MAX_RECORDED_BODY = 8 * 1024;
