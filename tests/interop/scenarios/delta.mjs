// Fossil delta compression negotiated on subscribe: the client decodes every publication correctly.
import { args, newClient, waitFor, apiCall, decode, run } from '../harness.mjs';

run(async () => {
  const client = await newClient({ token: args.token });
  const sub = client.newSubscription(args.channel, { delta: 'fossil' });
  const received = [];
  sub.on('publication', (ctx) => received.push(decode(ctx.data)));
  sub.subscribe();
  client.connect();
  const subscribed = await waitFor(sub, 'subscribed');
  const base = { items: Array.from({ length: 50 }, (_, i) => `item-${i}`), version: 0 };
  const sent = [];
  for (let v = 1; v <= 4; v++) {
    const value = { ...base, version: v };
    sent.push(value);
    await apiCall('publish', { channel: args.channel, data: value, delta: true });
  }
  const start = Date.now();
  while (received.length < sent.length && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 10));
  client.disconnect();
  return { same: JSON.stringify(received) === JSON.stringify(sent), count: received.length, positioned: subscribed.positioned };
});
