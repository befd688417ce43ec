package dev.contentcreator.core.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An answer other than success, written as {@code application/problem+json} (RFC 9457) by the
 * gateway. Use the factory methods; each names the problem type the OpenAPI description lists.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String type;
  private final String title;
  private final List<FieldError> errors;
  private final transient Map<String, String> headers;

  private ApiException(int status, String type, String title, String detail, List<FieldError> errors,
      Map<String, String> headers) {
    super(detail);
    this.status = status;
    this.type = Objects.requireNonNull(type, "type");
    this.title = Objects.requireNonNull(title, "title");
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
  }

  public int status() { return status; }
  /** A short slug; the problem's type URI is {@code /problems/<slug>}. */
  public String type() { return type; }
  public String title() { return title; }
  public String detail() { return getMessage(); }
  public List<FieldError> errors() { return errors; }
  public Map<String, String> headers() { return headers; }

  public static ApiException of(int status, String type, String title, String detail) {
    return new ApiException(status, type, title, detail, List.of(), Map.of());
  }

  public ApiException withHeaders(Map<String, String> extra) {
    return new ApiException(status, type, title, detail(), errors, extra);
  }

  public static ApiException badRequest(String detail, List<FieldError> errors) {
    return new ApiException(400, "invalid-request", "The request is not valid", detail, errors, Map.of());
  }

  public static ApiException badRequest(String field, String message) {
    return badRequest(field + ": " + message, List.of(new FieldError(field, message)));
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(401, "unauthorized", "Sign-in required", detail, List.of(),
        Map.of("WWW-Authenticate", "Bearer realm=\"content-creator\""));
  }

  public static ApiException forbidden(String detail) {
    return of(403, "forbidden", "Not allowed", detail);
  }

  public static ApiException notFound(String detail) {
    return of(404, "not-found", "Not found", detail);
  }

  public static ApiException conflict(String detail) {
    return of(409, "conflict", "Conflict", detail);
  }

  public static ApiException preconditionFailed(String detail) {
    return of(412, "stale-version", "The resource has changed", detail);
  }

  /** A 422 listing each field that cannot be carried out. */
  public static ApiException unprocessable(String detail, List<FieldError> errors) {
    return new ApiException(422, "unprocessable", "The request cannot be carried out", detail, errors, Map.of());
  }

  public static ApiException unprocessable(String field, String message) {
    return new ApiException(422, "unprocessable", "The request cannot be carried out", field + ": " + message,
        List.of(new FieldError(field, message)), Map.of());
  }
}
