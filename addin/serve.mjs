// Serves dist/addin over HTTPS for sideloading (`npm run excel` starts it through
// office-addin-debugging). Certificate: ADDIN_CERT / ADDIN_KEY, or the localhost certificate that
// `npx office-addin-dev-certs install` puts in ~/.office-addin-dev-certs/. Port: ADDIN_PORT (3000).
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:https';
import { homedir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../dist/addin', import.meta.url));
const CERTS = join(homedir(), '.office-addin-dev-certs');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
};

const port = Number(process.env.ADDIN_PORT ?? 3000);
const [cert, key] = await Promise.all([
  readFile(process.env.ADDIN_CERT ?? join(CERTS, 'localhost.crt')),
  readFile(process.env.ADDIN_KEY ?? join(CERTS, 'localhost.key')),
]);

createServer({ cert, key }, async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'https://localhost').pathname));
  const file = join(ROOT, path === '/' ? 'taskpane.html' : path);
  if (!file.startsWith(ROOT)) {
    response.writeHead(403).end();
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Introuvable');
  }
}).listen(port, () => console.log(`dist/addin servi sur https://localhost:${port}/`));
