#!/usr/bin/env node
// Checks the packaged .vsix: under 2 MB and holding only what users need (dist/*.js, media/, package.json, README,
// CHANGELOG, LICENSE, package.nls.json (manifest strings), plus vsce's own manifest files). Run after `npm run package`:
//   node scripts/check-package.mjs [file.vsix]
import { readFileSync, statSync } from 'node:fs';

const MAX_BYTES = 2 * 1024 * 1024;
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/package\.nls(\.[a-z-]+)?\.json$/,
  /^extension\/readme\.md$/,
  /^extension\/changelog\.md$/,
  /^extension\/LICENSE\.txt$/,
  /^extension\/dist\/[^/]+\.js$/,
  /^extension\/media\/.+$/,
  /^extension\/docs\/rules\/[^/]+\.md$/, // the rule pages diagnostics link to (src/extension/convert.ts)
];
const REQUIRED = [
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/extension.js',
  'extension/dist/main.js', // the features, loaded by the entry on first use
  'extension/dist/cli.js',
  'extension/media/icon.png',
  'extension/package.nls.json',
  'extension/media/walkthrough/scan.png', // the walkthrough's images (package.json contributes.walkthroughs)
  'extension/docs/rules/python.requests-verify-false.md',
];

/** Names of the entries in a zip file, read from its central directory (no unzip tool needed). */
function zipEntries(buf) {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file (no end-of-central-directory record)');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`corrupt central directory at entry ${i}`);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    names.push(buf.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

function main() {
  const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));
  const file = process.argv[2] ?? `${name}-${version}.vsix`;
  const size = statSync(file).size;
  const names = zipEntries(readFileSync(file));
  const problems = [
    ...(size >= MAX_BYTES ? [`${file} is ${size} bytes; the limit is ${MAX_BYTES}`] : []),
    ...names.filter((n) => !ALLOWED.some((re) => re.test(n))).map((n) => `unexpected file in the package: ${n}`),
    ...REQUIRED.filter((n) => !names.includes(n)).map((n) => `missing from the package: ${n}`),
  ];
  console.log(`${file}: ${(size / 1024).toFixed(1)} KB, ${names.length} entries`);
  for (const p of problems) console.error(`check-package: ${p}`);
  return problems.length ? 1 : 0;
}

try {
  process.exit(main());
} catch (e) {
  console.error(`check-package: ${e.message}`);
  process.exit(2);
}
