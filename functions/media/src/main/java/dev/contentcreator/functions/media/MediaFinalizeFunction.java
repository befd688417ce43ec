package dev.contentcreator.functions.media;

import com.google.cloud.functions.CloudEventsFunction;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The Storage {@code google.cloud.storage.object.v1.finalized} event of the uploads bucket: a file a
 * person sent to a signed upload address is processed into content. Delivered at least once; the
 * upload's claim makes a second delivery do nothing. Events older than a day are dropped.
 */
public final class MediaFinalizeFunction implements CloudEventsFunction {
  static final String FINALIZED = "google.cloud.storage.object.v1.finalized";
  static final Duration TOO_OLD = Duration.ofDays(1);

  @Override
  public void accept(CloudEvent event) {
    objectName(event, Holder.SERVICES.platform().clock().instant()).ifPresent(Holder.SERVICES.media()::finishUpload);
  }

  /** The stored object's name, for a finalize event recent enough to matter; empty otherwise. */
  static Optional<String> objectName(CloudEvent event, Instant now) {
    if (!FINALIZED.equals(event.getType()) || event.getData() == null) {
      return Optional.empty();
    }
    OffsetDateTime time = event.getTime();
    if (time != null && time.toInstant().plus(TOO_OLD).isBefore(now)) {
      return Optional.empty();
    }
    JsonObject object = JsonParser.parseString(new String(event.getData().toBytes(), StandardCharsets.UTF_8))
        .getAsJsonObject();
    return object.has("name") ? Optional.of(object.get("name").getAsString()) : Optional.empty();
  }

  private static final class Holder {
    static final Services SERVICES = new Services(Platform.get());
  }
}
