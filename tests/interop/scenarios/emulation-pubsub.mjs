// centrifuge-js over an emulation transport (http_stream or sse): connect, subscribe, receive API
// and client publications, publish through /emulation, then reconnect and recover missed
// publications. With `blockedWebsocket` a WebSocket endpoint that refuses the upgrade comes first in
// the transport list, so the client has to fall back.
// Args: base (http://host:port), transport, token, recChannel, chatChannel, blockedWebsocket, emulationBase.
import WebSocket from 'ws';
import { EventSource } from 'eventsource';
import { args, loadCentrifuge, waitFor, apiCall, decode, encode, run, sleep } from '../harness.mjs';

run(async () => {
  const Centrifuge = await loadCentrifuge();
  const transports = [];
  if (args.blockedWebsocket) {
    transports.push({ transport: 'websocket', endpoint: args.base.replace('http://', 'ws://') + '/connection/blocked' });
  }
  transports.push({ transport: args.transport, endpoint: `${args.base}/connection/${args.transport}` });
  const client = new Centrifuge(transports, {
    websocket: WebSocket,
    fetch: globalThis.fetch,
    readableStream: globalThis.ReadableStream,
    eventsource: EventSource,
    emulationEndpoint: `${args.emulationBase ?? args.base}/emulation`,
    token: args.token,
    minReconnectDelay: 100,
    maxReconnectDelay: 300,
    timeout: 5000,
  });

  const recovered = [];
  const chat = [];
  const rec = client.newSubscription(args.recChannel);
  rec.on('publication', (ctx) => recovered.push(decode(ctx.data).n));
  const chatSub = client.newSubscription(args.chatChannel);
  chatSub.on('publication', (ctx) => chat.push(decode(ctx.data).text));
  rec.subscribe();
  chatSub.subscribe();
  const connected = waitFor(client, 'connected', 10000);
  client.connect();
  const ctx = await connected;
  await Promise.all([rec.ready(5000), chatSub.ready(5000)]);

  await apiCall('publish', { channel: args.recChannel, data: { n: 0 } });
  await chatSub.publish(encode({ text: 'from client' }));
  const start = Date.now();
  while ((recovered.length < 1 || chat.length < 1) && Date.now() - start < 5000) await sleep(10);

  const presence = await chatSub.presenceStats().catch((e) => ({ error: e.code }));
  client.disconnect();
  await apiCall('publish', { channel: args.recChannel, data: { n: 1 } });
  await apiCall('publish', { channel: args.recChannel, data: { n: 2 } });
  const resubscribed = waitFor(rec, 'subscribed', 10000);
  client.connect();
  const second = await resubscribed;
  const again = Date.now();
  while (recovered.length < 3 && Date.now() - again < 5000) await sleep(10);
  client.disconnect();
  return {
    transport: ctx.transport, clientId: ctx.client, received: recovered, chat,
    recovered: second.recovered, wasRecovering: second.wasRecovering, presenceError: presence.error ?? null,
  };
});
