// Private ($) channels need a subscription token, user-limited (#) channels admit only their users,
// and the channel limit answers 106.
import { args, newClient, waitFor, run } from '../harness.mjs';

async function trySubscribe(client, channel, options = {}) {
  const sub = client.newSubscription(channel, options);
  const outcome = new Promise((resolve) => {
    sub.on('subscribed', () => resolve({ ok: true }));
    sub.on('unsubscribed', (ctx) => resolve({ ok: false, code: ctx.code }));
  });
  sub.subscribe();
  return outcome;
}

run(async () => {
  const client = await newClient({ token: args.token });
  client.connect();
  await waitFor(client, 'connected');
  const privateWithToken = await trySubscribe(client, args.privateChannel, { getToken: async () => args.subToken });
  const privateWithout = await trySubscribe(client, args.privateChannel2);
  const ownUserChannel = await trySubscribe(client, args.ownUserChannel);
  const otherUserChannel = await trySubscribe(client, args.otherUserChannel);
  const limit = [];
  for (const ch of args.limitChannels) limit.push(await trySubscribe(client, ch));
  client.disconnect();
  return { privateWithToken, privateWithout, ownUserChannel, otherUserChannel, limit };
});
