import { describe, expect, it } from "vitest";
import { apiTypes } from "../../scripts/api-types.mjs";
import openapi from "../../../docs/openapi.yaml?raw";
import committed from "./api-schema.d.ts?raw";

describe("the API's generated types", () => {
  it("are what docs/openapi.yaml gives now", async () => {
    expect(committed, "src/lib/api-schema.d.ts is stale: run npm run api-types -w hosting").toBe(await apiTypes(openapi));
  });

  it("change when the description does", async () => {
    const renamed = openapi.replace("operationId: getMe", "operationId: getMyself");
    expect(renamed).not.toBe(openapi);
    expect(await apiTypes(renamed)).not.toBe(committed);
  });
});
