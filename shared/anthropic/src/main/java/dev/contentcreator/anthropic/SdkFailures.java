package dev.contentcreator.anthropic;

import com.anthropic.core.http.Headers;
import com.anthropic.errors.AnthropicException;
import com.anthropic.errors.AnthropicInvalidDataException;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.SseException;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderFailures;
import java.io.InterruptedIOException;
import java.util.Optional;

/**
 * Reads what anthropic-java threw: an error answer (429 rate_limit_error, 529 overloaded_error,
 * 500 api_error, 4xx), an {@code error} event inside a stream, unreadable JSON, a timeout or a
 * dropped connection. Loaded on the first failure.
 */
final class SdkFailures {
  private SdkFailures() {}

  static ProviderException classify(ProviderFailures failures, AnthropicException e) {
    if (e instanceof AnthropicServiceException answer) {
      String type = answer.type().map(t -> t.asString()).orElse("");
      boolean inStream = answer instanceof SseException;
      int status = answer.statusCode();
      // An error event in a stream comes on a 200: its type says what it would have been.
      if (inStream && status < 400) {
        status = switch (type) {
          case "overloaded_error" -> 529;
          case "rate_limit_error" -> 429;
          case "api_error" -> 500;
          default -> status;
        };
      }
      boolean overloaded = status == 529 || "overloaded_error".equals(type);
      return failures.answer(status, type, answer.apiMessage().orElse(""), name -> header(answer.headers(), name),
          overloaded, inStream);
    }
    if (e instanceof AnthropicInvalidDataException) {
      return failures.unreadable(e.getMessage(), e);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedIOException) {
        return failures.timeout(e);
      }
    }
    return failures.connection(e.getMessage(), e);
  }

  private static Optional<String> header(Headers headers, String name) {
    for (String present : headers.names()) {
      if (present.equalsIgnoreCase(name)) {
        return headers.values(present).stream().map(String::trim).filter(v -> !v.isEmpty()).findFirst();
      }
    }
    return Optional.empty();
  }
}
