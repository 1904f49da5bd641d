/**
 * The team's reading of a missed goal: what holds the figure back and what would move it. Written by hand after
 * looking at a run's facts and profiles, named here and attached to its row in bench/metrics.ts (where the
 * goal is); BENCHMARKS.md prints it under the miss. A reading goes stale when the code changes: rewrite it
 * with the run that shows the new figures.
 */
export const MISS_READINGS = {
  firstLoadJavaScript:
    "Most of it is the chosen stack before any page code: react-dom (~57 KB gzip), react-router 7's data router " +
    "(~28), React Query (~13), emotion + MUI's styling core (~30), zod/mini with the contract (~10), " +
    'react-hook-form + resolvers (~9) and @tanstack/react-virtual (~5); what the page alone adds is ~45 KB. It was ' +
    '238.0 KB before the cut by domain and server rendering. The cut (three features, each behind an index.ts) ' +
    'split the app into ~40 small chunks, each compressed on its own (+11 KB); "sideEffects": false and one ' +
    "chunk for the app's shared modules took back ~4 KB. Server rendering adds ~2 KB (React Query's hydrate, the " +
    'page state, the nonce-aware style cache). What would reach 235: the selected-traveler chips and the paste ' +
    'dialog on demand (~3 KB), and the route chunk and the app-shared chunk merged for the event page (~2-3 KB of ' +
    'compression context). What would reach 180 KB: styles extracted at build time instead of emotion at run ' +
    "time (~30 KB with MUI's styling core), or the page without React Router's data router (~20 KB); both " +
    'change the stack the issue names.',
  firstRow:
    'The server renders the page: the HTML carries the event, its RSVP counts and the first travelers, styled, so ' +
    'the row is painted as soon as the HTML is in, before any script has run. What remains is the HTML itself: ' +
    "the server reads the page's data in process (~15-25 ms: the event, a travelers page with names, five RSVP " +
    'counts, the session) and renders it (~20-45 ms for the MUI page), so its median is ~45 ms alone and ~130 ms ' +
    'while Chromium, the benchmark and the server share the two cores. The 25-traveler event renders its smaller ' +
    'page no faster: the cost is the page, not the event. What would move it: a smaller first render (the form ' +
    "below the picker after the first rows, as the History already is), emotion's styles cached per component " +
    'across renders, or rendering while the data arrives (suspense queries) instead of after.',
  firstClick:
    'A click registers once the browser has taken the page over: the scripts (~244 KB gzip) are in by ~0.2 s, ' +
    'then evaluating them and hydrating the page costs ~0.2 s of main thread on this machine. Clicks before that ' +
    'land on plain HTML (the benchmark clicks every 50 ms; the first two do nothing lasting). What would move it: ' +
    'less JavaScript to evaluate first (see the first-load JavaScript), or hydrating the picker before the rest ' +
    'of the page (a Suspense boundary around the form, so React takes the list over first).',
  travelersListP99:
    'The server spends ~0.66 ms of CPU per request (it was 2.7 ms: block-indexed deep pages, a trigram index ' +
    "for searches, the sandbox routed inside the server's router, a Content-Length body limit; since sign-in, " +
    'every /api request also reads its session, a SHA-256 and one indexed SQLite read, ~0.07 ms). With 50 ' +
    "clients that never pause, Little's law puts the median wait at ~50 × that (p50 ~29 ms); p99 is about " +
    'twice the median even for identical zero-row requests, which points at one event loop answering in ' +
    'batches while autocannon shares the two cores, not at slow requests. The goal needs ~0.45 ms per ' +
    "request; what is left is Node's HTTP parsing and socket writes (~0.2 ms), routing and middleware " +
    '(~0.1 ms, the synchronous request log ~5 %) and SQLite + JSON (~0.16 ms).',
  sendRecordP99:
    'A send gains ~2 ms at p50; at p99 the gain swings from ~4 to ~30 ms between runs of the same code, so ' +
    'most of it is queuing, not the record. The record costs ~0.6 ms of CPU (the fingerprint, 50 ids as JSON, ' +
    'two transactions through Kysely) and two durable commits (before the send leaves, and its outcome), each ' +
    'an fsync of 0.1-0.2 ms on this disk, all on the one thread that also answers the other three senders; ' +
    'on two cores shared with the four senders, a p99 send waits behind several of them. ' +
    'Not done, on purpose: synchronous=NORMAL (a power loss could drop the record of a send that left) or ' +
    'completing the record after the answer (a crash then would leave "outcome unknown" for a known outcome). ' +
    "What would move it: the begin's two writes (record and in-flight row) as one statement, and the " +
    'records on a worker thread so the event loop never waits for a commit.',
};
