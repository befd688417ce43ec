#!/usr/bin/env node
// Writes src/lib/api-schema.d.ts, the TypeScript types of the HTTP API, from docs/openapi.yaml with
// openapi-typescript. The file is committed, so the app type-checks on a fresh clone without this
// step; src/lib/api-schema.test.ts fails when it is not what docs/openapi.yaml gives now.
//
//   npm run api-types -w hosting    rewrite the file after changing docs/openapi.yaml
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";

const SPEC = new URL("../../docs/openapi.yaml", import.meta.url);
const OUTPUT = new URL("../src/lib/api-schema.d.ts", import.meta.url);
const HEADER = "// Generated from docs/openapi.yaml by `npm run api-types -w hosting` (openapi-typescript); do not edit.\n\n";

// A file's bytes (format: binary) are a Blob in the browser, both sent (a CSV file, an upload) and read.
const BLOB = ts.factory.createTypeReferenceNode("Blob");

/** The text of the types file for the OpenAPI document given as YAML text. */
export async function apiTypes(openapiText) {
  // A field is optional unless the schema lists it as required.
  const ast = await openapiTS(openapiText, {
    silent: true,
    transform: (schema) => (schema.format === "binary" ? BLOB : undefined),
  });
  return HEADER + astToString(ast);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(OUTPUT, await apiTypes(readFileSync(SPEC, "utf8")));
  console.log(`wrote ${fileURLToPath(OUTPUT)}`);
}
