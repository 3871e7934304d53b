// The cent.js 6.1.0 server API client drives every method against a live server while a
// centrifuge-js client (user "42") is connected and subscribed to a presence channel:
// publish, broadcast, server-side subscribe/unsubscribe, presence, presence_stats, history,
// history_remove, channels with a pattern, info, refresh, an error reply, a pipeline over the
// legacy endpoint and finally a disconnect with a custom code.
import { CentClient } from 'cent.js';
import { args, newClient, waitFor, run, decode } from '../harness.mjs';

run(async () => {
  const cent = new CentClient({ url: `${args.apiUrl}/api`, apiKey: args.apiKey });
  const client = await newClient({ token: args.token });
  const sub = client.newSubscription('pres:room');
  const serverPublications = [];
  client.on('publication', (ctx) => serverPublications.push({ channel: ctx.channel, data: decode(ctx.data) }));
  sub.subscribe();
  client.connect();
  await waitFor(sub, 'subscribed');
  const out = {};

  out.publish = await cent.publish({ channel: 'hist:api', data: { n: 1 } });
  out.broadcast = await cent.broadcast({ channels: ['hist:api', 'pres:room'], data: { n: 2 } });

  const serverSubscribed = waitFor(client, 'subscribed', 5000, (ctx) => ctx.channel === 'news:srv');
  out.subscribe = await cent.subscribe({ user: '42', channel: 'news:srv', data: { welcome: true } });
  out.serverSubscribed = decode((await serverSubscribed).data);
  const serverPublication = waitFor(client, 'publication', 5000, (ctx) => ctx.channel === 'news:srv');
  await cent.publish({ channel: 'news:srv', data: { text: 'to the server-side subscription' } });
  out.serverPublication = decode((await serverPublication).data);

  out.presence = await cent.getPresence({ channel: 'pres:room' });
  out.presenceStats = await cent.getPresenceStats({ channel: 'pres:room' });
  out.history = await cent.getHistory({ channel: 'hist:api', limit: 10 });
  out.channels = await cent.getChannels({ pattern: 'pres:*' });
  out.info = await cent.getInfo();
  out.historyRemove = await cent.removeHistory({ channel: 'hist:api' });
  out.historyAfterRemove = await cent.getHistory({ channel: 'hist:api', limit: 10 });
  out.refresh = await cent.refresh({ user: '42', expire_at: Math.floor(Date.now() / 1000) + 3600 });

  const unsubscribed = waitFor(sub, 'unsubscribed');
  out.unsubscribe = await cent.unsubscribe({ user: '42', channel: 'pres:room' });
  const unsubscribeContext = await unsubscribed;
  out.unsubscribed = { code: unsubscribeContext.code, reason: unsubscribeContext.reason };

  try {
    await cent.publish({ channel: 'unknown:x', data: {} });
    out.unknownChannelThrew = false;
  } catch {
    out.unknownChannelThrew = true;
  }

  out.pipeline = await cent.pipeline([
    { method: 'publish', params: { channel: 'hist:pipe', data: { p: 1 } } },
    { method: 'publish', params: { channel: 'hist:pipe', data: { p: 2 } } },
    { method: 'history', params: { channel: 'hist:pipe', limit: 5 } },
    { method: 'info', params: {} },
  ]);

  const disconnected = waitFor(client, 'disconnected');
  out.disconnect = await cent.disconnect({ user: '42', disconnect: { code: 4500, reason: 'bye from api' } });
  const disconnectContext = await disconnected;
  out.disconnected = { code: disconnectContext.code, reason: disconnectContext.reason };
  out.serverPublications = serverPublications;
  return out;
});
