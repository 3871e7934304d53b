// Publications made while a client is disconnected are recovered on reconnect (recovered flag set),
// or, when history no longer holds them, the client is told the position was not recovered.
import { args, newClient, waitFor, apiCall, decode, run } from '../harness.mjs';

run(async () => {
  const client = await newClient({ token: args.token });
  const sub = client.newSubscription(args.channel);
  const received = [];
  sub.on('publication', (ctx) => received.push(decode(ctx.data).n));
  sub.subscribe();
  client.connect();
  const first = await waitFor(sub, 'subscribed');
  await apiCall('publish', { channel: args.channel, data: { n: 0 } });
  while (received.length < 1) await new Promise((r) => setTimeout(r, 10));
  client.disconnect();
  await waitFor(client, 'disconnected').catch(() => {});
  for (let i = 1; i <= args.missed; i++) await apiCall('publish', { channel: args.channel, data: { n: i } });
  client.connect();
  const second = await waitFor(sub, 'subscribed');
  const start = Date.now();
  while (received.length < 1 + (second.recovered ? args.missed : 0) && Date.now() - start < 3000) {
    await new Promise((r) => setTimeout(r, 10));
  }
  client.disconnect();
  return {
    firstRecoverable: first.recoverable, firstPositioned: first.positioned,
    wasRecovering: second.wasRecovering, recovered: second.recovered, received,
  };
});
