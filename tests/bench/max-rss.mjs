// Loaded with `node --import` by the CSV bench: reports the process's peak memory (worker threads included).
process.on('exit', () => process.stderr.write(`\nmax-rss-kb ${process.resourceUsage().maxRSS}\n`));
