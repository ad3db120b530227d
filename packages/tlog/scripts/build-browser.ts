// Bundles the browser verifier (src/browser/index.ts) into one minified ESM file and prints its size.
// Usage: npx tsx packages/tlog/scripts/build-browser.ts [--out <file>]
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const outIndex = process.argv.indexOf('--out');
const outfile = path.resolve(outIndex > 0 ? process.argv[outIndex + 1]! : path.join(packageDir, 'dist', 'tlog-verify.min.js'));

mkdirSync(path.dirname(outfile), { recursive: true });
await build({
  entryPoints: [path.join(packageDir, 'src', 'browser', 'index.ts')],
  outfile,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2020'],
  legalComments: 'none',
  // Generated code: keep linters that walk the package (eslint .) out of it.
  banner: { js: '/* eslint-disable */' },
  logLevel: 'warning',
});
const bytes = readFileSync(outfile);
const gzipped = gzipSync(bytes, { level: 9 }).length;
console.log(`${path.relative(process.cwd(), outfile)}: ${bytes.length} bytes, ${gzipped} bytes gzipped`);
