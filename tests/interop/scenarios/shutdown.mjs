// When the server shuts down, the client is told to reconnect (3001 shutdown) rather than stop.
import { args, newClient, waitFor, run } from '../harness.mjs';

run(async () => {
  const client = await newClient({ token: args.token, minReconnectDelay: 60000, maxReconnectDelay: 60000 });
  client.connect();
  await waitFor(client, 'connected');
  const connecting = waitFor(client, 'connecting', 15000);
  console.log('READY');
  const ctx = await connecting;
  client.disconnect();
  return { code: ctx.code, reason: ctx.reason };
});
