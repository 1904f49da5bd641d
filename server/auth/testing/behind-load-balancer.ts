/**
 * Several console instances behind one PUBLIC_URL, as a load balancer serves them: a request reaches one chosen
 * instance's port but carries the public Host header. (fetch cannot set Host; sent to an instance's own address,
 * a browser's GET would be redirected to PUBLIC_URL, server/http/one-host.ts.)
 */
import { request } from 'node:http';

export interface LoadBalancedAnswer {
  status: number;
  location: string | undefined;
  setCookie: string[];
  body: string;
}

/** GET `path` on the instance listening on 127.0.0.1:`port`, as if asked for at `publicUrl`. */
export function getBehindLoadBalancer(
  port: number,
  publicUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<LoadBalancedAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers: { ...headers, host: new URL(publicUrl).host } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location,
            setCookie: res.headers['set-cookie'] ?? [],
            body,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}
