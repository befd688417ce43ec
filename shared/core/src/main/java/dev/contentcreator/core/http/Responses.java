package dev.contentcreator.core.http;

import com.google.cloud.functions.HttpResponse;
import dev.contentcreator.core.log.Log;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes the pipeline's answers: a handler's JSON or stream, or a problem+json. Each returns the
 * bytes of the body, for the log. A HEAD gets the headers of the GET without its body.
 */
final class Responses {
  private Responses() {}

  static long answer(HttpResponse response, Call call, ApiResponse answer) throws IOException {
    call.headers.putAll(answer.headers());
    call.status = answer.status();
    if (answer.stream() != null) {
      return stream(response, call.headers, answer.stream());
    }
    return write(response, call, "application/json; charset=utf-8", answer.json());
  }

  static long problem(HttpResponse response, Call call, ApiException e) throws IOException {
    call.refused(e);
    return write(response, call, Problem.CONTENT_TYPE, Problem.body(e, SecretPaths.redact(call.path)).toString());
  }

  /** A problem written when something already went wrong: a failure to write it is logged, not thrown. */
  static long problemQuietly(HttpResponse response, Call call, ApiException e) {
    try {
      return problem(response, call, e);
    } catch (IOException | RuntimeException again) {
      Log.warning("could not write the error answer", again);
      return 0;
    }
  }

  private static long write(HttpResponse response, Call call, String contentType, String body)
      throws IOException {
    response.setStatusCode(call.status);
    for (Map.Entry<String, String> h : call.headers.entrySet()) {
      response.appendHeader(h.getKey(), h.getValue());
    }
    if (body == null) {
      return 0;
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setContentType(contentType);
    if (!call.method.equals("HEAD")) {
      try (OutputStream out = response.getOutputStream()) {
        out.write(bytes);
      }
    }
    return bytes.length;
  }

  private static long stream(HttpResponse response, Map<String, String> headers, ApiResponse.Stream stream)
      throws IOException {
    response.setStatusCode(200);
    headers.forEach((k, v) -> {
      if (k.equalsIgnoreCase("Content-Type")) {
        response.setContentType(v);
      } else {
        response.appendHeader(k, v);
      }
    });
    long[] count = new long[1];
    try (OutputStream out = new FilterOutputStream(response.getOutputStream()) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        count[0] += len;
      }
    }) {
      stream.writeTo(out);
    } catch (IOException e) {
      // The client went away; the stream is over either way.
    }
    return count[0];
  }
}
