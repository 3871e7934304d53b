// A connection token that expires soon is refreshed through getToken; the connection survives.
import { args, newClient, waitFor, run, sleep } from '../harness.mjs';

run(async () => {
  let calls = 0;
  const disconnects = [];
  const client = await newClient({
    token: args.shortToken,
    getToken: async () => { calls++; return args.longToken; },
  });
  client.on('disconnected', (ctx) => disconnects.push(ctx.code));
  client.on('connecting', (ctx) => disconnects.push(ctx.code));
  client.connect();
  await waitFor(client, 'connected');
  await sleep(args.waitMs);
  const state = client.state;
  client.disconnect();
  return { getTokenCalls: calls, state, disconnects: disconnects.filter((c) => c !== 0) };
});
