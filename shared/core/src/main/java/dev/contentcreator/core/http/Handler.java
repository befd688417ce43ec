package dev.contentcreator.core.http;

/** Answers one route. Throws {@link ApiException} for any answer but success. */
@FunctionalInterface
public interface Handler {
  ApiResponse handle(ApiRequest request);
}
