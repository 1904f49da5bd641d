/**
 * The team's reading of a missed goal: what holds the figure back and what would move it. Written by hand after
 * looking at a run's facts and profiles, named here and attached to its row in bench/metrics.ts (where the
 * goal is); BENCHMARKS.md prints it under the miss. A reading goes stale when the code changes: rewrite it
 * with the run that shows the new figures.
 */
export const MISS_READINGS = {
  firstLoadJavaScript:
    "Most of it is the chosen stack before any page code: react-dom (~57 KB gzip), react-router 7's data " +
    "router (~28), React Query (~13 across chunks), emotion + MUI's styling core (~30), zod/mini with the " +
    'contract (~10), react-hook-form + resolvers (~9) and @tanstack/react-virtual (~5). What the page alone ' +
    "adds is ~45 KB. Already done: routes are chunks and the server preloads the opened one (so Vite's own " +
    "preload wrapper is off); the confirmation dialog, the error summary, the test invite's failure report, " +
    "the event's load-failure pages, p-map and tooltips load on demand; rows are plain markup. Sign-in (who " +
    'is signed in, Sign out, the session check and the saved draft) added ~4 KB. A helper ' +
    'reached 198.7 KB by replacing react-hook-form, @tanstack/react-virtual and use-debounce with hand-written ' +
    "hooks and stubbing MUI's CSS-variables builder; we reverted that: the stack and the issue name those " +
    'libraries, and 25 KB on a page opened a few times a day does not pay for owning a form library and a ' +
    'virtualizer. The send history added ~2 KB before the first row (the record queries, the ' +
    "contract's history shapes, the Activity link) and its History section's 6.3 KB, which loads only once " +
    'the first rows are painted but before the network is idle, so it counts here. Bundled as ~20 small ' +
    'shared chunks the page was 4.6 KB larger; the build now groups the modules most chunks share. ' +
    'Left to try: the selected-traveler chips on demand (~1.5 KB); ' +
    "the goal itself was set before the stack's floor (roughly 150 KB) was measured.",
  firstRow:
    "The event's size is not the cause: the 25-traveler event takes as long (see its row). Measured from a " +
    'settled page (earlier runs also measured Chromium starting its address-bar popup, ~0.2 s before the ' +
    'first script was requested), the scripts are requested at ~40 ms and in by ~0.25 s; the data (8 ' +
    'requests) is in by ~0.75 s; the page then appears in one commit ~0.3 s later. A CPU profile of that ' +
    "stretch shows the components' own render code at ~0.1 s: the rest is " +
    "compiling and evaluating ~700 KB of JavaScript, emotion inserting MUI's styles, and the first layout. " +
    "Done so far, each measured A/B at 10-20 %: the server's HTML preloads the route's chunks; the router " +
    "(and its loaders' requests) starts before React renders; the first render is a transition, so the " +
    'names are asked for while it runs; rows are plain markup; date formatters are made on first use (a ' +
    "page's first Intl.DateTimeFormat costs ~100 ms here, which delayed the first request); common " +
    'countries are named without an Intl.DisplayNames (15-55 ms in the first render). Tried and ' +
    'dropped: holding the page until its travelers are in (slower: ~1.9 s). What would move it further is ' +
    'less main-thread work on a cold load: server-rendered HTML for the page and its first travelers, or ' +
    'styles extracted at build time instead of emotion at run time; both are larger changes than this issue.',
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
