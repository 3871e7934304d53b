// Reads Kubernetes manifests and checks every document against the Kubernetes schemas of kubernetes-models.
//
//   node manifests.mjs FILE...
//
// Prints one JSON array on stdout, one entry per YAML document:
//   { file, index, object, status, errors }
// status is "valid", "invalid" or "unchecked" (a kind nothing here knows, such as a RealtimeCluster).
// Two checks run per built-in kind:
//   1. the package's own validator: types, required fields, enums and formats;
//   2. unknown fields: every field name is looked up in the kind's type declarations, because the validator lets
//      unknown (for example misspelled) fields through while the API server's strict field validation refuses them.
// ServiceMonitor, PodMonitor and ScaledObject are checked against the field lists in custom-kinds.mjs.
// Exit code 0 even when documents are invalid (the caller decides); 2 for unreadable input.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import YAML from 'yaml';
import { findUnknownFields } from './unknown-fields.mjs';
import { checkCustomKind } from './custom-kinds.mjs';

const require = createRequire(import.meta.url);
const modelsRoot = path.dirname(require.resolve('kubernetes-models/package.json'));

function modulePath(apiVersion) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : [null, apiVersion];
  return group ? `${group}/${version}` : version;
}

async function loadModel(apiVersion, kind) {
  try {
    const module = await import(`kubernetes-models/${modulePath(apiVersion)}`);
    return module[kind];
  } catch {
    return undefined;
  }
}

async function check(object) {
  if (!object || typeof object !== 'object' || !object.apiVersion || !object.kind) {
    return { status: 'invalid', errors: ['a manifest needs apiVersion and kind'] };
  }
  const Model = await loadModel(object.apiVersion, object.kind);
  if (!Model) {
    const problems = checkCustomKind(object);
    return problems === null ? { status: 'unchecked', errors: [] } : { status: problems.length ? 'invalid' : 'valid', errors: problems };
  }
  const errors = [];
  try {
    new Model(object).validate();
  } catch (e) {
    errors.push(e.message);
  }
  const declaration = path.join(modelsRoot, modulePath(object.apiVersion), `${object.kind}.d.ts`);
  errors.push(...findUnknownFields(object, declaration));
  return { status: errors.length ? 'invalid' : 'valid', errors };
}

const results = [];
try {
  for (const file of process.argv.slice(2)) {
    const documents = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8'));
    let index = 0;
    for (const document of documents) {
      if (document.errors.length) {
        results.push({ file, index: index++, object: null, status: 'invalid', errors: document.errors.map((e) => e.message) });
        continue;
      }
      const object = document.toJSON();
      if (object === null || object === undefined) {
        continue;
      }
      results.push({ file, index: index++, object, ...(await check(object)) });
    }
  }
} catch (e) {
  console.error(e.message);
  process.exit(2);
}
process.stdout.write(JSON.stringify(results));
