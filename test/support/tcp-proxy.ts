import net from 'node:net';

/**
 * A TCP proxy in front of a real server, to simulate its outages without touching it (other test files share
 * the broker): `dropAll()` cuts every open connection as a restart would, `refuse()` resets new connections
 * at once as a stopped server does, `accept()` lets them through again.
 */
export interface TcpProxy {
  /** The port it listens on (127.0.0.1, chosen by the OS). */
  readonly port: number;
  /** Connections passing through now. */
  readonly openConnections: number;
  /** Connections accepted so far (not counting refused ones). */
  readonly acceptedConnections: number;
  /** Connections reset while refusing. */
  readonly refusedConnections: number;
  /** `url` with its host and port replaced by the proxy's, e.g. an amqp:// URL of the real server. */
  url(url: string): string;
  /** Destroys every open connection, both sides. */
  dropAll(): void;
  /** New connections are reset as soon as they arrive (the listener stays, so the port is kept). */
  refuse(): void;
  /** New connections are forwarded again. */
  accept(): void;
  /** dropAll() and refuse(): the server went away. */
  outage(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  let refusing = false;
  let accepted = 0;
  let refused = 0;

  const server = net.createServer((client) => {
    if (refusing) {
      refused++;
      client.resetAndDestroy();
      return;
    }
    accepted++;
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  const dropAll = () => {
    for (const { client, upstream } of [...pairs]) {
      client.destroy();
      upstream.destroy();
    }
    pairs.clear();
  };

  return {
    port,
    get openConnections() {
      return pairs.size;
    },
    get acceptedConnections() {
      return accepted;
    },
    get refusedConnections() {
      return refused;
    },
    url(url: string) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString().replace(/\/$/, '');
    },
    dropAll,
    refuse() {
      refusing = true;
    },
    accept() {
      refusing = false;
    },
    outage() {
      refusing = true;
      dropAll();
    },
    async close() {
      refusing = true;
      dropAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Host and port of a URL such as amqp://guest:guest@127.0.0.1:5672. */
export function hostPort(url: string, defaultPort: number): { host: string; port: number } {
  const u = new URL(url);
  return { host: u.hostname, port: u.port ? Number(u.port) : defaultPort };
}
