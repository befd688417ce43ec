import { describe, expect, it } from "vitest";
import { acceptLink, expiryText, tokenFromHash } from "./invitations";

describe("acceptLink", () => {
  it("puts the server's path on the app's origin, fragment and all", () => {
    expect(acceptLink("https://studio.example", "/invitations/abc#token=xyz_-1")).toBe(
      "https://studio.example/invitations/abc#token=xyz_-1",
    );
  });
});

describe("tokenFromHash", () => {
  it("reads the token of an accept link", () => {
    expect(tokenFromHash("#token=AbCdEfGhIjKlMnOpQrStUv_-12")).toBe("AbCdEfGhIjKlMnOpQrStUv_-12");
  });

  it("gives null without one, or for one no server made", () => {
    expect(tokenFromHash("")).toBeNull();
    expect(tokenFromHash("#other=1")).toBeNull();
    expect(tokenFromHash("#token=short")).toBeNull();
    expect(tokenFromHash("#token=<script>alert(1)</script>xxxxxxxx")).toBeNull();
  });
});

describe("expiryText", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  const at = (iso: string, status: "pending" | "expired" = "pending") => expiryText({ status, expiresAt: iso }, now);

  it("counts days, then hours, then minutes", () => {
    expect(at("2026-12-09T12:00:00Z")).toBe("expires in 7 days");
    expect(at("2026-12-09T11:59:00Z")).toBe("expires in 7 days");
    expect(at("2026-12-03T09:00:00Z")).toBe("expires in 21 hours");
    expect(at("2026-12-02T12:30:00Z")).toBe("expires in 30 minutes");
    expect(at("2026-12-02T12:00:30Z")).toBe("expires in a moment");
  });

  it("says expired once past, or when the server says so", () => {
    expect(at("2026-12-02T11:00:00Z")).toBe("expired");
    expect(at("2026-12-09T12:00:00Z", "expired")).toBe("expired");
  });
});
