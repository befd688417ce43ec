package dev.contentcreator.ai.goapi;

import com.google.gson.JsonObject;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to ask GoAPI's unified task API to create: {@code model}, {@code task_type}, the
 * model-specific {@code input}, and the optional {@code config} (service mode, webhook).
 * Immutable; build one with {@link #builder()}.
 */
public final class GoApiTaskRequest {
  private final String model;
  private final String taskType;
  private final Map<String, Object> input;
  private final String serviceMode;
  private final URI webhookEndpoint;
  private final String webhookSecret;

  private GoApiTaskRequest(Builder b) {
    this.model = b.model;
    this.taskType = b.taskType;
    this.input = Collections.unmodifiableMap(new LinkedHashMap<>(b.input));
    this.serviceMode = b.serviceMode;
    this.webhookEndpoint = b.webhookEndpoint;
    this.webhookSecret = b.webhookSecret;
  }

  public static Builder builder() {
    return new Builder();
  }

  public String model() { return model; }
  public String taskType() { return taskType; }
  /** The input fields in the order they were set; values are strings, numbers or booleans. */
  public Map<String, Object> input() { return input; }
  /** {@code public}, {@code private}, or null to use the account's setting. */
  public String serviceMode() { return serviceMode; }
  /** Where GoAPI should post task updates, or null. */
  public URI webhookEndpoint() { return webhookEndpoint; }
  /** The secret GoAPI sends back in {@code x-webhook-secret}, or null when there is no webhook. */
  public String webhookSecret() { return webhookSecret; }

  /** The request body as GoAPI expects it. */
  JsonObject toJson() {
    JsonObject body = new JsonObject();
    body.addProperty("model", model);
    body.addProperty("task_type", taskType);
    JsonObject in = new JsonObject();
    input.forEach((name, value) -> {
      if (value instanceof String s) {
        in.addProperty(name, s);
      } else if (value instanceof Number n) {
        in.addProperty(name, n);
      } else {
        in.addProperty(name, (Boolean) value);
      }
    });
    body.add("input", in);
    if (serviceMode != null || webhookEndpoint != null) {
      JsonObject config = new JsonObject();
      if (serviceMode != null) {
        config.addProperty("service_mode", serviceMode);
      }
      if (webhookEndpoint != null) {
        JsonObject webhook = new JsonObject();
        webhook.addProperty("endpoint", webhookEndpoint.toString());
        webhook.addProperty("secret", webhookSecret);
        config.add("webhook_config", webhook);
      }
      body.add("config", config);
    }
    return body;
  }

  @Override
  public String toString() {
    // The webhook secret is left out on purpose.
    return "GoApiTaskRequest{model=" + model + ", taskType=" + taskType + ", input=" + input.keySet()
        + ", serviceMode=" + serviceMode + ", webhook=" + (webhookEndpoint != null) + "}";
  }

  /** Collects the parts of a task request; {@link #build()} checks they fit together. */
  public static final class Builder {
    private String model;
    private String taskType;
    private final Map<String, Object> input = new LinkedHashMap<>();
    private String serviceMode;
    private URI webhookEndpoint;
    private String webhookSecret;

    private Builder() { }

    public Builder model(String model) {
      this.model = requireText(model, "model");
      return this;
    }

    public Builder taskType(String taskType) {
      this.taskType = requireText(taskType, "taskType");
      return this;
    }

    /** Adds one input field; {@code value} must be a String, a Number or a Boolean. */
    public Builder input(String name, Object value) {
      requireText(name, "input name");
      Objects.requireNonNull(value, () -> "input " + name + " must not be null");
      if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
        throw new IllegalArgumentException("input " + name + " must be a string, a number or a boolean, got: "
            + value.getClass().getName());
      }
      input.put(name, value);
      return this;
    }

    /** {@code public} (pay as you go) or {@code private} (host your account); null clears it. */
    public Builder serviceMode(String serviceMode) {
      if (serviceMode != null && !serviceMode.equals("public") && !serviceMode.equals("private")) {
        throw new IllegalArgumentException("serviceMode must be public or private, got: " + serviceMode);
      }
      this.serviceMode = serviceMode;
      return this;
    }

    /**
     * Asks GoAPI to post task updates to {@code endpoint} (an absolute http or https URL) with
     * {@code secret} in the {@code x-webhook-secret} header. The secret must not be blank: a webhook
     * nobody can authenticate is refused here rather than accepted later.
     */
    public Builder webhook(URI endpoint, String secret) {
      Objects.requireNonNull(endpoint, "webhook endpoint");
      String scheme = endpoint.getScheme();
      if (!endpoint.isAbsolute() || endpoint.getHost() == null
          || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
        throw new IllegalArgumentException("webhook endpoint must be an absolute http or https URL, got: " + endpoint);
      }
      this.webhookSecret = requireText(secret, "webhook secret");
      this.webhookEndpoint = endpoint;
      return this;
    }

    public GoApiTaskRequest build() {
      if (model == null) {
        throw new IllegalStateException("model is required");
      }
      if (taskType == null) {
        throw new IllegalStateException("taskType is required");
      }
      return new GoApiTaskRequest(this);
    }

    private static String requireText(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
      return value;
    }
  }
}
