// Applies deltas with the decoder shipped in centrifuge-js, the way the SDK does.
// stdin: JSON array of cases, each either
//   {"source": base64, "delta": base64}          -> the bundle's applyDelta on raw bytes
//   {"source": base64, "jsonReply": "<text>"}    -> the JSON SDK path: parse the reply frame, take
//                                                   push.pub, run the codec's applyDeltaIfNeeded
// stdout: JSON array of {"target": base64} or {"error": message}, in case order.
'use strict';
const fs = require('fs');
const path = require('path');

const packageDir = path.join(process.env.INTEROP_DIR, 'node_modules', 'centrifuge', 'build');
const bundle = fs.readFileSync(path.join(packageDir, 'index.js'), 'utf8');

// applyDelta is not exported; cut the decoder (its digit table through the function) out of the bundle.
const start = bundle.indexOf('const zValue = [');
const applyStart = bundle.indexOf('function applyDelta(', start);
const end = bundle.indexOf('class JsonCodec', applyStart);
if (start < 0 || applyStart < 0 || end < 0) {
  throw new Error('applyDelta not found in the centrifuge-js bundle');
}
const applyDelta = new Function(bundle.slice(start, end) + '\nreturn applyDelta;')();

const { Centrifuge } = require(path.join(packageDir, 'index.js'));
const jsonCodec = new Centrifuge('ws://127.0.0.1:1/unused', {})._codec;

const cases = JSON.parse(fs.readFileSync(0, 'utf8'));
const results = cases.map((c) => {
  try {
    const source = new Uint8Array(Buffer.from(c.source, 'base64'));
    if (c.delta !== undefined) {
      const delta = new Uint8Array(Buffer.from(c.delta, 'base64'));
      return { target: Buffer.from(applyDelta(source, delta)).toString('base64') };
    }
    const replies = jsonCodec.decodeReplies(c.jsonReply);
    const pub = replies[0].push.pub;
    const { newPrevValue } = jsonCodec.applyDeltaIfNeeded(pub, source);
    return { target: Buffer.from(newPrevValue).toString('base64') };
  } catch (e) {
    return { error: String(e && e.message ? e.message : e) };
  }
});
process.stdout.write(JSON.stringify(results));
