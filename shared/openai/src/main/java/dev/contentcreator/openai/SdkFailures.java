package dev.contentcreator.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.core.http.Headers;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import dev.contentcreator.core.ports.ai.ProviderException;
import java.io.InterruptedIOException;
import java.util.Optional;

/** Reads what openai-java threw and hands it to {@link OpenAiErrors}; loaded on the first failure. */
final class SdkFailures {
  private SdkFailures() {}

  static ProviderException classify(OpenAiErrors errors, OpenAIException e) {
    if (e instanceof OpenAIServiceException answer) {
      return errors.answer(answer.statusCode(), answer.code().orElse(""), answer.type().orElse(""), reasonOf(answer),
          name -> header(answer.headers(), name), answer instanceof SseException);
    }
    if (e instanceof OpenAIInvalidDataException) {
      return errors.unreadable(e.getMessage(), e);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      // okhttp's call timeout and a socket read timeout are both InterruptedIOExceptions.
      if (t instanceof InterruptedIOException) {
        return errors.timeout(e);
      }
    }
    return errors.connection(e.getMessage(), e);
  }

  private static Optional<String> header(Headers headers, String name) {
    for (String present : headers.names()) {
      if (present.equalsIgnoreCase(name)) {
        return headers.values(present).stream().map(String::trim).filter(v -> !v.isEmpty()).findFirst();
      }
    }
    return Optional.empty();
  }

  private static String reasonOf(OpenAIServiceException e) {
    try {
      JsonNode body = e.body().convert(JsonNode.class);
      if (body == null) {
        return "";
      }
      JsonNode message = body.has("error") ? body.path("error").path("message") : body.path("message");
      return message.isTextual() ? message.asText() : "";
    } catch (RuntimeException unreadable) {
      return "";
    }
  }
}
