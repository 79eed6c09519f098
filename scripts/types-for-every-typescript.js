// Runs after `tsc` in `npm run build`: removes from dist/index.d.ts the export named 'module.exports'.
// The JavaScript keeps it (`require('eslint-plugin-aws-lambda')` then gives the plugin itself), but an
// export with a string name is syntax TypeScript reads only from 5.6, and the peer range starts at 5.4:
// there `import plugin from 'eslint-plugin-aws-lambda'` failed to compile, skipLibCheck or not.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'index.d.ts');
const text = readFileSync(file, 'utf8');
const kept = text.replace(/^export \{ plugin as 'module\.exports' \};\n/mu, '');
if (kept === text) throw new Error(`${file}: the 'module.exports' export was not found; update this script`);
writeFileSync(file, kept);
