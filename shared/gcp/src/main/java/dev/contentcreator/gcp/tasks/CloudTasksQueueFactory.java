package dev.contentcreator.gcp.tasks;

import com.google.cloud.tasks.v2.CloudTasksClient;
import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.ProjectId;
import dev.contentcreator.core.config.Setting;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.platform.PortFactory;
import dev.contentcreator.core.ports.TaskQueue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Makes the {@code cloudtasks} tasks adapter ({@code TASKS=cloudtasks}). Settings, all required but
 * the last: {@code GOOGLE_CLOUD_PROJECT}; {@code TASKS_LOCATION} (else {@code REGION}), the queues'
 * region; {@code TASKS_TARGET_URL}, the task runner's base address; {@code TASKS_INVOKER_SA}, the
 * service account whose OIDC token the tasks carry; {@code TASKS_AUDIENCE}, the token's audience
 * (default {@code TASKS_TARGET_URL}). The client is made here, on the platform's first use of tasks.
 */
public final class CloudTasksQueueFactory implements PortFactory<TaskQueue> {

  @Override
  public Class<TaskQueue> port() {
    return TaskQueue.class;
  }

  @Override
  public String name() {
    return "cloudtasks";
  }

  @Override
  public TaskQueue create(Config config) {
    CloudTasksQueue.Target target = target(config);
    try {
      return CloudTasksQueue.create(CloudTasksClient.create(), target, Clock.systemUTC());
    } catch (IOException e) {
      throw new UncheckedIOException("could not make the Cloud Tasks client: " + e.getMessage(), e);
    }
  }

  /** Where the configuration sends tasks; fails naming the first missing setting. */
  static CloudTasksQueue.Target target(Config config) {
    String url = required(config, Settings.TASKS_TARGET_URL, "the task runner's base address");
    return new CloudTasksQueue.Target(
        ProjectId.required(config, "TASKS=cloudtasks (the project of the queues)"),
        config.find(Settings.TASKS_LOCATION).or(() -> config.find(Settings.REGION)).orElseThrow(() -> new IllegalStateException(
            "TASKS=cloudtasks needs TASKS_LOCATION (or REGION): the region of the queues")),
        url,
        required(config, Settings.TASKS_INVOKER_SA, "the service account whose OIDC token tasks carry"),
        config.find(Settings.TASKS_AUDIENCE).orElse(url));
  }

  private static String required(Config config, Setting<String> setting, String what) {
    return config.find(setting).orElseThrow(() -> new IllegalStateException(
        "TASKS=cloudtasks needs " + setting.name() + ": " + what));
  }
}
