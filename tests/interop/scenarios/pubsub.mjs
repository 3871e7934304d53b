// Connect with a token, subscribe, receive a publication made through the HTTP API,
// publish from the client where allowed and get 103 where not.
import { args, newClient, waitFor, apiCall, decode, encode, run } from '../harness.mjs';

run(async () => {
  const client = await newClient({ token: args.token });
  const sub = client.newSubscription(args.channel);
  const received = [];
  sub.on('publication', (ctx) => received.push(decode(ctx.data)));
  sub.subscribe();
  client.connect();
  const connected = await waitFor(client, 'connected');
  await waitFor(sub, 'subscribed');
  const api = await apiCall('publish', { channel: args.channel, data: { text: 'from api' } });
  await sub.publish(encode({ text: 'from client' }));
  let forbiddenCode = null;
  try {
    await client.publish(args.forbiddenChannel, encode({ text: 'nope' }));
  } catch (e) {
    forbiddenCode = e.code;
  }
  const start = Date.now();
  while (received.length < 2 && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 20));
  client.disconnect();
  return { clientId: connected.client, transport: connected.transport, api, received, forbiddenCode };
});
