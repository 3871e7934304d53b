// Shared helpers for interop scenarios: each scenario is run by a C# test as
//   node scenarios/<name>.mjs '<json args>'
// and prints one line "RESULT <json>" before exiting. Arguments always contain
// { url, apiUrl, apiKey, protocol: "json" | "protobuf" } plus scenario-specific fields.
import WebSocket from 'ws';

export const args = JSON.parse(process.argv[2] ?? '{}');

export async function loadCentrifuge() {
  const mod = args.protocol === 'protobuf'
    ? await import('centrifuge/build/protobuf')
    : await import('centrifuge');
  return mod.Centrifuge;
}

export async function newClient(options = {}) {
  const Centrifuge = await loadCentrifuge();
  return new Centrifuge(args.url, {
    websocket: WebSocket,
    minReconnectDelay: 100,
    maxReconnectDelay: 300,
    timeout: 5000,
    ...options,
  });
}

export function waitFor(emitter, event, timeoutMs = 5000, predicate = () => true) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timeout waiting for ${event}`)), timeoutMs);
    const handler = (ctx) => {
      if (predicate(ctx)) {
        clearTimeout(timer);
        emitter.removeListener(event, handler);
        resolve(ctx);
      }
    };
    emitter.on(event, handler);
  });
}

export async function apiCall(method, body) {
  const response = await fetch(`${args.apiUrl}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': args.apiKey },
    body: JSON.stringify(body),
  });
  return response.json();
}

export function decode(data) {
  // Protobuf build delivers bytes; JSON build delivers parsed objects.
  if (data instanceof Uint8Array) {
    return JSON.parse(new TextDecoder().decode(data));
  }
  return data;
}

export function encode(value) {
  return args.protocol === 'protobuf' ? new TextEncoder().encode(JSON.stringify(value)) : value;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function finish(result) {
  console.log('RESULT ' + JSON.stringify(result));
  process.exit(0);
}

export async function run(main) {
  const hardTimeout = setTimeout(() => {
    console.log('RESULT ' + JSON.stringify({ error: 'scenario timed out' }));
    process.exit(2);
  }, args.timeoutMs ?? 20000);
  try {
    const result = await main();
    clearTimeout(hardTimeout);
    finish(result);
  } catch (e) {
    clearTimeout(hardTimeout);
    console.log('RESULT ' + JSON.stringify({ error: String(e?.message ?? JSON.stringify(e)), code: e?.code }));
    process.exit(1);
  }
}
