// Clients subscribe with recovery and then only listen. After READY the test makes the node lose its PUB/SUB
// connection and publishes `expect` publications through another node while delivery is down; nothing is
// published after that. Each client must still end up with all of them, which only happens when the node
// notices the outage itself and makes the subscriptions recover. Reports per client what it got.
import { args, newClient, waitFor, decode, sleep, run } from '../harness.mjs';

run(async () => {
  const clients = [];
  for (let i = 0; i < args.count; i++) {
    const client = await newClient({ token: args.tokens[i] });
    const record = { received: [], resubscribes: [], reconnects: 0, subscribingCodes: [] };
    client.on('connecting', (ctx) => { if (ctx.code !== 0) record.reconnects++; });
    const sub = client.newSubscription(args.channel);
    let first = true;
    sub.on('subscribed', (ctx) => {
      if (first) { first = false; return; }
      record.resubscribes.push({ recovered: ctx.recovered, wasRecovering: ctx.wasRecovering });
    });
    sub.on('subscribing', (ctx) => { if (!first) record.subscribingCodes.push(ctx.code); });
    sub.on('publication', (ctx) => record.received.push(decode(ctx.data).n));
    sub.subscribe();
    client.connect();
    clients.push({ client, sub, record });
  }
  await Promise.all(clients.map((c) => waitFor(c.sub, 'subscribed', 10000)));
  console.log('READY');
  const deadline = Date.now() + args.waitMs;
  while (Date.now() < deadline && !clients.every((c) => c.record.received.length >= args.expect)) await sleep(20);
  clients.forEach(({ client }) => client.disconnect());
  return { clients: clients.map(({ record }) => record) };
});
