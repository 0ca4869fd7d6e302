// Loaded with `node --import` when /usr/bin/time is missing: prints the process's peak memory on exit.
process.on('exit', () => {
  process.stderr.write(`\nmaxRSS-kB: ${process.resourceUsage().maxRSS}\n`);
});
