package dev.contentcreator.core.generation;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.ports.ai.AsyncProvider;
import dev.contentcreator.core.ports.ai.Moderator;
import dev.contentcreator.core.ports.ai.ProviderFactory;
import dev.contentcreator.core.ports.ai.SyncProvider;
import dev.contentcreator.core.ports.ai.WebhookReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The providers this process can call, found through {@link ProviderFactory} and configured by
 * their keys: OpenAI when {@code OPENAI_API_KEY} is set, GoAPI when {@code GOAPI_API_KEY} is, and
 * always the offline demo. Picks the provider for a kind and model.
 */
public final class Providers {
  private final Map<String, SyncProvider> sync;
  private final Map<String, AsyncProvider> async;
  private final Moderator moderator;
  private final Map<String, WebhookReader> webhooks;

  public Providers(List<SyncProvider> sync, List<AsyncProvider> async, Moderator moderator,
      List<WebhookReader> webhooks) {
    this.sync = new LinkedHashMap<>();
    sync.forEach(p -> this.sync.put(p.name(), p));
    this.async = new LinkedHashMap<>();
    async.forEach(p -> this.async.put(p.name(), p));
    this.moderator = moderator;
    this.webhooks = new LinkedHashMap<>();
    webhooks.forEach(w -> this.webhooks.put(w.provider(), w));
  }

  /** Every provider the classpath offers and the configuration enables. */
  public static Providers load(Config config) {
    List<SyncProvider> sync = new ArrayList<>();
    List<AsyncProvider> async = new ArrayList<>();
    List<WebhookReader> webhooks = new ArrayList<>();
    Moderator moderator = null;
    for (ProviderFactory f : ServiceLoader.load(ProviderFactory.class, Providers.class.getClassLoader())) {
      f.syncProvider(config).ifPresent(sync::add);
      f.asyncProvider(config).ifPresent(async::add);
      f.webhookReader(config).ifPresent(webhooks::add);
      if (moderator == null) {
        moderator = f.moderator(config).orElse(null);
      }
    }
    // Real providers first, the demo last: it is the fallback, never the preference.
    sync.sort((a, b) -> Boolean.compare(a.isDemo(), b.isDemo()));
    return new Providers(sync, async, moderator, webhooks);
  }

  /** The provider and model chosen for a request. */
  public record Choice(String provider, String model, boolean async, boolean demo) {}

  /**
   * Chooses by the model if one is named, else by the provider if one is named, else the first
   * real provider of the kind, else the demo. 422 naming the field when nothing fits.
   */
  public Choice choose(ContentKind kind, Optional<String> provider, Optional<String> model) {
    if (model.isPresent()) {
      for (SyncProvider p : sync.values()) {
        if (provider.map(p.name()::equals).orElse(true) && p.kinds().contains(kind) && p.models(kind).contains(model.get())) {
          return new Choice(p.name(), model.get(), false, p.isDemo());
        }
      }
      for (AsyncProvider p : async.values()) {
        if (provider.map(p.name()::equals).orElse(true) && p.kinds().contains(kind) && p.models(kind).contains(model.get())) {
          return new Choice(p.name(), model.get(), true, false);
        }
      }
      throw ApiException.unprocessable("model", "no configured provider offers " + model.get() + " for "
          + kind.name().toLowerCase(java.util.Locale.ROOT) + "; known: " + knownModels(kind));
    }
    for (SyncProvider p : sync.values()) {
      if (provider.map(p.name()::equals).orElse(true) && p.kinds().contains(kind) && !p.models(kind).isEmpty()) {
        return new Choice(p.name(), p.models(kind).get(0), false, p.isDemo());
      }
    }
    for (AsyncProvider p : async.values()) {
      if (provider.map(p.name()::equals).orElse(true) && p.kinds().contains(kind) && !p.models(kind).isEmpty()) {
        return new Choice(p.name(), p.models(kind).get(0), true, false);
      }
    }
    String what = kind.name().toLowerCase(java.util.Locale.ROOT);
    throw provider.isPresent()
        ? ApiException.unprocessable("provider", provider.get() + " is not configured for " + what)
        : ApiException.unprocessable("kind", "no provider for " + what + " is configured"
            + (kind == ContentKind.VIDEO ? "; video needs GOAPI_API_KEY" : ""));
  }

  /** Every model per provider for a kind, for error messages and the API's listing. */
  public Map<String, List<String>> knownModels(ContentKind kind) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    sync.values().stream().filter(p -> p.kinds().contains(kind)).forEach(p -> out.put(p.name(), p.models(kind)));
    async.values().stream().filter(p -> p.kinds().contains(kind)).forEach(p -> out.put(p.name(), p.models(kind)));
    return out;
  }

  public Optional<SyncProvider> sync(String name) {
    return Optional.ofNullable(sync.get(name));
  }

  public Optional<AsyncProvider> async(String name) {
    return Optional.ofNullable(async.get(name));
  }

  public Optional<Moderator> moderator() {
    return Optional.ofNullable(moderator);
  }

  public Optional<WebhookReader> webhook(String provider) {
    return Optional.ofNullable(webhooks.get(provider));
  }

  /** Whether only the offline demo is configured. */
  public boolean demoOnly() {
    return async.isEmpty() && sync.values().stream().allMatch(SyncProvider::isDemo);
  }
}
