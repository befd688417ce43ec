#!/usr/bin/env node
// Writes terraform/api-gateway.yaml, the Swagger 2.0 description API Gateway needs, from the public
// API in docs/openapi.yaml: the same paths and operations, each sent to the function its x-function
// names. Terraform fills in each function's address (${<function>} placeholders) with templatefile.
//
//   node scripts/api-gateway-spec.mjs           rewrite the file
//   node scripts/api-gateway-spec.mjs --check   exit 1 when the file is not what docs/openapi.yaml gives
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
// The longest a request may take at the gateway, in seconds. An event stream ends by itself after
// STREAM_MAX_DURATION (50 s) and the client resumes it; the gateway allows it a little more.
const DEADLINE = 60;
const STREAM_DEADLINE = 90;

export const root = fileURLToPath(new URL('..', import.meta.url));
export const SPEC = `${root}terraform/api-gateway.yaml`;

/** The Swagger 2.0 document, as text, for the OpenAPI 3 document given as text. */
export function gatewaySpec(openapiText) {
  const api = YAML.parse(openapiText);
  const paths = {};
  for (const [path, item] of Object.entries(api.paths)) {
    const partial = path.split('/').find((segment) => segment.includes('{') && !/^\{[^{}]+\}$/.test(segment));
    if (partial) {
      throw new Error(`${path}: API Gateway routes only parameters that are whole segments, not "${partial}"`);
    }
    const params = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
      name, in: 'path', required: true, type: 'string',
    }));
    const out = {};
    if (params.length) out.parameters = params;
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op['x-function']) throw new Error(`${method.toUpperCase()} ${path} has no x-function in docs/openapi.yaml`);
      const streams = Boolean(op.responses?.['200']?.content?.['text/event-stream']);
      out[method] = {
        operationId: op.operationId,
        summary: op.summary,
        'x-google-backend': {
          address: `\${${op['x-function']}}`,
          path_translation: 'APPEND_PATH_TO_ADDRESS',
          // The functions verify the Firebase ID token themselves: pass Authorization through as sent.
          disable_auth: true,
          deadline: streams ? STREAM_DEADLINE : DEADLINE,
        },
        responses: { default: { description: 'See docs/openapi.yaml for every answer.' } },
      };
    }
    paths[path] = out;
  }
  const doc = {
    swagger: '2.0',
    info: {
      title: api.info.title,
      version: api.info.version,
      description: 'Generated from docs/openapi.yaml by scripts/api-gateway-spec.mjs; do not edit.',
    },
    schemes: ['https'],
    produces: ['application/json'],
    paths,
  };
  return `# Generated from docs/openapi.yaml by scripts/api-gateway-spec.mjs; do not edit by hand.\n${YAML.stringify(doc, { lineWidth: 0 })}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const want = gatewaySpec(readFileSync(`${root}docs/openapi.yaml`, 'utf8'));
  if (process.argv.includes('--check')) {
    let have = '';
    try { have = readFileSync(SPEC, 'utf8'); } catch { /* missing: reported below */ }
    if (have !== want) {
      console.error('terraform/api-gateway.yaml is not what docs/openapi.yaml gives: run node scripts/api-gateway-spec.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(SPEC, want);
    console.log(`wrote ${SPEC}`);
  }
}
