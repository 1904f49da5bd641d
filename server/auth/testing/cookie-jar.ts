/**
 * Just enough of a browser's cookie handling for the sign-in tests: cookies kept by host (not port: browsers
 * ignore ports too), name and path, removed by `Max-Age=0` or a past `Expires`, and sent to requests whose host
 * and path they cover.
 */
export interface StoredCookie {
  host: string;
  name: string;
  value: string;
  path: string;
  /** The attributes as the server wrote them, lower-cased (`httponly`, `samesite=lax`, `secure`, ...). */
  attributes: string[];
}

export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>();

  /** Takes every Set-Cookie of a response to `url`. */
  store(url: string, response: Response): void {
    const host = new URL(url).hostname;
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...rest] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attributes = rest.map((part) => part.toLowerCase());
      const path = rest.find((part) => /^path=/i.test(part))?.slice(5) ?? '/';
      const key = `${host};${name};${path}`;
      const maxAge = attributes.find((part) => part.startsWith('max-age='));
      const expires = rest.find((part) => /^expires=/i.test(part));
      const expired =
        (maxAge !== undefined && Number(maxAge.slice(8)) <= 0) ||
        (expires !== undefined && Date.parse(expires.slice(8)) <= Date.now());
      if (expired || value === '') this.cookies.delete(key);
      else this.cookies.set(key, { host, name, value, path, attributes });
    }
  }

  get(name: string): StoredCookie | undefined {
    return [...this.cookies.values()].find((cookie) => cookie.name === name);
  }

  set(cookie: StoredCookie): void {
    this.cookies.set(`${cookie.host};${cookie.name};${cookie.path}`, cookie);
  }

  header(url: string): string {
    const { hostname, pathname } = new URL(url);
    return [...this.cookies.values()]
      .filter(
        (cookie) =>
          cookie.host === hostname &&
          (pathname === cookie.path ||
            pathname.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`)),
      )
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
  }

  /** A copy, to replay an old state of the browser. */
  clone(): CookieJar {
    const copy = new CookieJar();
    for (const cookie of this.cookies.values()) copy.set({ ...cookie });
    return copy;
  }
}
