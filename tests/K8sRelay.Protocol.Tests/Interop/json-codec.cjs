// Parses our JSON reply frame with the codec of centrifuge-js (JSON build), exactly as the SDK does
// for a WebSocket frame, and returns what it understood.
// stdin:  the frame text (replies joined by "\n")
// stdout: JSON array of the decoded replies
'use strict';
const fs = require('fs');
const path = require('path');

const { Centrifuge } = require(path.join(process.env.INTEROP_DIR, 'node_modules', 'centrifuge', 'build', 'index.js'));
const codec = new Centrifuge('ws://127.0.0.1:1/unused', {})._codec;
if (!codec || codec.name() !== 'json') {
  throw new Error('the JSON build did not install its JSON codec');
}

const frame = fs.readFileSync(0, 'utf8');
process.stdout.write(JSON.stringify(codec.decodeReplies(frame)));
