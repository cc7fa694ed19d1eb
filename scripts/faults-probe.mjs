// Loaded into the service by the memory soak of scripts/faults.mjs (node --expose-gc --import): on SIGUSR2 it
// collects all garbage and prints the memory in use, on a line of its own on stderr.
process.on('SIGUSR2', () => {
  globalThis.gc();
  const { rss, heapUsed } = process.memoryUsage();
  process.stderr.write(`${JSON.stringify({ memory: { rss, heapUsed } })}\n`);
});
