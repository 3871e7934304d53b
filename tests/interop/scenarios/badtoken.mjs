// A bad connection token ends with the unauthorized disconnect code and no reconnect.
import { args, newClient, waitFor, run } from '../harness.mjs';

run(async () => {
  const client = await newClient({ token: args.token });
  client.connect();
  const ctx = await waitFor(client, 'disconnected');
  return { code: ctx.code, reason: ctx.reason, state: client.state };
});
