import { connect, createServer, type Socket } from 'node:net';

interface Target {
  host: string;
  port: number;
}

export interface CuttingProxy {
  /** `http://127.0.0.1:<port>`: the address clients use instead of the target's. */
  url: string;
  /** Connections cut so far. */
  cuts: () => number;
  /** Bytes passed from clients to the target so far. */
  bytesUp: () => number;
  /** Bytes clients sent so far, those lost in cuts included. */
  bytesIn: () => number;
  /** Cut no more: the rest of the traffic passes whole. */
  stopCutting: () => void;
  close: () => Promise<void>;
}

/**
 * A TCP proxy on loopback in front of `target` (host:port; with several, the link comes back
 * after each cut to the next one, as a load balancer in front of several API processes may
 * send a client that reconnects) that behaves like a weak
 * mobile link: after every `cutEveryBytes` bytes sent towards the target (counted over
 * all connections), it destroys the connection it is on, both ways, mid-request, as a
 * dropped link or a sleeping phone does. At most `maxCuts` cuts (default: no limit).
 */
export async function startCuttingProxy(target: Target | readonly Target[], options: { cutEveryBytes: number; maxCuts?: number }): Promise<CuttingProxy> {
  let sinceCut = 0;
  let cuts = 0;
  let up = 0;
  let received = 0;
  let cutting = true;
  const sockets = new Set<Socket>();
  const targets: readonly Target[] = 'port' in target ? [target] : target;
  const server = createServer((client) => {
    const next = targets[cuts % targets.length] ?? targets[0]!;
    const upstream = connect(next.port, next.host);
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('data', (chunk: Buffer) => {
      received += chunk.length;
      const room = options.cutEveryBytes - sinceCut;
      if (cutting && (options.maxCuts === undefined || cuts < options.maxCuts) && chunk.length >= room) {
        // The part that fits goes through, then the link drops: the target saw a request end early.
        if (room > 0) upstream.write(chunk.subarray(0, room));
        up += Math.max(room, 0);
        sinceCut = 0;
        cuts++;
        upstream.end(() => { drop(); });
        client.destroy();
        return;
      }
      sinceCut += chunk.length;
      up += chunk.length;
      if (!upstream.write(chunk)) {
        client.pause();
        upstream.once('drain', () => client.resume());
      }
    });
    upstream.pipe(client);
    client.on('end', () => upstream.end());
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', () => { sockets.delete(client); });
    upstream.on('close', () => { sockets.delete(upstream); });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    cuts: () => cuts,
    bytesUp: () => up,
    bytesIn: () => received,
    stopCutting: () => { cutting = false; },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => { resolve(); });
      }),
  };
}
