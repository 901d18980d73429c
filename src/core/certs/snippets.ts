// Ready-to-paste server configurations that use the development certificate.
import { shellWord } from '../text/quote';

/** One snippet: where it goes and the code. */
export interface Snippet {
  id: 'flask' | 'uvicorn' | 'node' | 'vite' | 'webpack';
  title: string;
  /** VS Code language id for a preview document. */
  language: string;
  code: string;
}

/** Paths as the snippets should show them (usually relative to the workspace, e.g. `.certs/cert.pem`). */
export interface SnippetPaths {
  cert: string;
  key: string;
}

/** A string literal valid in both JavaScript and Python (JSON escapes are a subset of both). */
function lit(s: string): string {
  return JSON.stringify(s.replace(/\\/g, '/'));
}

/** Snippets for Flask, uvicorn, Node's https module, Vite and webpack-dev-server, e.g. `serverSnippets({cert, key})`. */
export function serverSnippets(p: SnippetPaths): Snippet[] {
  const cert = lit(p.cert);
  const key = lit(p.key);
  return [
    {
      id: 'flask',
      title: 'Flask (app.run)',
      language: 'python',
      code: `app.run(host="localhost", port=5000, ssl_context=(${cert}, ${key}))\n`,
    },
    {
      id: 'uvicorn',
      title: 'uvicorn (FastAPI, Starlette)',
      language: 'shellscript',
      code: `uvicorn main:app --ssl-certfile ${shellWord(p.cert)} --ssl-keyfile ${shellWord(p.key)}\n`,
    },
    {
      id: 'node',
      title: 'Node https.createServer',
      language: 'javascript',
      code: [
        `const fs = require('fs');`,
        `const https = require('https');`,
        '',
        `https.createServer({ cert: fs.readFileSync(${cert}), key: fs.readFileSync(${key}) }, app).listen(8443);`,
        '',
      ].join('\n'),
    },
    {
      id: 'vite',
      title: 'Vite (vite.config.js: server.https)',
      language: 'javascript',
      code: [
        `import fs from 'node:fs';`,
        `import { defineConfig } from 'vite';`,
        '',
        'export default defineConfig({',
        `  server: { https: { cert: fs.readFileSync(${cert}), key: fs.readFileSync(${key}) } },`,
        '});',
        '',
      ].join('\n'),
    },
    {
      id: 'webpack',
      title: 'webpack-dev-server (webpack.config.js: devServer.server)',
      language: 'javascript',
      code: [
        'module.exports = {',
        '  devServer: {',
        `    server: { type: 'https', options: { cert: ${cert}, key: ${key} } },`,
        '  },',
        '};',
        '',
      ].join('\n'),
    },
  ];
}

/** All snippets as one Markdown document (for a preview editor). */
export function snippetsMarkdown(p: SnippetPaths): string {
  const fence = (s: Snippet) =>
    `## ${s.title}\n\n\`\`\`${s.language === 'shellscript' ? 'sh' : s.language}\n${s.code}\`\`\`\n`;
  return `# Serving HTTPS with the development certificate\n\n${serverSnippets(p).map(fence).join('\n')}`;
}
