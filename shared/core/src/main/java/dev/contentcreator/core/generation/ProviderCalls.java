package dev.contentcreator.core.generation;

import dev.contentcreator.core.domain.ContentKind;
import dev.contentcreator.core.domain.GenerationItem;
import dev.contentcreator.core.domain.GenerationJob;
import dev.contentcreator.core.log.Log;
import dev.contentcreator.core.ports.ai.AsyncProvider;
import dev.contentcreator.core.ports.ai.AsyncProvider.TaskStatus;
import dev.contentcreator.core.ports.ai.ItemRequest;
import dev.contentcreator.core.ports.ai.ItemResult;
import dev.contentcreator.core.ports.ai.ProviderException;
import dev.contentcreator.core.ports.ai.ProviderPolicy;
import dev.contentcreator.core.ports.ai.SyncProvider;
import dev.contentcreator.core.webhooks.CallbackUrls;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Asks an item of its job's provider, through the provider policy (bulkhead, retries, circuit,
 * timeout), with the project's own key for it when it has one: OpenAI, Anthropic, Gemini and the
 * demo answer in the call, streaming text as it comes, and while the provider's circuit is open the
 * next of the kind's order ({@code TEXT_PROVIDERS}, {@code IMAGE_PROVIDERS}) takes the item; an
 * asynchronous provider (GoAPI) takes a task, to be polled or finished by its webhook. A failure is
 * the adapter's {@link ProviderException}, saying why; what happens next is the runner's to decide.
 */
record ProviderCalls(Supplier<Providers> providers, Supplier<ProviderPolicy> policy, ItemEvents news,
    GenerationSettings settings, Clock clock, ProjectKeys projectKeys) {

  /** What a call started: the result itself, or the provider's task that will make it. */
  sealed interface Started {
    record Made(ItemResult result) implements Started {}

    record Submitted(String providerTaskId) implements Started {}
  }

  Started start(GenerationJob job, GenerationItem item) throws ProviderException {
    ItemRequest request = request(job, item);
    Optional<SyncProvider> sync = providers.get().sync(job.provider());
    if (sync.isPresent()) {
      return new Started.Made(made(job, item, request, sync.get()));
    }
    AsyncProvider async = providers.get().async(job.provider()).orElseThrow(() -> new ProviderException(
        ProviderException.Kind.PERMANENT, job.provider(), "provider not configured",
        job.provider() + " is not configured on this server any more.", 0, null, null));
    // A signed, dated address per item: the webhook refuses calls to an address not issued here or too old.
    String secret = settings.webhookSecret();
    String webhook = settings.publicBaseUrl() == null || secret == null ? null
        : CallbackUrls.forItem(settings.publicBaseUrl(), job.provider(), item.id(), secret, clock.instant());
    return new Started.Submitted(policy.get().call(job.provider(), () -> async.submit(request, webhook,
        webhook == null ? null : secret)));
  }

  /**
   * The item made by the job's provider or, while its circuit is open, by the next of the kind's
   * fallback order whose circuit is closed (with that provider's default model). A call that fails
   * and leaves its provider's circuit open hands the item on at once; any other failure is the
   * runner's to handle. With every circuit open, the job's provider's guard answers (rate limited,
   * with the wait until it may try again), so the queue tries the item later. Only a result is
   * returned, never a charge: the ledger charges the one result once, whichever provider made it.
   */
  private ItemResult made(GenerationJob job, GenerationItem item, ItemRequest request, SyncProvider own)
      throws ProviderException {
    List<String> fallbacks = providers.get().fallbacks(job.kind(), job.provider());
    ProviderPolicy guard = policy.get();
    ProviderException first = null;
    if (fallbacks.isEmpty() || guard.openFor(own.name()).isEmpty()) {
      try {
        return call(job, item, request, own);
      } catch (ProviderException e) {
        if (fallbacks.isEmpty() || !e.retryable() || guard.openFor(own.name()).isEmpty()) {
          throw e;
        }
        Log.warning(own.name() + "'s circuit opened on item " + item.id() + "; handing it to the next provider");
        first = e;
      }
    }
    ProviderException last = null;
    for (String name : fallbacks) {
      SyncProvider next = providers.get().sync(name).orElse(null);
      if (next == null || guard.openFor(name).isPresent()) {
        continue;
      }
      ItemRequest moved = new ItemRequest(request.itemId(), request.kind(), next.models(job.kind()).get(0),
          request.prompt(), request.systemPrompt(), request.options(), request.userId());
      try {
        return call(job, item, moved, next);
      } catch (ProviderException e) {
        if (e.kind() == ProviderException.Kind.PERMANENT && e.httpStatus() == 0) {
          // The fallback will not take the job's options (a size or ratio of the job's provider):
          // it is no place for this item, which waits for its own provider or goes to the next.
          Log.warning(name + " cannot take item " + item.id() + " in " + own.name() + "'s place: " + e.getMessage());
          continue;
        }
        if (!e.retryable() || guard.openFor(name).isEmpty()) {
          throw e;
        }
        last = e;
      }
    }
    if (last != null || first != null) {
      throw last != null ? last : first;
    }
    // Every circuit is open: the job's own guard refuses, saying how long until it may try again.
    return call(job, item, request, own);
  }

  /**
   * One call through the provider's guard, with the project's own key for it when there is one. The
   * key is read before the guard: a store that cannot be read is no failure of the provider's.
   */
  private ItemResult call(GenerationJob job, GenerationItem item, ItemRequest request, SyncProvider provider)
      throws ProviderException {
    String key = provider.takesProjectKeys() ? projectKeys.find(job.projectId(), provider.name()).orElse(null) : null;
    ItemResult result = policy.get().call(provider.name(), () -> {
      // Each try streams the text from its start: what an earlier, failed try streamed is void.
      news.restarted(job.id(), item.index());
      return provider.generate(request, news.progress(job.id(), item.index()), key);
    });
    // The demo makes nothing that costs: an item it took over from a paid provider is free too.
    return provider.isDemo() && !job.demo()
        ? new ItemResult(result.provider(), result.model(), result.text(), result.media(), ItemResult.Usage.NONE)
        : result;
  }

  /** The state of the item's task at its provider. */
  TaskStatus poll(GenerationJob job, GenerationItem item) throws ProviderException {
    AsyncProvider async = providers.get().async(job.provider()).orElseThrow();
    return policy.get().call(job.provider(), () -> async.poll(item.providerTaskId()));
  }

  private ItemRequest request(GenerationJob job, GenerationItem item) {
    Map<String, String> options = new HashMap<>(job.options());
    if (job.kind() == ContentKind.TEXT) {
      // The reservation counted on this cap: the provider is held to it.
      options.putIfAbsent("maxTokens", Integer.toString(settings.maxOutputTokens()));
    }
    return new ItemRequest(item.id(), job.kind(), job.model(), Jobs.promptOf(job, item), job.systemPrompt(), options,
        job.requestedBy());
  }
}
