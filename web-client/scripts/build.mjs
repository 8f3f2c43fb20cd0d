// SPDX-License-Identifier: MIT
// Builds web-client/dist: our sources as they are (plain ES modules, no bundler) plus the browser
// builds of the npm dependencies and the certificate font, so the collector serves everything from
// its own origin and the page needs no network beyond it.
import { cpSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const dist = join(root, 'dist');
// Built next to dist and swapped in at the end, so a collector serving dist/ meanwhile (tests run
// in parallel) never sees a half-written tree.
const staging = join(root, 'dist.tmp');
const retired = join(root, 'dist.old');
const modules = join(root, 'node_modules');

const vendor = [
  ['jspdf/dist/jspdf.umd.min.js', 'jspdf.umd.min.js'],
  ['html2canvas/dist/html2canvas.min.js', 'html2canvas.min.js'],
  ['qrcode-generator/dist/qrcode.mjs', 'qrcode.mjs'],
];

// jsPDF's 14 standard fonts have no Cyrillic glyphs; the certificate embeds DejaVu (Debian
// fonts-dejavu-core). PROCTOR_CERT_FONT_DIR overrides the folder.
const fontDir = process.env.PROCTOR_CERT_FONT_DIR || '/usr/share/fonts/truetype/dejavu';
const fonts = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'];

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

rmSync(staging, { recursive: true, force: true });
cpSync(src, staging, { recursive: true });

mkdirSync(join(staging, 'vendor'), { recursive: true });
for (const [from, to] of vendor) {
  const file = join(modules, from);
  if (!existsSync(file)) fail(`${file} is missing: run "npm ci" in web-client first`);
  copyFileSync(file, join(staging, 'vendor', to));
}

mkdirSync(join(staging, 'fonts'), { recursive: true });
for (const name of fonts) {
  const file = join(fontDir, name);
  if (!existsSync(file)) fail(`${file} is missing: install the Debian package fonts-dejavu-core or set PROCTOR_CERT_FONT_DIR`);
  copyFileSync(file, join(staging, 'fonts', name));
}

rmSync(retired, { recursive: true, force: true });
if (existsSync(dist)) renameSync(dist, retired);
renameSync(staging, dist);
rmSync(retired, { recursive: true, force: true });

let bytes = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir)) {
    const p = join(dir, entry);
    if (statSync(p).isDirectory()) walk(p); else bytes += statSync(p).size;
  }
};
walk(dist);
console.log(`build: wrote ${dist} (${(bytes / 1024).toFixed(0)} KiB)`);
