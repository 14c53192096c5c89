// Loaded with `node --import` by the CSV bench: reports the process's peak memory and CPU time (worker threads included).
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nmax-rss-kb ${usage.maxRSS} cpu-us ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
