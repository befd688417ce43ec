/** The text of src/lib/api-schema.d.ts for the OpenAPI document given as YAML text. */
export function apiTypes(openapiText: string): Promise<string>;
