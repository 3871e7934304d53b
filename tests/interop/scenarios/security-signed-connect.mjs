// A connection token signed with an asymmetric key (RS256 with rsa_public_key, or any algorithm the
// server's keys accept) connects and receives an API publication on a server-side subscription;
// a token signed with a key the server does not trust ends with 3500 and no reconnect.
import { args, newClient, waitFor, apiCall, decode, run } from '../harness.mjs';

run(async () => {
  const client = await newClient({ token: args.token });
  const received = [];
  client.on('publication', (ctx) => received.push(decode(ctx.data)));
  client.connect();
  const connected = await waitFor(client, 'connected');
  await apiCall('publish', { channel: args.serverChannel, data: { text: 'signed' } });
  const start = Date.now();
  while (received.length < 1 && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 20));
  client.disconnect();

  const forged = await newClient({ token: args.forgedToken });
  forged.connect();
  const rejected = await waitFor(forged, 'disconnected');
  return {
    clientId: connected.client,
    received,
    forgedCode: rejected.code,
    forgedState: forged.state,
  };
});
