// Preloaded by bench/folder.bench.ts into a run of the command (node --require): as the process exits, it
// writes its peak resident memory (in KB) to the file PEAK_MEMORY_FILE names, which a parent cannot read
// of a child otherwise.
const { writeFileSync } = require('node:fs');

process.on('exit', () => writeFileSync(process.env.PEAK_MEMORY_FILE, String(process.resourceUsage().maxRSS)));
