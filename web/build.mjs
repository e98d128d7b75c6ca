// Builds the front-end into ../internal/web/static, where Go embeds it:
// minified bundles, the country shapes, and the licences of everything
// bundled. Run `npm ci && npm run build` (or ./build.sh) after changing
// web/src or a dependency; commit the result so that Go needs no Node.
import * as esbuild from 'esbuild';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

const out = path.resolve('../internal/web/static');
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  legalComments: 'none',
  outdir: out,
  metafile: true,
  logLevel: 'warning',
  loader: { '.png': 'dataurl', '.svg': 'dataurl' },
};
const js = await esbuild.build({
  ...common,
  entryPoints: { dossier: 'src/dossier.js', map: 'src/map.js', timeline: 'src/timeline.js', network: 'src/network.js' },
  format: 'iife',
  target: ['es2020'],
});
const css = await esbuild.build({
  ...common,
  entryPoints: { dossier: 'src/dossier.css', map: 'src/map.css', timeline: 'src/timeline.css', network: 'src/network.css' },
});

await copyFile('node_modules/world-atlas/countries-110m.json', path.join(out, 'countries-110m.json'));
await copyFile('src/favicon.svg', path.join(out, 'favicon.svg'));

// The licence of every package that went into a bundle, and of the data.
const packages = new Set(['world-atlas']);
for (const meta of [js.metafile, css.metafile]) {
  for (const input of Object.keys(meta.inputs)) {
    const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    if (m) packages.add(m[1]);
  }
}
// vis-timeline's and vis-data's own builds inline some of their
// dependencies; their licences go in too.
const inlined = ['@egjs/hammerjs', 'component-emitter', 'cssfilter', 'keycharm', 'propagating-hammerjs', 'vis-util', 'xss'];
if (packages.has('vis-timeline')) for (const p of inlined) if (existsSync(path.join('node_modules', p))) packages.add(p);
let notice = 'Third-party software and data bundled in dossier\'s web UI\n' +
  '(built by web/build.mjs from the versions pinned in web/package-lock.json)\n\n' +
  'Country shapes: Natural Earth (public domain), as packaged by world-atlas.\n' +
  'vis-timeline and vis-data also inline parts of core-js (MIT, (c) Denis Pushkarev).\n';
for (const name of [...packages].sort()) {
  const dir = path.join('node_modules', name);
  const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
  const files = (await readdir(dir)).filter((f) => /^(licen[cs]e|copying)/i.test(f)).sort();
  notice += '\n' + '='.repeat(72) + '\n' + `${name} ${pkg.version} — ${pkg.license || 'see below'}\n` + '='.repeat(72) + '\n';
  for (const f of files) notice += '\n' + (await readFile(path.join(dir, f), 'utf8')).trim() + '\n';
  if (files.length === 0) notice += '\n(no licence file in the package; its package.json names ' + (pkg.license || 'none') + ')\n';
}
await writeFile(path.join(out, 'THIRD_PARTY.txt'), notice);

for (const f of (await readdir(out)).sort()) {
  const size = (await readFile(path.join(out, f))).length;
  console.log(`${f.padEnd(24)} ${(size / 1024).toFixed(1).padStart(8)} KiB`);
}
if (!existsSync(path.join(out, 'dossier.js'))) process.exit(1);
