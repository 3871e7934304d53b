// History with limit, since and reverse after publications through the API.
import { args, newClient, waitFor, apiCall, decode, run } from '../harness.mjs';

run(async () => {
  for (let i = 1; i <= 5; i++) await apiCall('publish', { channel: args.channel, data: { n: i } });
  const client = await newClient({ token: args.token });
  const sub = client.newSubscription(args.channel);
  sub.subscribe();
  client.connect();
  await waitFor(sub, 'subscribed');
  const all = await sub.history({ limit: -1 });
  const firstTwo = await sub.history({ limit: 2, since: { offset: 0, epoch: all.epoch } });
  const afterTwo = await sub.history({ limit: 10, since: { offset: 2, epoch: all.epoch } });
  const newest = await sub.history({ limit: 2, reverse: true });
  const positionOnly = await sub.history({ limit: 0 });
  let badEpochCode = null;
  try {
    await sub.history({ limit: 10, since: { offset: 1, epoch: 'wrong-epoch' } });
  } catch (e) {
    badEpochCode = e.code;
  }
  client.disconnect();
  const values = (r) => r.publications.map((p) => decode(p.data).n);
  return {
    all: values(all), firstTwo: values(firstTwo), afterTwo: values(afterTwo), newest: values(newest),
    positionOnly: { count: positionOnly.publications.length, offset: Number(positionOnly.offset), epoch: positionOnly.epoch },
    epoch: all.epoch, offset: Number(all.offset), badEpochCode,
  };
});
