package dev.contentcreator.core.generation;

import dev.contentcreator.core.config.Config;
import dev.contentcreator.core.config.Settings;
import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.http.ApiException;
import dev.contentcreator.core.ports.ai.AsyncProvider;
import dev.contentcreator.core.ports.ai.Moderator;
import dev.contentcreator.core.ports.ai.ProviderFactory;
import dev.contentcreator.core.ports.ai.SyncProvider;
import dev.contentcreator.core.ports.ai.WebhookReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The providers this process can call, found through {@link ProviderFactory} and configured by
 * their keys: OpenAI when {@code OPENAI_API_KEY} is set, Anthropic when {@code ANTHROPIC_API_KEY}
 * is, Gemini when {@code GEMINI_API_KEY} is, GoAPI when {@code GOAPI_API_KEY} is, and always the
 * offline demo. Picks the provider for a kind and model, preferring the order of
 * {@code TEXT_PROVIDERS} and {@code IMAGE_PROVIDERS}, and names the providers an item may fall back
 * to, in that order, when its own provider's circuit is open.
 */
public final class Providers {
  private final Map<String, SyncProvider> sync;
  private final Map<String, AsyncProvider> async;
  private final Moderator moderator;
  private final Map<String, WebhookReader> webhooks;
  private final Map<ContentKind, List<String>> order;

  public Providers(List<SyncProvider> sync, List<AsyncProvider> async, Moderator moderator,
      List<WebhookReader> webhooks) {
    this(sync, async, moderator, webhooks, Map.of());
  }

  /**
   * @param order per kind, the providers in order of preference ({@code TEXT_PROVIDERS},
   *     {@code IMAGE_PROVIDERS}); names not configured here are skipped
   */
  public Providers(List<SyncProvider> sync, List<AsyncProvider> async, Moderator moderator,
      List<WebhookReader> webhooks, Map<ContentKind, List<String>> order) {
    this.order = new EnumMap<>(ContentKind.class);
    order.forEach((kind, names) -> this.order.put(kind, names.stream().map(String::trim)
        .map(n -> n.toLowerCase(Locale.ROOT)).filter(n -> !n.isEmpty()).distinct().toList()));
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
    Map<ContentKind, List<String>> order = new EnumMap<>(ContentKind.class);
    order.put(ContentKind.TEXT, config.find(Settings.TEXT_PROVIDERS).orElse(List.of()));
    order.put(ContentKind.IMAGE, config.find(Settings.IMAGE_PROVIDERS).orElse(List.of()));
    return new Providers(sync, async, moderator, webhooks, order);
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
    if (provider.isEmpty()) {
      for (String preferred : order.getOrDefault(kind, List.of())) {
        SyncProvider p = sync.get(preferred);
        if (p != null && p.kinds().contains(kind) && !p.models(kind).isEmpty()) {
          return new Choice(p.name(), p.models(kind).get(0), false, p.isDemo());
        }
      }
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

  /**
   * The providers an item of this kind made by {@code provider} may go to instead when that
   * provider's circuit is open: the others of the kind's order that are configured and make the
   * kind, those after it first, then those before it. Empty when the provider is not in the order
   * (or no order is set): its items wait for it.
   */
  public List<String> fallbacks(ContentKind kind, String provider) {
    List<String> names = order.getOrDefault(kind, List.of());
    int at = names.indexOf(provider);
    if (at < 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 1; i < names.size(); i++) {
      String next = names.get((at + i) % names.size());
      SyncProvider p = sync.get(next);
      if (p != null && p.kinds().contains(kind) && !p.models(kind).isEmpty()) {
        out.add(next);
      }
    }
    return List.copyOf(out);
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
