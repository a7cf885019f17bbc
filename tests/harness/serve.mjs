// A loopback HTTP server for generated pages (tests, demo, benchmark, sweep). Listens on 127.0.0.1 only.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.pdf': 'application/pdf',
};

/**
 * @typedef {{ body: string | Buffer, headers?: Record<string, string>, file?: string }} Route
 */
export async function startServer() {
  /** @type {Map<string, Route>} */
  const routes = new Map();
  const server = http.createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = route.file ? await readFile(route.file) : route.body;
    res.writeHead(200, {
      'content-type': TYPES[extname(route.file ?? path)] ?? TYPES['.html'],
      'cache-control': 'no-store',
      ...route.headers,
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    /** @param {string} path @param {string} [host] */
    url: (path, host = '127.0.0.1') => `http://${host}:${port}${path}`,
    /** @param {string} path @param {string | Buffer} body @param {Record<string, string>} [headers] */
    put(path, body, headers) {
      routes.set(path, { body, headers });
      return `http://127.0.0.1:${port}${path}`;
    },
    /** @param {string} path @param {string} file */
    putFile(path, file) {
      routes.set(path, { body: '', file });
      return `http://127.0.0.1:${port}${path}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
