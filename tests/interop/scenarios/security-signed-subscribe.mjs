// A subscription token signed with an asymmetric key (ES256 with ecdsa_public_key) obtained through
// getToken admits the client to a private channel, where it receives an API publication; a token
// signed with a key the server does not trust leaves that subscription unsubscribed with code 103.
import { args, newClient, waitFor, apiCall, decode, run } from '../harness.mjs';

run(async () => {
  const client = await newClient({ token: args.token });
  client.connect();
  await waitFor(client, 'connected');

  let tokenRequests = 0;
  const sub = client.newSubscription(args.channel, {
    getToken: async (ctx) => {
      tokenRequests += 1;
      return ctx.channel === args.channel ? args.subToken : '';
    },
  });
  const received = [];
  sub.on('publication', (ctx) => received.push(decode(ctx.data)));
  sub.subscribe();
  await waitFor(sub, 'subscribed');
  await apiCall('publish', { channel: args.channel, data: { text: 'private' } });
  const start = Date.now();
  while (received.length < 1 && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 20));

  const forged = client.newSubscription(args.forgedChannel, { getToken: async () => args.forgedSubToken });
  const outcome = new Promise((resolve) => {
    forged.on('subscribed', () => resolve({ ok: true }));
    forged.on('unsubscribed', (ctx) => resolve({ ok: false, code: ctx.code }));
  });
  forged.subscribe();
  const forgedOutcome = await outcome;
  const stillConnected = client.state;
  client.disconnect();
  return { received, tokenRequests, forged: forgedOutcome, stillConnected };
});
