import http from 'node:http';
import net from 'node:net';

export interface GetOptions {
  headers?: Record<string, string>;
  agent?: http.Agent | false;
  timeoutMs?: number;
}

/** One GET; resolves with the status code once the whole body has been read. */
export function httpGet(url: string, options: GetOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: options.headers, agent: options.agent ?? false }, (response) => {
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
      response.resume();
    });
    request.on('error', reject);
    if (options.timeoutMs) request.setTimeout(options.timeoutMs, () => request.destroy(new Error('timeout')));
  });
}

/** A port that was free a moment ago on 127.0.0.1 (the child binds it a little later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
