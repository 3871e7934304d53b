// Paced drain across two nodes: N clients reach node A through a readiness-routing proxy and subscribe to a
// channel with recovery. After READY the test drains A; meanwhile publications keep going to node B. Each
// client must be told to reconnect (3001), land on B, recover what was published while it moved and never
// see a terminal disconnect. Reports per client what happened and when.
import { args, newClient, waitFor, apiCall, decode, sleep, run } from '../harness.mjs';

run(async () => {
  const clients = [];
  for (let i = 0; i < args.count; i++) {
    const client = await newClient({ token: args.tokens[i] });
    const record = { moves: [], terminal: [], received: new Set(), resubscribes: [], subscribedAgain: false, subEvents: [] };
    client.on('connecting', (ctx) => {
      if (ctx.code !== 0) record.moves.push({ code: ctx.code, reason: ctx.reason, at: Date.now() });
    });
    client.on('disconnected', (ctx) => record.terminal.push({ code: ctx.code, reason: ctx.reason }));
    const sub = client.newSubscription(args.channel);
    let first = true;
    sub.on('subscribed', (ctx) => {
      if (first) { first = false; return; }
      record.resubscribes.push({ wasRecovering: ctx.wasRecovering, recovered: ctx.recovered, at: Date.now() });
      record.subscribedAgain = true;
    });
    sub.on('publication', (ctx) => record.received.add(decode(ctx.data).n));
    sub.on('subscribing', (ctx) => { if (!first) record.subEvents.push({ event: 'subscribing', code: ctx.code, reason: ctx.reason, at: Date.now() }); });
    sub.on('unsubscribed', (ctx) => record.subEvents.push({ event: 'unsubscribed', code: ctx.code, reason: ctx.reason, at: Date.now() }));
    sub.on('error', (ctx) => record.subEvents.push({ event: 'error', type: ctx.type, code: ctx.error?.code, message: ctx.error?.message, at: Date.now() }));
    sub.subscribe();
    client.connect();
    clients.push({ client, sub, record });
  }
  await Promise.all(clients.map((c) => waitFor(c.sub, 'subscribed', 10000)));
  console.log('READY');

  // Publish until every client has moved and resubscribed, then a last one that everybody must get live.
  let n = 0;
  const deadline = Date.now() + args.publishForMs;
  while (Date.now() < deadline && !clients.every((c) => c.record.subscribedAgain)) {
    n++;
    const reply = await apiCall('publish', { channel: args.channel, data: { n } });
    if (reply.error) throw new Error('publish failed: ' + JSON.stringify(reply.error));
    await sleep(args.publishEveryMs);
  }
  if (clients.every((c) => c.record.subscribedAgain)) console.log('MOVED');
  n++;
  await apiCall('publish', { channel: args.channel, data: { n } });
  const waitUntil = Date.now() + 10000;
  while (Date.now() < waitUntil && !clients.every((c) => c.record.received.size >= n)) await sleep(20);

  const result = clients.map(({ record }) => ({
    moves: [...record.moves],
    terminal: [...record.terminal],
    resubscribes: [...record.resubscribes],
    subEvents: record.subEvents,
    missing: Array.from({ length: n }, (_, k) => k + 1).filter((k) => !record.received.has(k)),
  }));
  clients.forEach(({ client }) => client.disconnect());
  return { published: n, clients: result };
});
