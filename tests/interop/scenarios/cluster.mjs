// Two centrifuge-js clients on two different nodes of one cluster (Redis engine). Checks that a
// publication made through one node's API reaches both, that presence and history answer the same on
// every node, that a client that left node A recovers what it missed when it comes back on node B,
// and that an API disconnect sent to node A closes a connection that lives on node B.
// Args: wsUrls[2], apiUrls[], apiKey, tokens { alice, bob }, channel, protocol.
import WebSocket from 'ws';
import { args, loadCentrifuge, waitFor, decode, run, sleep } from '../harness.mjs';

async function api(url, method, body) {
  const response = await fetch(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': args.apiKey },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (json.error) throw new Error(`${method} on ${url}: ${JSON.stringify(json.error)}`);
  return json.result ?? {};
}

async function until(condition, what, ms = 5000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error(`timeout waiting for ${what}`);
    await sleep(10);
  }
}

run(async () => {
  const Centrifuge = await loadCentrifuge();
  const open = (url, token) => new Centrifuge(url, { websocket: WebSocket, token, minReconnectDelay: 100, maxReconnectDelay: 300, timeout: 5000 });

  // 1. alice on node 0, bob on node 1, both in one channel.
  const alice = open(args.wsUrls[0], args.tokens.alice);
  const bob = open(args.wsUrls[1], args.tokens.bob);
  const got = { alice: [], bob: [] };
  let alicePosition = null;
  const aliceSub = alice.newSubscription(args.channel);
  aliceSub.on('publication', (ctx) => { got.alice.push(decode(ctx.data).n); alicePosition = { offset: ctx.offset, epoch: alicePosition?.epoch }; });
  const bobSub = bob.newSubscription(args.channel);
  bobSub.on('publication', (ctx) => got.bob.push(decode(ctx.data).n));
  const aliceSubscribed = waitFor(aliceSub, 'subscribed', 10000);
  const bobSubscribed = waitFor(bobSub, 'subscribed', 10000);
  aliceSub.subscribe(); bobSub.subscribe();
  alice.connect(); bob.connect();
  const first = await aliceSubscribed;
  await bobSubscribed;
  alicePosition = { offset: first.streamPosition.offset, epoch: first.streamPosition.epoch };

  // 2. Published through the last node's API, delivered on both nodes.
  const publishVia = args.apiUrls[args.apiUrls.length - 1];
  await api(publishVia, 'publish', { channel: args.channel, data: { n: 0 } });
  await until(() => got.alice.length === 1 && got.bob.length === 1, 'the first publication on both nodes');

  // 3. Presence and history from every node.
  const views = [];
  for (const url of args.apiUrls) {
    const presence = await api(url, 'presence', { channel: args.channel });
    const history = await api(url, 'history', { channel: args.channel, limit: -1 });
    views.push({
      presenceUsers: Object.values(presence.presence ?? {}).map((c) => c.user).sort(),
      historyOffsets: (history.publications ?? []).map((p) => p.offset),
      epoch: history.epoch,
    });
  }

  // 4. alice leaves node 0; two publications happen; she comes back on node 1 and recovers them.
  // Publish only once the server has seen her go, so nothing more reaches her old connection.
  alice.disconnect();
  for (const start = Date.now(); ;) {
    const presence = await api(args.apiUrls[0], 'presence', { channel: args.channel });
    if (!Object.values(presence.presence ?? {}).some((c) => c.user === 'alice')) break;
    if (Date.now() - start > 5000) throw new Error('alice still present after disconnect');
    await sleep(20);
  }
  await api(publishVia, 'publish', { channel: args.channel, data: { n: 1 } });
  await api(publishVia, 'publish', { channel: args.channel, data: { n: 2 } });
  const aliceAgain = open(args.wsUrls[1], args.tokens.alice);
  const recovered = [];
  const again = aliceAgain.newSubscription(args.channel, { since: alicePosition });
  again.on('publication', (ctx) => recovered.push(decode(ctx.data).n));
  const resubscribed = waitFor(again, 'subscribed', 10000);
  again.subscribe();
  aliceAgain.connect();
  const second = await resubscribed;
  await until(() => recovered.length >= 2, `recovered publications (from ${JSON.stringify(alicePosition)}: ${JSON.stringify(second)}, got ${JSON.stringify(recovered)}, alice had ${JSON.stringify(got.alice)})`);

  // 5. Disconnect bob (on node 1) through node 0's API.
  const bobClosed = waitFor(bob, 'disconnected', 10000);
  await api(args.apiUrls[0], 'disconnect', { user: 'bob', disconnect: { code: 4501, reason: 'moderated' } });
  const closed = await bobClosed;

  aliceAgain.disconnect();
  return {
    alice: got.alice, bob: got.bob, views,
    wasRecovering: second.wasRecovering, recovered: second.recovered, recoveredData: recovered,
    bobCode: closed.code, bobReason: closed.reason,
  };
});
