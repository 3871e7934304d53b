// A frame above the server's message size limit closes the connection for good.
import { args, newClient, waitFor, encode, run } from '../harness.mjs';

run(async () => {
  const client = await newClient({ token: args.token });
  client.connect();
  await waitFor(client, 'connected');
  const done = waitFor(client, 'disconnected', 5000);
  client.publish(args.channel, encode({ blob: 'x'.repeat(args.size) })).catch(() => {});
  const ctx = await done;
  return { code: ctx.code, reason: ctx.reason, state: client.state };
});
