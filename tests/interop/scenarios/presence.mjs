// Two users subscribe to a presence channel; presence and presence_stats agree; join/leave events arrive.
import { args, newClient, waitFor, run, sleep } from '../harness.mjs';

run(async () => {
  const a = await newClient({ token: args.tokenA });
  const b = await newClient({ token: args.tokenB });
  const subA = a.newSubscription(args.channel, { joinLeave: true });
  const events = [];
  subA.on('join', (ctx) => events.push({ type: 'join', user: ctx.info.user }));
  subA.on('leave', (ctx) => events.push({ type: 'leave', user: ctx.info.user }));
  subA.subscribe();
  a.connect();
  await waitFor(subA, 'subscribed');
  const subB = b.newSubscription(args.channel);
  subB.subscribe();
  b.connect();
  await waitFor(subB, 'subscribed');
  await sleep(100);
  const presence = await subA.presence();
  const stats = await subA.presenceStats();
  subB.unsubscribe();
  await sleep(300);
  a.disconnect();
  b.disconnect();
  const users = Object.values(presence.clients).map((c) => c.user).sort();
  return { users, numClients: stats.numClients, numUsers: stats.numUsers, events };
});
