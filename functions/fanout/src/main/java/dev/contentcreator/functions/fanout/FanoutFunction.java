package dev.contentcreator.functions.fanout;

import dev.contentcreator.core.config.Settings;
import com.google.cloud.functions.CloudEventsFunction;
import dev.contentcreator.core.platform.Platform;
import dev.contentcreator.core.platform.Services;
import io.cloudevents.CloudEvent;

/**
 * The Eventarc trigger of the {@code generation-requests} Pub/Sub topic: each message becomes one
 * task per item of its job. Internal (Eventarc authenticates the push; no hosting rewrite).
 * {@code EVENT_MAX_AGE} (24h) drops events too old to matter: the scheduler's sweep covers their jobs.
 */
public final class FanoutFunction implements CloudEventsFunction {
  @Override
  public void accept(CloudEvent event) throws Exception {
    Holder.EVENTS.accept(event);
  }

  private static final class Holder {
    static final Services SERVICES = new Services(Platform.get());
    static final PubSubEvents EVENTS = new PubSubEvents(SERVICES.fanOut(),
        Platform.get().config().get(Settings.EVENT_MAX_AGE), Platform.get().clock());
  }
}
