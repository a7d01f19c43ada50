import net from 'node:net';

/**
 * A TCP relay in front of a real server (Redis here), to reproduce its failures as they happen
 * in production: `freeze()` keeps connections open but relays nothing, holding what was sent
 * until `resume()` (as the kernel does for a server stopped with kill -STOP), `refuse()` closes
 * every connection and refuses new ones (a server that is down), `resume()` restores the relay.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  let mode: 'relay' | 'frozen' | 'refusing' = 'relay';
  const sockets = new Set<net.Socket>();
  const held: { to: net.Socket; chunk: Buffer }[] = [];
  const server = net.createServer((client) => {
    if (mode === 'refusing') return client.destroy();
    const upstream = net.connect(target);
    sockets.add(client).add(upstream);
    const relay = (from: net.Socket, to: net.Socket) =>
      from.on('data', (chunk: Buffer) => {
        if (mode === 'relay') to.write(chunk);
        else held.push({ to, chunk });
      });
    relay(client, upstream);
    relay(upstream, client);
    for (const socket of [client, upstream]) {
      socket.on('error', () => undefined);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `redis://127.0.0.1:${port}`,
    freeze() {
      mode = 'frozen';
    },
    refuse() {
      mode = 'refusing';
      held.length = 0;
      for (const socket of sockets) socket.destroy();
    },
    resume() {
      mode = 'relay';
      for (const { to, chunk } of held.splice(0)) if (!to.destroyed) to.write(chunk);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
