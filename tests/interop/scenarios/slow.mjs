// A client that stops reading is cut off with 3008 (slow) once its server-side queue overflows.
import WebSocket from 'ws';
import { args, apiCall, run, sleep } from '../harness.mjs';

run(async () => {
  const ws = new WebSocket(args.url);
  const closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise((resolve) => ws.on('open', resolve));
  const subscribed = new Promise((resolve) => ws.once('message', resolve));
  ws.send(`{"connect":{"token":"${args.token}"},"id":1}\n{"subscribe":{"channel":"${args.channel}"},"id":2}`);
  await subscribed;
  await sleep(100);
  ws._socket.pause();
  const blob = 'y'.repeat(64 * 1024);
  let published = 0;
  for (let i = 0; i < args.publications; i++) {
    await apiCall('publish', { channel: args.channel, data: { blob } });
    published++;
  }
  ws._socket.resume();
  const result = await closed;
  return { ...result, published };
});
