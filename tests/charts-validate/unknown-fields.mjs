// Finds field names that a Kubernetes kind does not declare, using the TypeScript declarations (.d.ts) that
// kubernetes-models ships next to each model: every interface lists its fields with their types, and imports
// name the files of nested types.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const packagesRoot = path.dirname(path.dirname(require.resolve('kubernetes-models/package.json')));
const parsed = new Map();

// One declaration file: { fields: Map(name -> type text) | null, imports: Map(identifier -> file), aliases: Set }.
// An interface without fields (JSON, JSONSchemaPropsOrBool...) stands for free-form data and is not checked.
function parse(file) {
  if (parsed.has(file)) {
    return parsed.get(file);
  }
  const text = fs.readFileSync(file, 'utf8');
  const imports = new Map();
  for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) {
    imports.set(m[1], resolveImport(file, m[2]));
  }
  const aliases = new Set();
  for (const m of text.matchAll(/export type \{ \w+ as (\w+)/g)) {
    aliases.add(m[1]);
  }
  const body = /^export interface (\w+)(?: extends [\w, ]+)? \{\n([\s\S]*?)^\}/m.exec(text);
  if (body) {
    aliases.add(body[1]);
  }
  const result = { fields: body ? readFields(body[2]) : null, imports, aliases, file };
  parsed.set(file, result);
  return result;
}

function resolveImport(from, specifier) {
  const target = specifier.startsWith('.')
    ? path.resolve(path.dirname(from), specifier)
    : path.join(packagesRoot, specifier);
  return target.replace(/\.js$/, '') + '.d.ts';
}

// Fields of an interface body: lines `    "name"?: Type;` where Type may span lines inside braces.
function readFields(body) {
  const fields = new Map();
  const withoutComments = body.replace(/\/\*\*[\s\S]*?\*\//g, '');
  const pattern = /^ {4}"([^"]+)"\??: /gm;
  let match;
  while ((match = pattern.exec(withoutComments)) !== null) {
    let depth = 0;
    let end = pattern.lastIndex;
    for (; end < withoutComments.length; end++) {
      const c = withoutComments[end];
      if (c === '{' || c === '<') depth++;
      else if (c === '}' || c === '>') depth--;
      else if (c === ';' && depth === 0) break;
    }
    fields.set(match[1], withoutComments.slice(pattern.lastIndex, end).trim());
    pattern.lastIndex = end;
  }
  return fields;
}

function checkValue(value, type, declaration, where, problems) {
  if (value === null || value === undefined) {
    return;
  }
  const array = /^Array<(.+)>$/s.exec(type);
  if (array) {
    if (Array.isArray(value)) {
      value.forEach((item, i) => checkValue(item, array[1].trim(), declaration, `${where}[${i}]`, problems));
    }
    return;
  }
  const map = /^\{\s*\[key: string\]: (.+?);\s*\}$/s.exec(type);
  if (map) {
    if (typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, item] of Object.entries(value)) {
        checkValue(item, map[1].trim(), declaration, `${where}.${key}`, problems);
      }
    }
    return;
  }
  if (/^[A-Z]\w*$/.test(type) && typeof value === 'object' && !Array.isArray(value)) {
    const target = declaration.aliases.has(type) ? declaration : declaration.imports.has(type) ? parse(declaration.imports.get(type)) : null;
    if (target?.fields?.size) {
      checkObject(value, target, where, problems);
    }
  }
}

function checkObject(object, declaration, where, problems) {
  for (const [name, value] of Object.entries(object)) {
    const type = declaration.fields.get(name);
    if (type === undefined) {
      problems.push(`${where ? where + '.' : ''}${name}: unknown field`);
      continue;
    }
    checkValue(value, type, declaration, where ? `${where}.${name}` : name, problems);
  }
}

/** Field paths of `object` that the kind declared in `declarationFile` does not have. */
export function findUnknownFields(object, declarationFile) {
  if (!fs.existsSync(declarationFile)) {
    return [];
  }
  const declaration = parse(declarationFile);
  const problems = [];
  if (!declaration.fields?.size) {
    return [`no field declarations found in ${path.basename(declarationFile)}`];
  }
  checkObject(object, declaration, '', problems);
  return problems;
}
