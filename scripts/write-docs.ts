/** npm run docs:rules: writes the generated documentation pages. */
import { writeFileSync } from 'node:fs';
import { rulesMarkdown } from './rules-doc.js';

writeFileSync(new URL('../docs/rules.md', import.meta.url), rulesMarkdown());
