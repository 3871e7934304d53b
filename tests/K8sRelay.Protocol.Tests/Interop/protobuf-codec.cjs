// Runs our Protobuf frames through the codec of the centrifuge-js Protobuf build (reached through a
// client instance, which is how the SDK itself uses it).
// stdin:  {"replies": base64 frame of length-delimited replies, "commands": base64 frame of commands}
// stdout: {"replyCount", "replies": base64 of the SDK re-encoding what it decoded,
//          "commandCount", "commands": likewise, "sdkCommands": base64 of commands built like the SDK builds them}
'use strict';
const fs = require('fs');
const path = require('path');

const { Centrifuge } = require(path.join(process.env.INTEROP_DIR, 'node_modules', 'centrifuge', 'build', 'protobuf'));
const codec = new Centrifuge('ws://127.0.0.1:1/unused', {})._codec;
if (!codec || codec.name() !== 'protobuf') {
  throw new Error('the Protobuf build did not install its Protobuf codec');
}

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
const bytes = (b64) => new Uint8Array(Buffer.from(b64, 'base64'));
const text = (s) => new TextEncoder().encode(s);

const replies = codec.decodeReplies(bytes(input.replies));
const commands = codec.decodeCommands(bytes(input.commands));

// Commands shaped the way centrifuge-js 5.7 builds them.
const sdkCommands = [
  { id: 1, connect: { token: 'eyJ', data: text('{"a":1}'), name: 'js', version: '1.0', headers: { h: 'v' },
    subs: { '#42': { recover: true, offset: 12, epoch: 'xD5R' } } } },
  { id: 2, subscribe: { channel: 'news', flag: 1, recover: true, offset: 16, epoch: 'ep', delta: 'fossil', join_leave: true, positioned: true, recoverable: true, token: 'st', data: text('{}') } },
  { id: 3, publish: { channel: 'news', data: text('{"text":"yo"}') } },
  { id: 4, history: { channel: 'news', limit: 10, since: { offset: 5, epoch: 'ep' }, reverse: true } },
  { id: 5, presence: { channel: 'news' } },
  { id: 6, presence_stats: { channel: 'news' } },
  { id: 7, rpc: { method: 'getPrice', data: text('{"id":1}') } },
  { id: 8, refresh: { token: 'new' } },
  { id: 9, sub_refresh: { channel: 'news', token: 'st2' } },
  { id: 10, unsubscribe: { channel: 'news' } },
  { send: { data: text('{"s":1}') } },
  {},
];

const b64 = (u8) => Buffer.from(u8).toString('base64');
process.stdout.write(JSON.stringify({
  replyCount: replies.length,
  replies: b64(codec.encodeReplies(replies)),
  commandCount: commands.length,
  commands: b64(codec.encodeCommands(commands)),
  sdkCommands: b64(codec.encodeCommands(sdkCommands)),
}));
