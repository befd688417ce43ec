package dev.contentcreator.gemini;

import com.google.genai.errors.ApiException;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderFailures;
import java.io.InterruptedIOException;
import java.util.Optional;

/**
 * Reads what google-genai threw: an error answer in Google's JSON ({@code error.code},
 * {@code error.status}: 429 RESOURCE_EXHAUSTED, 503 UNAVAILABLE, 500 INTERNAL, 400 INVALID_ARGUMENT,
 * 403 PERMISSION_DENIED), a timeout, a dropped connection or an answer that could not be read.
 * Loaded on the first failure.
 */
final class SdkFailures {
  private SdkFailures() {}

  static ProviderException classify(ProviderFailures failures, RuntimeException e) {
    if (e instanceof ApiException answer) {
      String status = answer.status() == null ? "" : answer.status();
      boolean overloaded = answer.code() == 503 || "UNAVAILABLE".equals(status);
      // The SDK keeps no headers of an error answer, so a Retry-After cannot be read here.
      return failures.answer(answer.code(), status, answer.message(), name -> Optional.empty(), overloaded, false);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedIOException) {
        return failures.timeout(e);
      }
      if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) {
        return failures.unreadable(t.getMessage(), e);
      }
    }
    return failures.connection(e.getMessage(), e);
  }
}
