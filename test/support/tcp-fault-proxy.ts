// A loopback TCP proxy between the gateway and a test sshd that can, on command, reset every connection
// (RST) or stall them (stop forwarding bytes in both directions, like a dead NAT entry or a hung firewall),
// so tests can prove that keepalive and per-call deadlines turn "no packets" into a coded error.
import { AddressInfo, createConnection, createServer, Server, Socket } from 'node:net';

export interface TcpFaultProxy {
  readonly host: string;
  readonly port: number;
  /** Stop forwarding on every current and future connection (bytes are held, not delivered). */
  stall(): void;
  /** Forward again (held bytes are delivered). */
  resume(): void;
  /** Reset (RST) every current connection. */
  resetAll(): void;
  /** Number of connections accepted so far. */
  connectionCount(): number;
  /** Bytes forwarded from client to server so far. */
  bytesUpstream(): number;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  server: Socket;
}

export async function startTcpFaultProxy(targetHost: string, targetPort: number): Promise<TcpFaultProxy> {
  const pairs = new Set<Pair>();
  let stalled = false;
  let accepted = 0;
  let upstreamBytes = 0;

  const server: Server = createServer((client) => {
    accepted += 1;
    const upstream = createConnection({ host: targetHost, port: targetPort });
    const pair: Pair = { client, server: upstream };
    pairs.add(pair);
    const destroyBoth = (): void => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', destroyBoth);
    upstream.on('error', destroyBoth);
    client.on('close', destroyBoth);
    upstream.on('close', destroyBoth);
    client.on('data', (chunk: Buffer) => {
      upstreamBytes += chunk.length;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    if (stalled) {
      client.pause();
      upstream.pause();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    host: '127.0.0.1',
    port,
    stall: () => {
      stalled = true;
      for (const pair of pairs) {
        pair.client.pause();
        pair.server.pause();
      }
    },
    resume: () => {
      stalled = false;
      for (const pair of pairs) {
        pair.client.resume();
        pair.server.resume();
      }
    },
    resetAll: () => {
      for (const pair of [...pairs]) {
        pairs.delete(pair);
        pair.client.resetAndDestroy();
        pair.server.resetAndDestroy();
      }
    },
    connectionCount: () => accepted,
    bytesUpstream: () => upstreamBytes,
    close: async () => {
      for (const pair of [...pairs]) {
        pair.client.destroy();
        pair.server.destroy();
      }
      pairs.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
