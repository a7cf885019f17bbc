// Requests to hosts other than the loopback server fail at once, the same way with and without the extension, so
// no load waits on a time-out (the benchmark and the sweep both use this). Chromium resolves every other name to NOTFOUND;
// Firefox sends every request not for 127.0.0.1 to a proxy on a local port nobody listens on.
import net from 'node:net';

export const BLOCK_CHROMIUM_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

export async function blockFirefoxPrefs() {
  const deadPort = await new Promise((done) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => done(port));
    });
  });
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': deadPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': deadPort,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
  };
}
