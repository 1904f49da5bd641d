/**
 * Preloaded (`--import`) into the server the benchmark starts, and nothing else: when the benchmark's process
 * ends in a way that runs no cleanup (SIGKILL, e.g. from the tsx wrapper when Ctrl-C is not acknowledged within
 * 60 ms on a busy machine), the IPC channel to it closes, and the server then stops gracefully instead of
 * living on as an orphan holding the port. The server's own code is unchanged.
 */
if (process.channel) {
  // The channel must not keep the server alive by itself, nor be what keeps it from stopping.
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
