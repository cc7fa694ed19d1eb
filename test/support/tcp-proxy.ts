import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A TCP proxy in front of a PostgreSQL URL, on loopback; its connections can be made to go silent. */
export interface TcpProxy {
  /** The same URL through the proxy. */
  url: string;
  /**
   * From now on, drops every byte either way on the open connections whose first packet (a PostgreSQL startup
   * message: user, database, application_name) contains `text`, without closing them: a network that loses
   * packets. Connections made afterwards pass.
   */
  silence(text: string): number;
  close(): Promise<void>;
}

export async function tcpProxy(databaseUrl: string): Promise<TcpProxy> {
  const target = new URL(databaseUrl);
  const open = new Set<{ client: Socket; server: Socket; first: string; silent: boolean }>();
  const proxy = createServer((client) => {
    const server = connect(Number(target.port || 5432), target.hostname);
    const pair = { client, server, first: '', silent: false };
    open.add(pair);
    client.on('data', (chunk: Buffer) => {
      if (pair.first === '') pair.first = chunk.toString('latin1');
      if (!pair.silent) server.write(chunk);
    });
    server.on('data', (chunk: Buffer) => {
      if (!pair.silent) client.write(chunk);
    });
    const end = () => {
      open.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('close', end).on('error', end);
    server.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String((proxy.address() as AddressInfo).port);
  return {
    url: url.toString(),
    silence(text) {
      let n = 0;
      for (const pair of open) {
        if (pair.first.includes(text)) {
          pair.silent = true;
          n += 1;
        }
      }
      return n;
    },
    async close() {
      for (const { client, server } of open) {
        client.destroy();
        server.destroy();
      }
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
